#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file with plain system calls (no Foundation on the hot path).
public enum FileBytes {
  /// Why a read failed, as the C library words it. Its own type, not `DeviceTreeError`: the
  /// file may be a log, a script or a map; a device-tree reader turns it into its error.
  public struct Failure: Error, Sendable, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
      /// The operating system refused to read the file (`errno` text).
      case unreadable(String)
      /// The file is larger than `limit` bytes, the most its reader takes.
      case tooLarge(limit: Int)
    }

    public let reason: Reason
  }

  /// The file's bytes in 8-byte words (the last one padded with zeros) and the byte count;
  /// `path` "-" means standard input. A regular file is read straight into the words.
  public static func readWords(path: String, limit: Int) throws(Failure) -> (words: [UInt64], byteCount: Int) {
    let fd = try openForReading(path)
    defer { if fd != 0 { close(fd) } }
    return try readWords(fd: fd, limit: limit)
  }

  /// The file's bytes; `path` "-" means standard input.
  public static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
    let fd = try openForReading(path)
    defer { if fd != 0 { close(fd) } }
    let (words, count) = try readWords(fd: fd, limit: limit)
    return words.withUnsafeBytes { Array($0.prefix(count)) }
  }

  /// `bytes` in 8-byte words, the last one padded with zeros.
  public static func words(of bytes: [UInt8]) -> [UInt64] {
    let wordCount = (bytes.count + 7) / 8
    return [UInt64](unsafeUninitializedCapacity: wordCount) { words, count in
      if wordCount > 0 { words[wordCount - 1] = 0 }
      bytes.withUnsafeBytes { source in
        if let base = source.baseAddress, !source.isEmpty {
          UnsafeMutableRawPointer(words.baseAddress!).copyMemory(from: base, byteCount: source.count)
        }
      }
      count = wordCount
    }
  }

  /// An open descriptor for `path` (0 for "-"); a directory is refused with EISDIR.
  private static func openForReading(_ path: String) throws(Failure) -> Int32 {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw Failure(reason: .unreadable(errnoText())) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      if fd != 0 { close(fd) }
      throw Failure(reason: .unreadable(String(cString: strerror(EISDIR))))
    }
    return fd
  }

  /// Everything `fd` delivers, at most `limit` bytes. A regular file is read straight into
  /// words of its size (with room for one byte more, to notice a file that grew); pipes and
  /// files that grew continue in 64 KiB steps.
  private static func readWords(fd: Int32, limit: Int) throws(Failure) -> (words: [UInt64], byteCount: Int) {
    var info = stat()
    let isRegular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    // A regular file's size is known: one too large is refused without reading it.
    if isRegular && info.st_size > limit { throw Failure(reason: .tooLarge(limit: limit)) }
    if isRegular && info.st_size > 0 && info.st_size <= limit {
      let expected = Int(info.st_size)
      var failure: Int32 = 0
      var got = 0
      let words = [UInt64](unsafeUninitializedCapacity: (expected + 8) / 8) { buffer, count in
        buffer.initialize(repeating: 0)
        let raw = UnsafeMutableRawBufferPointer(buffer)
        while got < expected + 1 {
          let n = Glibc.read(fd, raw.baseAddress! + got, expected + 1 - got)
          if n < 0 && errno == EINTR { continue }
          if n < 0 { failure = errno }
          if n <= 0 { break }
          got += n
        }
        count = buffer.count
      }
      if failure != 0 { throw Failure(reason: .unreadable(String(cString: strerror(failure)))) }
      // Zero words past `got` are padding: the blob is bounded by its byte count.
      if got <= expected { return (words, got) }
      let bytes = words.withUnsafeBytes { Array($0.prefix(got)) }
      return try readRest(fd: fd, after: bytes, limit: limit)
    }
    return try readRest(fd: fd, after: [], limit: limit)
  }

  /// `bytes` followed by whatever `fd` still delivers, in 64 KiB reads, as words.
  private static func readRest(fd: Int32, after bytes: [UInt8], limit: Int) throws(Failure)
    -> (words: [UInt64], byteCount: Int)
  {
    var bytes = bytes
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count <= limit {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(reason: .unreadable(errnoText()))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    if bytes.count > limit { throw Failure(reason: .tooLarge(limit: limit)) }
    return (words(of: bytes), bytes.count)
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}
