import Foundation

/// Runs the built `memmap` executable, for tests of exit codes and stderr.
public enum Binary {
  /// `$MEMMAP_BINARY` when set (a build with its own `--scratch-path`), else
  /// `.build/debug/memmap` beside the repository's `Fixtures/`.
  public static let path: String = {
    if let path = ProcessInfo.processInfo.environment["MEMMAP_BINARY"], !path.isEmpty { return path }
    return URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent()
      .appendingPathComponent(".build/debug/memmap").path
  }()

  public struct Run: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
  }

  /// Runs memmap with `arguments` and optional standard input (text or bytes); with
  /// `stdoutPath` standard output goes to that file (`/dev/full`) and `stdout` is empty.
  public static func run(_ arguments: [String], stdin: String? = nil, stdinData: Data? = nil,
                         environment: [String: String] = [:], stdoutPath: String? = nil,
                         directory: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    if let stdoutPath {
      process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
      try out.fileHandleForWriting.close()
    } else {
      process.standardOutput = out
    }
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    if let stdinData { input.fileHandleForWriting.write(stdinData) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
  }
}
