import Foundation

/// Checks that run a python3 one-liner on text written to a temporary file (the SARIF schema
/// validator, the XML parser).
public enum Python {
  /// Writes `text` to a fresh temporary file ending in `suffix` and runs
  /// `python3 -c script ARGUMENTS... FILE`: nil when it exits 0, else its standard error.
  public static func problem(with text: String, suffix: String, script: String,
                             arguments: [String] = []) throws -> String? {
    let file = NSTemporaryDirectory() + "memmap-check-\(getpid())-\(UUID().uuidString)\(suffix)"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments + [file]
    let err = Pipe()
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : message
  }
}
