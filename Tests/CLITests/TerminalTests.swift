import Foundation
import Testing
import TestSupport

/// `--color auto|always|never`, `NO_COLOR` and `COLUMNS`, through the binary. Colour is ANSI
/// SGR (ECMA-48): ESC [ 31 m red, 32 green, 33 yellow, 1 bold, 0 reset.
@Suite struct TerminalTests {
  static let overlap = Fixtures.dtb("lint", "reserved-overlap")
  static let esc = "\u{1B}["

  @Test("lint: --color always colours the severity words, never and a pipe do not")
  func lint() throws {
    let always = try Binary.run(["lint", "--color", "always", Self.overlap])
    #expect(always.stdout.contains(": \(Self.esc)31merror\(Self.esc)0m: [MM001 "))
    #expect(always.stdout.contains(": \(Self.esc)33mwarning\(Self.esc)0m: [MM024 "))
    let never = try Binary.run(["lint", "--color", "never", Self.overlap])
    let piped = try Binary.run(["lint", Self.overlap])
    #expect(!never.stdout.contains(Self.esc) && !piped.stdout.contains(Self.esc))
    #expect(never.stdout == piped.stdout)
    // An explicit flag wins over NO_COLOR (no-color.org: "user-level configuration ... override").
    let forced = try Binary.run(["lint", "--color", "always", Self.overlap], environment: ["NO_COLOR": "1"])
    #expect(forced.stdout.contains(Self.esc))
    let bad = try Binary.run(["lint", "--color", "sometimes", Self.overlap])
    #expect(bad.status == 2)
  }

  /// Runs memmap under script(1), which gives it a pseudo-terminal for standard output.
  static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    let command = ([Binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    // The test runner's own environment may ask for no colour; the terminal case must not.
    env["COLUMNS"] = nil
    env["NO_COLOR"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test("auto: colour on a terminal, none with NO_COLOR set")
  func auto() throws {
    let terminal = try Self.onTerminal(["lint", Self.overlap])
    #expect(terminal.contains("\(Self.esc)31merror"))
    let noColour = try Self.onTerminal(["lint", Self.overlap], environment: ["NO_COLOR": "1"])
    #expect(noColour.contains("error: [MM001") && !noColour.contains(Self.esc))
  }

  @Test("diff and check-log: removed lines red, added lines green, headers bold")
  func differences() throws {
    let diff = try Binary.run(["diff", "--color", "always", Fixtures.dtb("diff", "base"), Fixtures.dtb("diff", "finding")])
    #expect(diff.stdout.hasPrefix("\(Self.esc)1m--- "))
    #expect(diff.stdout.contains("\(Self.esc)32m  added   /reserved-memory/clash@50080000"))
    #expect(diff.stdout.contains("\(Self.esc)32m  + [MM001 reserved-overlap]"))
    let plain = try Binary.run(["diff", Fixtures.dtb("diff", "base"), Fixtures.dtb("diff", "finding")])
    #expect(diff.stdout.replacingOccurrences(of: "\(Self.esc)0m", with: "")
      .replacing(/\x1B\[(1|31|32|33)m/, with: "") == plain.stdout)
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-\(UUID().uuidString).log")
    try "[    0.000000] OF: reserved mem: 0x0000000040000000..0x0000000040000fff (4 KiB) map non-reusable bogus\n"
      .write(to: log, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: log) }
    let check = try Binary.run(["check-log", "--color", "always", Fixtures.dtb("kernel", "01-static-basic"), log.path])
    #expect(check.status == 1)
    #expect(check.stdout.contains("\(Self.esc)31m- OF: reserved mem:"))
    #expect(check.stdout.contains("\(Self.esc)32m+ OF: reserved mem: 0x0000000040000000"))
  }

  @Test("inspect tables fit COLUMNS; without it a pipe gets whole cells")
  func width() throws {
    let board = Fixtures.dtb("boards", "example-board")
    let fitted = try Binary.run(["inspect", board], environment: ["COLUMNS": "90"])
    let tables = fitted.stdout.components(separatedBy: "\nFindings")[0]
    for line in tables.split(separator: "\n") where !line.hasPrefix(board) {
      #expect(line.count <= 90, "\(line)")
    }
    #expect(fitted.stdout.contains("/reserved-memory/"))
    let whole = try Binary.run(["inspect", board], environment: ["COLUMNS": ""])
    // The longest node cell, whole (under 7.2 modem@90000000 keeps only its first reg entry).
    #expect(whole.stdout.contains("/reserved-memory/ramoops@b0000000  ramoops"))
    #expect(whole.stdout.contains("END (incl.)"))
  }
}
