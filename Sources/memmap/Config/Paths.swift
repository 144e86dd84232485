#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lexical path arithmetic for finding and matching config files; symbolic links are not
/// resolved, so a path means what the user typed.
enum Paths {
  /// The current folder, asked once: memmap never changes it.
  static let currentFolder: String = {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// `path` made absolute against the current folder, with `.`, `..` and repeated `/` removed.
  static func absolute(_ path: String) -> String {
    normalised(path.hasPrefix("/") ? path : currentFolder + "/" + path)
  }

  static func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { _ = parts.popLast(); continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The folder of an absolute path (`/` for `/x`).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }

  /// `path` relative to `folder` when it is inside it, else `path` unchanged.
  static func relative(_ path: String, to folder: String) -> String {
    let prefix = folder == "/" ? "/" : folder + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// A file named in a config file: relative names are relative to the config's folder.
  static func inFolder(_ name: String, _ folder: String) -> String {
    name.hasPrefix("/") ? name : relativeToCurrent(normalised(folder + "/" + name))
  }

  /// An absolute path shortened to be relative to the current folder when it is inside it.
  static func relativeToCurrent(_ path: String) -> String {
    let current = currentFolder
    return current == "/" ? path : relative(path, to: current)
  }
}
