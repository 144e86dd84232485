#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The entries of a folder, read with `opendir`/`readdir` (no Foundation).
enum DirectoryEntries {
  /// A folder entry: its name and whether it is a folder (symbolic links are not followed,
  /// so a link to a folder is not one, and no walk can loop).
  struct Entry {
    var name: String
    var isDirectory: Bool
  }

  /// The entries of `path` except `.` and `..`, sorted by name; nil when it cannot be opened.
  static func list(_ path: String) -> [Entry]? {
    guard let stream = opendir(path) else { return nil }
    defer { closedir(stream) }
    var entries: [Entry] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name == "." || name == ".." { continue }
      var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
      // File systems that do not fill in d_type report DT_UNKNOWN.
      if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
        var info = stat()
        isDirectory = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
      }
      entries.append(Entry(name: name, isDirectory: isDirectory))
    }
    return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
  }

  /// Whether `path` is a folder (following symbolic links, as `/proc/device-tree` is one).
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }
}
