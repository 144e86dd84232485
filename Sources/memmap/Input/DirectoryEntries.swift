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
    /// Whether reading it gives a file's bytes: a regular file or a link to one. A FIFO
    /// would block the reader, a device never ends.
    var isRegularFile: Bool
    /// What it is when it is neither: `a FIFO`, `a broken link`.
    var kind: String
  }

  /// The entries of `path` except `.` and `..`, sorted by name; nil when it cannot be opened.
  static func list(_ path: String) -> [Entry]? {
    guard let stream = opendir(path) else { return nil }
    defer { closedir(stream) }
    var entries: [Entry] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name == "." || name == ".." { continue }
      let type = Int32(entry.pointee.d_type)
      var isDirectory = type == Int32(DT_DIR)
      // File systems that do not fill in d_type report DT_UNKNOWN.
      if type == Int32(DT_UNKNOWN) {
        var info = stat()
        isDirectory = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
      }
      // d_type saves a stat for regular files and folders; links and the rest are looked at.
      let target: mode_t? = type == Int32(DT_REG) ? S_IFREG : isDirectory ? S_IFDIR : fileType(path + "/" + name)
      entries.append(Entry(name: name, isDirectory: isDirectory, isRegularFile: target == S_IFREG,
                           kind: kindName(target)))
    }
    return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
  }

  /// The `S_IFMT` bits of what `path` names, links followed; nil when nothing is there.
  private static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  /// The words for a file type.
  private static func kindName(_ type: mode_t?) -> String {
    switch type {
    case S_IFREG: return "a regular file"
    case S_IFIFO: return "a FIFO"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFDIR: return "a link to a folder"
    case nil: return "a broken link"
    default: return "an unknown file type"
    }
  }

  /// Whether `path` is a folder (following symbolic links, as `/proc/device-tree` is one).
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// Whether anything is at `path` (following symbolic links).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }
}
