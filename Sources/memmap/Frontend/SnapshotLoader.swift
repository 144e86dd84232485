import DeviceTree
import FoundationEssentials
import MemoryMap

/// Reads a diff input: a DTB (modelled now) or a saved `inspect --format json` document.
enum SnapshotLoader {
  static func load(_ path: String, options: MapOptions, input: InputSettings) -> Result<MapSnapshot, InputError> {
    // `image.itb:conf-1` names a FIT configuration, and a folder holds a tree in
    // /proc/device-tree form: neither is one file to read.
    if InputLoader.imageOfBoard(path) != nil || (path != "-" && DirectoryEntries.isDirectory(path)) {
      return snapshot(of: InputLoader.load(path, settings: input), path: path, options: options)
    }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path, limit: DeviceTreeBlob.maximumSize)
    } catch {
      return .failure(error)
    }
    if bytes.first == UInt8(ascii: "{") || bytes.first == UInt8(ascii: "[") {
      return SavedInspectJSON.snapshot(from: bytes, file: path)
    }
    // The tree is made from the bytes taken: the file is read once (standard input can only be).
    let trees = InputLoader.load(contents: (FileBytes.words(of: bytes), bytes.count), name: path, settings: input)
    return snapshot(of: trees, path: path, options: options)
  }

  /// The snapshot of the one board among `trees`, the boards of the input `path`.
  private static func snapshot(of trees: [Result<LoadedTree, DeviceTreeError>], path: String, options: MapOptions)
    -> Result<MapSnapshot, InputError>
  {
    ReportLoader.one(of: ReportLoader.reports(of: trees, options: options), path: path)
      .map(MapSnapshot.init).mapError(InputError.init)
  }

  /// Every input's snapshot, in order; nil, after printing the first failure's line, when one
  /// cannot be used (diff and render compare nothing then).
  static func loadAll(_ paths: [String], run: RunSettings) throws(ConfigError) -> [MapSnapshot]? {
    try loadAll(paths, input: run.input) { (_, path) throws(ConfigError) in try run.mapOptions(for: path) }
  }

  /// Each input's snapshot under the options `options(index, path)` gives it, resolved just
  /// before it is read; nil as for `loadAll(_:run:)`.
  static func loadAll(_ paths: [String], input: InputSettings,
                      options: (Int, String) throws(ConfigError) -> MapOptions) throws(ConfigError)
    -> [MapSnapshot]?
  {
    var snapshots: [MapSnapshot] = []
    for (index, path) in paths.enumerated() {
      switch load(path, options: try options(index, path), input: input) {
      case .success(let snapshot): snapshots.append(snapshot)
      case .failure(let failure):
        Diagnostics.printError(failure.text)
        return nil
      }
    }
    return snapshots
  }
}
