#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to the terminal: stdout for reports, stderr for errors and run notes.
///
/// Plain `write(2)` on file descriptors 1 and 2, so that nothing shared and mutable (C's
/// `FILE *` globals) is touched from Swift's concurrency-checked code.
enum Diagnostics {
  /// Writes `text` to standard output as is.
  static func write(_ text: String) { write(text, to: 1) }

  /// Writes UTF-8 `bytes` to standard output as they are.
  static func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write($0, to: 1) }
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

  /// Appends `text` to the file at `path`, creating it; false when it cannot be opened.
  static func append(_ text: String, toFile path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    write(text, to: fd)
    return true
  }

  /// Replaces the file at `path` with `text`, creating it; nil when written, else the system's
  /// reason (`No such file or directory`).
  static func writeFile(_ text: String, toFile path: String) -> String? {
    let fd = open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    write(text, to: fd)
    return close(fd) == 0 ? nil : String(cString: strerror(errno))
  }

  private static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { write($0, to: fd) }
  }

  private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
    guard var pointer = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let n = Glibc.write(fd, pointer, remaining)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      pointer += n
      remaining -= n
    }
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
