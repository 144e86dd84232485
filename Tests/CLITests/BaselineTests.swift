import Foundation
import Testing
import TestSupport

/// `lint --write-baseline` and `--baseline`: accepted findings stay quiet through moves and
/// unrelated edits, new ones are reported, entries no longer found are reported as stale.
@Suite struct BaselineTests {
  /// A fresh folder; `board.dtb` in it is the tree of each step in turn, so that the file name,
  /// part of every fingerprint, stays the same.
  static func folder() throws -> String {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("memmap-baseline-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return root
  }

  static func place(_ step: String, in root: String) throws {
    let target = root + "/board.dtb"
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: Fixtures.dtb("config", "baseline-\(step)"), toPath: target)
  }

  @Test("written, then re-applied: nothing new, exit 0, everything counted as in the baseline")
  func roundTrip() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.place("before", in: root)
    let written = try Binary.run(["lint", "--write-baseline", "base.json", "board.dtb"], directory: root)
    #expect(written.status == 1, "writing a baseline still reports and fails on the findings")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/base.json"))) as? [String: Any])
    let entries = document["findings"] as? [[String: Any]] ?? []
    #expect(entries.compactMap { $0["rule"] as? String } == ["MM001", "MM024"])
    #expect(entries.allSatisfy { $0["file"] as? String == "board.dtb" && $0["node"] as? String == "/reserved-memory/b" })
    let again = try Binary.run(["lint", "--baseline", "base.json", "board.dtb"], directory: root)
    #expect(again.status == 0)
    #expect(again.stdout == "1 file, 0 errors, 0 warnings, 0 notes, 2 in the baseline\n")
    #expect(again.stderr.isEmpty)
  }

  @Test("moved regions, moved lines and unrelated edits still match; a planted overlap is new")
  func movesAndNew() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.place("before", in: root)
    _ = try Binary.run(["lint", "--write-baseline", "base.json", "board.dtb"], directory: root)
    try Self.place("moved", in: root)
    let moved = try Binary.run(["lint", "--baseline", "base.json", "board.dtb"], directory: root)
    #expect(moved.status == 0)
    #expect(moved.stdout == "1 file, 0 errors, 0 warnings, 0 notes, 2 in the baseline\n")
    try Self.place("new-overlap", in: root)
    let planted = try Binary.run(["lint", "--baseline", "base.json", "board.dtb"], directory: root)
    #expect(planted.status == 1)
    // The overlap of d with c, as Linux reports it (MM001) and as U-Boot's LMB refuses d (MM024).
    let lines = planted.stdout.split(separator: "\n").dropLast()
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains("/reserved-memory/d: ") })
    #expect(planted.stdout.hasSuffix("1 file, 1 error, 1 warning, 0 notes, 2 in the baseline\n"))
  }

  @Test("the baseline is found from another folder: files are named relative to it")
  func otherFolder() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.place("before", in: root)
    _ = try Binary.run(["lint", "--write-baseline", "base.json", "board.dtb"], directory: root)
    let run = try Binary.run(["lint", "--baseline", root + "/base.json", root + "/board.dtb"], directory: "/")
    #expect(run.status == 0)
    #expect(run.stdout.hasSuffix("2 in the baseline\n"))
  }

  @Test("entries no longer found are reported as stale, only for files of the run")
  func stale() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.place("before", in: root)
    try FileManager.default.copyItem(atPath: Fixtures.dtb("lint", "zero-size"), toPath: root + "/other.dtb")
    _ = try Binary.run(["lint", "--write-baseline", "base.json", "board.dtb", "other.dtb"], directory: root)
    try FileManager.default.removeItem(atPath: root + "/board.dtb")
    try FileManager.default.copyItem(atPath: Fixtures.dtb("lint", "clean"), toPath: root + "/board.dtb")
    let run = try Binary.run(["lint", "--baseline", "base.json", "board.dtb"], directory: root)
    #expect(run.status == 0)
    #expect(run.stdout == "1 file, 0 errors, 0 warnings, 0 notes, 2 stale baseline entries\n")
    let notes = run.stderr.split(separator: "\n")
    #expect(notes.count == 2)
    #expect(notes.allSatisfy { $0.hasPrefix("memmap: note: base.json: stale entry, no longer found: board.dtb: [MM") })
    let json = try Binary.run(["lint", "--format", "json", "--baseline", "base.json", "board.dtb"], directory: root)
    #expect(json.stdout.contains("\"staleBaseline\" : 2"))
  }

  @Test("a file that is not a baseline stops the run: one line, exit 2", arguments: [
    ("{}", "base.json: not a memmap baseline (write one with --write-baseline)"),
    ("{\"findings\": [], \"schemaVersion\": 2, \"tool\": \"memmap\"}", "base.json: baseline schema 2 is newer than this memmap's (1)"),
  ])
  func bad(_ text: String, _ message: String) throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.place("before", in: root)
    try text.write(toFile: root + "/base.json", atomically: true, encoding: .utf8)
    let run = try Binary.run(["lint", "--baseline", "base.json", "board.dtb"], directory: root)
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(message)\n")
    #expect(run.stdout.isEmpty)
  }
}
