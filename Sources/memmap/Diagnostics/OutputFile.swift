#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file memmap writes (`render -o`): never one of the run's inputs, and replaced atomically,
/// so that a failed or interrupted write leaves the old file as it was.
enum OutputFile {
  /// The input among `inputs` that `output` names, directly or through a symbolic link;
  /// nil when the output is none of them (or does not exist yet).
  static func input(among inputs: [String], sameAs output: String) -> String? {
    guard let target = identity(output) else { return nil }
    return inputs.first { $0 != "-" && identity($0) == target }
  }

  /// Writes `text` to a temporary file beside `path` (beside the file a symbolic link points
  /// at), flushes it to disk, and renames it over `path`; on any failure the temporary file is
  /// removed and `path` is untouched. Only a regular file (or a new one) is replaced: a device,
  /// a FIFO or a socket (`-o /dev/null`, `-o >(gzip)`) is written to where it is, since
  /// renaming over it would put a file in its place.
  static func replace(_ path: String, with text: String) throws(WriteError) {
    let target = resolved(path)
    var info = stat()
    if stat(target, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
      return try writeInPlace(path, text)
    }
    var template = Array((directory(of: target) + "/.memmap-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw WriteError(target: path, code: errno) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure = Diagnostics.write(text, to: fd)
    if failure == nil && fchmod(fd, mode(for: target)) != 0 { failure = errno }
    if failure == nil && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == nil { failure = errno }
    if failure == nil && rename(temporary, target) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw WriteError(target: path, code: failure)
    }
  }

  /// Writes `text` to what `path` opens as (a device or a pipe), without creating anything.
  private static func writeInPlace(_ path: String, _ text: String) throws(WriteError) {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw WriteError(target: path, code: errno) }
    let failure = Diagnostics.write(text, to: fd)
    let closed = close(fd) == 0 ? nil : errno
    if let code = failure ?? closed { throw WriteError(target: path, code: code) }
  }

  /// The file a path finally names: symbolic links followed when they lead somewhere.
  private static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// An existing file keeps its permissions; a new one gets 0666 less the umask, as `open`
  /// would have given it.
  private static func mode(for path: String) -> mode_t {
    var info = stat()
    if stat(path, &info) == 0 { return info.st_mode & 0o7777 }
    let mask = umask(0)
    umask(mask)
    return 0o666 & ~mask
  }

  /// Device and inode of what `path` names, links followed.
  private static func identity(_ path: String) -> [UInt64]? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return [UInt64(info.st_dev), UInt64(info.st_ino)]
  }
}
