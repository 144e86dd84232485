#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file pattern of `.memmap.yml` (`qcom/sc8280xp-*.dtb`), as `fnmatch(3)` reads it with
/// `FNM_PATHNAME`: `*` and `?` do not cross `/`. A pattern without `/` matches the file name
/// in any folder, as in `.gitignore`; one with `/` matches the path relative to the config
/// file's folder.
struct Glob: Equatable {
  var pattern: String

  func matches(_ relativePath: String) -> Bool {
    let subject = pattern.contains("/") ? relativePath : Self.fileName(relativePath)
    let pattern = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
    return fnmatch(pattern, subject, FNM_PATHNAME) == 0
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }
}
