#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to the terminal: stdout for reports, stderr for errors and run notes.
///
/// Plain `write(2)` on file descriptors 1 and 2, so that nothing shared and mutable (C's
/// `FILE *` globals) is touched from Swift's concurrency-checked code. A report that cannot be
/// written (a full disk, a closed pipe) throws `WriteError`: `main` prints it and exits 2.
enum Diagnostics {
  /// Writes `text` to standard output as is.
  static func write(_ text: String) throws(WriteError) {
    if let code = write(text, to: 1) { throw WriteError(target: "standard output", code: code) }
  }

  /// Writes UTF-8 `bytes` to standard output as they are.
  static func write(bytes: [UInt8]) throws(WriteError) {
    if let code = bytes.withUnsafeBufferPointer({ write($0, to: 1) }) {
      throw WriteError(target: "standard output", code: code)
    }
  }

  /// Writes to standard output what `produce` hands its writer, piece by piece; after the
  /// first piece that cannot be written the rest are dropped, and that failure is thrown.
  static func stream(_ produce: (_ write: @escaping ([UInt8]) -> Void) -> Void) throws(WriteError) {
    var failure: WriteError?
    produce { bytes in
      guard failure == nil else { return }
      do throws(WriteError) { try write(bytes: bytes) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Prints one `memmap: error: ...` line on standard error; a line break or control
  /// character in `message` (a file name, a saved-JSON value) is written visibly, so one
  /// error stays one line.
  static func printError(_ message: String) {
    let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    write("memmap: error: \(VisibleText.escape(text))\n", to: 2)
  }

  /// Prints one `memmap: note: ...` line on standard error, escaped as `printError` does.
  static func printNote(_ message: String) {
    write("memmap: note: \(VisibleText.escape(message))\n", to: 2)
  }

  /// Writes `text` to standard error as is.
  static func writeError(_ text: String) { write(text, to: 2) }

  /// Appends `text` to the file at `path`, creating it.
  static func append(_ text: String, toFile path: String) throws(WriteError) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError(target: path, code: errno) }
    var text = text
    let failure = text.withUTF8 { write($0, to: fd) }
    let closed = close(fd) == 0 ? nil : errno
    if let code = failure ?? closed { throw WriteError(target: path, code: code) }
  }

  /// Writes `text` to an open descriptor; nil when all of it was written, else the errno.
  @discardableResult
  static func write(_ text: String, to fd: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { write($0, to: fd) }
  }

  /// Writes `bytes` to an open descriptor; nil when all of them were written, else the errno.
  static func write(bytes: [UInt8], to fd: Int32) -> Int32? {
    bytes.withUnsafeBufferPointer { write($0, to: fd) }
  }

  /// Writes all of `bytes`, retrying short writes; nil when done, else the errno.
  private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Int32? {
    guard var pointer = bytes.baseAddress else { return nil }
    var remaining = bytes.count
    while remaining > 0 {
      let n = Glibc.write(fd, pointer, remaining)
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return errno }
      if n == 0 { return EIO }
      pointer += n
      remaining -= n
    }
    return nil
  }

  /// Ends the process with `status`.
  static func exit(status: Int32) -> Never { Glibc.exit(status) }

  /// Whether standard output is a terminal that wants colour (`NO_COLOR` unset or empty).
  static var colourWanted: Bool {
    if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
    return isatty(1) == 1
  }

  /// Whether standard error is a terminal (for progress lines).
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// A report or file that could not be written: one error line, exit status 2.
struct WriteError: Error {
  /// `standard output` or the file's path.
  let target: String
  let code: Int32

  /// `standard output: cannot write: No space left on device`.
  var message: String { "\(target): cannot write: " + String(cString: strerror(code)) }
}
