import Foundation

/// Runs the built `memmap` executable, for tests of exit codes and stderr.
public enum Binary {
  /// `.build/debug/memmap` beside the repository's `Fixtures/`.
  public static let path: String = {
    URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent()
      .appendingPathComponent(".build/debug/memmap").path
  }()

  public struct Run: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
  }

  /// Runs memmap with `arguments` and optional standard input.
  public static func run(_ arguments: [String], stdin: String? = nil,
                         environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
  }
}
