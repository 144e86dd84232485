/// The inputs a command line names once its folders are walked (lint takes folders): the
/// files to check, and per folder what the walk passed over (overlays cannot be checked
/// alone; other files are not device trees).
struct InputExpansion {
  var files: [String] = []
  var skipped: [(folder: String, overlays: [String], others: Int)] = []
  /// Inputs by name that are not regular files (a FIFO would block the run), and what they are.
  var notRegular: [(path: String, kind: String)] = []
  /// Folders with nothing to check below them: a gate that checked nothing must not pass.
  var empty: [String] = []

  /// Expands `paths`: a folder becomes the inputs below it, recursively and sorted (`*.dtb`,
  /// `*.dts`, FIT images `*.itb` and `*.fit`), unless it is itself a tree in
  /// `/proc/device-tree` form; files and `-` (standard input) stay as given, in their place.
  init(_ paths: [String]) {
    for path in paths {
      guard path != "-", DirectoryEntries.isDirectory(path), !DirectoryTree.looksLikeTree(path) else {
        files.append(path)
        continue
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      var found = Walk()
      found.collect(prefix, relative: "")
      files += found.inputs.sorted().map { prefix + $0 }
      if found.inputs.isEmpty { empty.append(path) }
      notRegular += found.notRegular.map { (prefix + $0.path, $0.kind) }
      if !found.overlays.isEmpty || found.others > 0 {
        skipped.append((path, found.overlays.sorted().map { prefix + $0 }, found.others))
      }
    }
  }

  /// The files below one folder, by what a lint run does with them.
  private struct Walk {
    static let inputSuffixes = [".dtb", ".dts", ".itb", ".fit"]
    static let overlaySuffixes = [".dtbo", ".dtso"]
    var inputs: [String] = []
    var overlays: [String] = []
    var others = 0
    var notRegular: [(path: String, kind: String)] = []

    /// Sorts the files below `root + relative` into the three lists, as paths relative to
    /// `root`. Links to folders are not followed (no cycles).
    mutating func collect(_ root: String, relative: String) {
      for entry in DirectoryEntries.list(root + relative) ?? [] {
        let path = relative + entry.name
        if entry.isDirectory {
          collect(root, relative: path + "/")
        } else if Self.inputSuffixes.contains(where: entry.name.hasSuffix) {
          if entry.isRegularFile { inputs.append(path) } else { notRegular.append((path, entry.kind)) }
        } else if Self.overlaySuffixes.contains(where: entry.name.hasSuffix) {
          overlays.append(path)
        } else {
          others += 1
        }
      }
    }
  }
}
