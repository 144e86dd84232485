import Foundation
import Testing
import TestSupport

@testable import memmap

/// Issue #15: node names, `compatible` strings, file names, log lines and saved-JSON values are
/// untrusted. Whatever they hold, no raw control or invisible format character reaches the
/// output of any command in any format, no line starts with `::` outside `--format github`'s
/// own commands, a Markdown row stays one row, and every stderr line is one `memmap:` line.
@Suite struct UntrustedTextSweepTests {
  // MARK: - The hostile strings

  /// Every C0 control but NUL (a name is a C string), DEL, every C1 control, CR LF, the
  /// bidirectional overrides, an OSC 8 link, a clear-screen and forged workflow commands and
  /// Markdown rows.
  static let payloads: [String] = {
    var list = (0x01...0x1F).map { String(UnicodeScalar(UInt8($0))) } + ["\u{7F}", "\r\n"]
    list += (0x80...0x9F).map { String(Unicode.Scalar($0)!) }
    list += ["\u{202E}evil\u{202C}", "\u{2066}\u{2069}\u{200B}\u{FEFF}\u{2028}\u{061C}",
             "\u{1B}]8;;https://example.com\u{7}link\u{1B}]8;;\u{7}", "\u{1B}[2J\u{1B}[H",
             "\n::error file=forged.dtb::forged", "\r\n::warning::forged",
             "\r\n| forged | row |", "\n| forged | row |"]
    return list
  }()

  /// A board whose reserved regions are named after the payloads and overlap their
  /// neighbours (so MM001 findings quote two names each); `compatible` holds the payload,
  /// invalid UTF-8 and a second string. `shift` moves every region, for diffs.
  static func tree(shift: UInt64 = 0) -> [UInt8] {
    var children: [FDTNode] = []
    for (i, payload) in payloads.enumerated() {
      let base = 0x8000_0000 + UInt64(i) * 0x1_0000 + shift
      let compatible = Array(payload.utf8) + [0xFF, 0xFE, 0x80, 0] + Array("x\u{9B}1m".utf8) + [0]
      children.append(FDTNode("r\(i)\(payload)@\(String(base, radix: 16))", [
        ("reg", FDTWriter.pairs(base, 0x2_0000)), ("compatible", compatible),
      ]))
    }
    children.append(FDTNode("dyn\u{1B}[31m\n::error::x", [("size", FDTWriter.pairs(0x10_0000))]))
    return FDTWriter.blob(.board(reserved: children))
  }

  // MARK: - What every output must satisfy

  /// No scalar `VisibleText` would escape, except the line breaks and tabs the format itself
  /// writes; no line that GitHub Actions would run as a command.
  static func expectInert(_ text: String, _ label: String, commandsAllowed: Bool = false) {
    let raw = text.unicodeScalars.filter { VisibleText.needsEscape($0) && $0 != "\n" && $0 != "\t" }
    #expect(raw.isEmpty, "\(label): raw \(raw.prefix(8).map { String($0.value, radix: 16) })")
    if !commandsAllowed {
      let forged = text.split(separator: "\n").filter { $0.hasPrefix("::") }
      #expect(forged.isEmpty, "\(label): \(forged.prefix(3))")
    }
  }

  /// Every Markdown table row has as many unescaped `|` as its header.
  static func expectRowsIntact(_ markdown: String, _ label: String) {
    var columns: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else { columns = nil; continue }
      let pipes = line.replacing("\\|", with: "").count { $0 == "|" }
      if let columns { #expect(pipes == columns, "\(label): \(line)") } else { columns = pipes }
    }
  }

  /// Each stderr line is one `memmap: ` line.
  static func expectOneLineErrors(_ stderr: String, _ label: String) {
    for line in stderr.split(separator: "\n") {
      #expect(line.hasPrefix("memmap: "), "\(label): stderr line \(line.debugDescription)")
    }
  }

  static func check(_ run: Binary.Run, _ label: String, commandsAllowed: Bool = false) {
    expectInert(run.stdout, label + " stdout", commandsAllowed: commandsAllowed)
    expectInert(run.stderr, label + " stderr")
    expectOneLineErrors(run.stderr, label)
  }

  // MARK: - Files

  final class Workspace {
    let directory: String
    /// The tree under a file name that is itself hostile.
    let dtb: String
    let shifted: String

