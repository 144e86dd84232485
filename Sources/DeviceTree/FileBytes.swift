#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file with plain system calls (no Foundation on the hot path).
public enum FileBytes {
  /// Why a read failed, as the C library words it.
  public struct Failure: Error, Sendable {
    public let reason: DeviceTreeError.Reason
  }

  /// The file's bytes in 8-byte words (the last one padded with zeros) and the byte count:
  /// a regular file is read straight into them, other inputs through `read(path:limit:)`.
  public static func readWords(path: String, limit: Int) throws(Failure) -> (words: [UInt64], byteCount: Int) {
    if path != "-" {
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      if fd < 0 { throw Failure(reason: .unreadable(errnoText())) }
      defer { close(fd) }
      var info = stat()
      if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0, info.st_size <= limit {
        let expected = Int(info.st_size)
        var failure: Int32 = 0
        var got = 0
        // One byte of room more than the size, to notice a file that grew.
        let words = [UInt64](unsafeUninitializedCapacity: (expected + 8) / 8) { buffer, count in
          let raw = UnsafeMutableRawBufferPointer(buffer)
          raw.initializeMemory(as: UInt8.self, repeating: 0)
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
        // Trailing zero words past `got` are padding; the blob is bounded by its byte count.
        if got <= expected { return (words, got) }
      }
    }
    let bytes = try read(path: path, limit: limit)
    return (words(of: bytes), bytes.count)
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

  /// The file's bytes; `path` "-" means standard input.
  public static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw Failure(reason: .unreadable(errnoText())) }
    defer { if fd != 0 { close(fd) } }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw Failure(reason: .unreadable(String(cString: strerror(EISDIR))))
    }
    // A regular file is read straight into an array of its size (one byte more, to notice a
    // file that grew); pipes and files that grew continue in 64 KiB steps.
    let expected = (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 ? Int(info.st_size) : 0
    var bytes = [UInt8]()
    var failure: Int32 = 0
    if expected > 0 && expected <= limit {
      bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
        count = 0
        while count < buffer.count {
          let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
          if n < 0 && errno == EINTR { continue }
          if n < 0 { failure = errno }
          if n <= 0 { break }
          count += n
        }
      }
      if failure != 0 { throw Failure(reason: .unreadable(String(cString: strerror(failure)))) }
      if bytes.count <= expected { return bytes }
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(reason: .unreadable(errnoText()))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > limit { throw Failure(reason: .tooLarge(bytes.count)) }
    }
    return bytes
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}