    init() throws {
      directory = NSTemporaryDirectory() + "memmap-untrusted-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      dtb = directory + "/board\u{1B}[2J\n::error file=x::forged\u{202E}.dtb"
      shifted = directory + "/shifted\r\n| x |.dtb"
      try Data(UntrustedTextSweepTests.tree()).write(to: URL(fileURLWithPath: dtb))
      try Data(UntrustedTextSweepTests.tree(shift: 0x100_0000)).write(to: URL(fileURLWithPath: shifted))
    }

    func file(_ name: String, _ text: String) throws -> String {
      let path = directory + "/" + name
      try text.write(toFile: path, atomically: false, encoding: .utf8)
      return path
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
  }

  // MARK: - Commands

  @Test("inspect in every format, with a hostile file name and a missing hostile one")
  func inspect() throws {
    let w = try Workspace()
    for format in InspectFormat.allCases {
      let run = try Binary.run(["inspect", "--format", format.rawValue, w.dtb, w.shifted, w.dtb + "\u{1B}[2J\nmissing"])
      #expect(run.status == 2, "\(format)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(format): \(run.stderr)")
      Self.check(run, "inspect \(format)")
    }
  }

  @Test("the RAM-unknown note of a tree without /memory names a hostile file on one line")
  func ramUnknownNote() throws {
    let w = try Workspace()
    let path = w.directory + "/no-ram\n\u{1B}[2J.dtb"
    let root = FDTNode("", [("#address-cells", FDTWriter.cells(2)), ("#size-cells", FDTWriter.cells(2))])
    try Data(FDTWriter.blob(root)).write(to: URL(fileURLWithPath: path))
    let run = try Binary.run(["inspect", "--format", "kernel-log", path])
    #expect(run.stderr.contains("no-ram\\n\\x1b[2J.dtb: note: RAM unknown"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    Self.expectInert(run.stderr, "note")
  }

  @Test("lint in every format, and the GitHub step summary")
  func lint() throws {
    let w = try Workspace()
    let summary = w.directory + "/summary.md"
    let text = try Binary.run(["lint", w.dtb, w.shifted])
    #expect(text.status == 1)
    let findingLines = text.stdout.split(separator: "\n").count - 1
    #expect(findingLines > Self.payloads.count, "the overlaps are found")
    for format in LintFormat.allCases {
      let run = try Binary.run(["lint", "--format", format.rawValue, w.dtb, w.shifted],
                               environment: ["GITHUB_STEP_SUMMARY": summary])
      #expect(run.status == 1, "\(format)")
      Self.check(run, "lint \(format)", commandsAllowed: format == .github)
      if format == .github {
        // One workflow command per finding, nothing else starting with `::`.
        let commands = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(commands.count == findingLines)
      }
    }
    let markdown = try String(contentsOfFile: summary, encoding: .utf8)
    Self.expectInert(markdown, "step summary")
    Self.expectRowsIntact(markdown, "step summary")
  }

  @Test("diff and diff --matrix in every format, from DTBs and from saved JSON")
  func diff() throws {
    let w = try Workspace()
    let saved = try Binary.run(["inspect", "--format", "json", w.dtb])
    Self.expectInert(saved.stdout, "saved json")
    // A saved file whose strings decode to NUL, ESC and line breaks.
    let json = try w.file("saved\u{1B}.json", saved.stdout.replacing("\"r1", with: "\"\\u0000\\u001b[2J\\r\\n::error::r1"))
    for format in DiffFormat.allCases {
      for inputs in [[w.dtb, w.shifted], [json, w.shifted]] {
        let run = try Binary.run(["diff", "--format", format.rawValue] + inputs)
        #expect(run.status == 1, "\(format) \(inputs)")
        Self.check(run, "diff \(format)")
        if format == .markdown { Self.expectRowsIntact(run.stdout, "diff markdown") }
        let matrix = try Binary.run(["diff", "--matrix", "--format", format.rawValue] + inputs)
        Self.check(matrix, "matrix \(format)")
        if format == .markdown { Self.expectRowsIntact(matrix.stdout, "matrix markdown") }
      }
    }
  }

  @Test("a saved-JSON value that is not a number: one error line")
  func savedJSONError() throws {
    let w = try Workspace()
    let saved = try Binary.run(["inspect", "--format", "json", w.dtb]).stdout
    let broken = saved.replacing("\"size\" : \"0x20000\"", with: "\"size\" : \"0x2\\n\\u001b[2Jmemmap: error: forged\"")
    #expect(broken != saved)
    let run = try Binary.run(["diff", try w.file("broken.json", broken), w.dtb])
    #expect(run.status == 2)
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    Self.check(run, "saved json error")
  }

  @Test("render as SVG and HTML, one tree and two")
  func render() throws {
    let w = try Workspace()
    for format in RenderFormat.allCases {
      for inputs in [[w.dtb], [w.dtb, w.shifted]] {
        let run = try Binary.run(["render", "--format", format.rawValue, "-o", "-"] + inputs)
        #expect(run.status == 0, "\(format): \(run.stderr)")
        Self.check(run, "render \(format)")
      }
    }
  }

  @Test("check-log with hostile log lines, and lmb with a hostile word")
  func checkLogAndLMB() throws {
    let w = try Workspace()
    let lines = Self.payloads.filter { !$0.contains("\n") && !$0.contains("\r") }
      .map { "OF: reserved mem: \($0) node" }
    let log = try w.file("dmesg\u{1B}[2J.txt", lines.joined(separator: "\n") + "\n")
    let run = try Binary.run(["check-log", w.dtb, log])
    #expect(run.status == 1)
    #expect(run.stdout.contains("+ OF: reserved mem: \\x1b[2J\\x1b[H node"))
    Self.check(run, "check-log")
    for payload in Self.payloads {
      let script = try w.file("script.lmb", "add 0x8000_0000 0x1000_0000\nreserve 0x8000\(payload) 0x1000\ndump\n")
      let lmb = try Binary.run(["lmb", script])
      Self.check(lmb, "lmb \(payload.debugDescription)")
    }
  }

  // MARK: - The escaper itself

  @Test("VisibleText shows controls in Swift's notation and leaves other text alone")
  func escaper() {
    #expect(VisibleText.escape("a\u{1B}[2J\r\n\t\u{7F}\u{85}\u{202E}b") == "a\\x1b[2J\\r\\n\\t\\x7f\\u{85}\\u{202e}b")
    #expect(VisibleText.escape("/reserved-memory/optee@80040000 µ ü 漢") == "/reserved-memory/optee@80040000 µ ü 漢")
    #expect(TextTable.markdownCell("a\r\nb|c") == "a\\r\\nb\\|c")
  }
}
