import Foundation
import Testing
import TestSupport

/// `memmap lint` end to end through the built binary: exit status, stdin, directories, flags.
/// Build first (`swift build`, or set `MEMMAP_BINARY`).
@Suite struct LintCommandTests {
  static let clean = Fixtures.dtb("lint", "clean")
  static let overlap = Fixtures.dtb("lint", "reserved-overlap")
  static let warning = Fixtures.dtb("lint", "multi-entry-reg")
  static let note = Fixtures.dtb("lint", "reg-and-size")

  @Test("clean exits 0 with the summary line")
  func cleanExit() throws {
    let run = try Binary.run(["lint", Self.clean, Fixtures.dtb("lint", "clean-one-cell")])
    #expect(run.status == 0)
    #expect(run.stdout == "2 files, 0 errors, 0 warnings, 0 notes\n")
    #expect(run.stderr.isEmpty)
  }

  @Test("an error finding exits 1 and prints FILE: SEVERITY: [ID name] /node: message")
  func errorExit() throws {
    let run = try Binary.run(["lint", Self.overlap])
    #expect(run.status == 1)
    let node = "/reserved-memory/mailbox@50100000"
    #expect(run.stdout.hasPrefix("\(Self.overlap): error: [MM001 reserved-overlap] \(node): "))
  }

  @Test("--fail-on decides which severities fail", arguments: [
    ("error", [0, 0, 1]), ("warning", [0, 1, 1]), ("note", [1, 1, 1]),
  ])
  func failOn(_ level: String, _ expected: [Int32]) throws {
    let statuses = try [Self.note, Self.warning, Self.overlap].map {
      try Binary.run(["lint", "--fail-on", level, $0]).status
    }
    #expect(statuses == expected)
  }

  @Test("an unreadable file among good ones: exit 2, one stderr line, the others still checked")
  func unreadable() throws {
    let run = try Binary.run(["lint", Self.overlap, "/nonexistent/board.dtb", Self.clean])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: /nonexistent/board.dtb: cannot read: No such file or directory\n")
    #expect(run.stdout.contains("[MM001 reserved-overlap]"))
    // MM001 from the kernel profile, MM024 from U-Boot refusing the same overlap.
    #expect(run.stdout.hasSuffix("3 files (1 unreadable), 1 error, 1 warning, 0 notes\n"))
  }

  @Test("a directory is searched for *.dtb, sorted, and checked in parallel in that order")
  func directory() throws {
    let serial = try Binary.run(["lint", "--jobs", "1", "--format", "json", Fixtures.dtbRoot + "/lint"])
    let parallel = try Binary.run(["lint", "--jobs", "4", "--format", "json", Fixtures.dtbRoot + "/lint/"])
    #expect(serial.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(serial.stdout.utf8)) as? [String: Any])
    let files = (object["files"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    let names = Fixtures.names(in: "lint", suffix: ".dts")
    #expect(files == names.map { Fixtures.dtbRoot + "/lint/\($0).dtb" }.sorted())
    #expect(parallel.stdout.replacingOccurrences(of: "/lint//", with: "/lint/") == serial.stdout)
  }

  @Test("- reads the blob from standard input")
  func stdin() throws {
    let bytes = try Fixtures.bytes(atPath: Self.overlap)
    let run = try Binary.run(["lint", "-"], stdinData: Data(bytes))
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("-: error: [MM001 reserved-overlap]"))
  }

  @Test("--enable and --disable take ids or names; an unknown rule exits 2")
  func ruleFlags() throws {
    #expect(try Binary.run(["lint", "--disable", "reserved-overlap", Self.overlap]).status == 0)
    #expect(try Binary.run(["lint", "--enable", "MM016", Self.overlap]).status == 0)
    #expect(try Binary.run(["lint", "--enable", "MM001", Self.overlap]).status == 1)
    let unknown = try Binary.run(["lint", "--disable", "MM999", Self.overlap])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.hasPrefix("memmap: error: unknown rule 'MM999'"))
    #expect(try Binary.run(["lint", "--jobs", "0", Self.clean]).status == 2)
  }

  @Test("--kernel 6.1 reaches the findings (MM007 fires only there)")
  func kernelFlag() throws {
    let table = Fixtures.dtb("lint", "table-overflow")
    // 6.12 sizes its table from the count, and U-Boot 2025.01 has no memtop table; the default
    // U-Boot, 2026.10, stops on the 65th child (MM040).
    #expect(try Binary.run(["lint", "--uboot", "2025.01", table]).status == 0)
    let newest = try Binary.run(["lint", table])
    #expect(newest.status == 1 && newest.stdout.contains("[MM040 ") && !newest.stdout.contains("MM007"))
    let old = try Binary.run(["lint", "--kernel", "6.1", "--uboot", "2025.01", table])
    #expect(old.status == 1 && old.stdout.contains("[MM007 table-overflow]"))
  }

  @Test("--memory supplies RAM to a tree that leaves it to the boot loader")
  func memoryFlag() throws {
    let tree = Fixtures.dtb("lint", "memory-size-zero")
    let run = try Binary.run(["lint", "--fail-on", "note", "--memory", "0x40000000:1G", tree])
    #expect(run.status == 0, "\(run.stdout)")
  }

  @Test("--format github appends a Markdown summary to $GITHUB_STEP_SUMMARY")
  func stepSummary() throws {
    let path = NSTemporaryDirectory() + "memmap-summary-\(getpid())-\(UUID().uuidString).md"
    try "previous step\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Binary.run(["lint", "--format", "github", Self.overlap],
                             environment: ["GITHUB_STEP_SUMMARY": path])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("::error file="))
    let summary = try String(contentsOfFile: path, encoding: .utf8)
    #expect(summary.hasPrefix("previous step\n## memmap lint\n"))
    #expect(summary.contains("| MM001 reserved-overlap | error | 1 |"))
  }

  @Test("no progress line when stderr is not a terminal")
  func noProgress() throws {
    let run = try Binary.run(["lint", Fixtures.dtbRoot])
    #expect(!run.stderr.contains("linting"))
  }
}

/// Issue #15: `lint DIR` blocked forever on a FIFO called `*.dtb`; the walk takes regular
/// files (and links to them) only and names each entry it skipped.
@Suite struct LintWalkTests {
  @Test("a FIFO, a link to a directory and a broken link are skipped with a note; the rest is linted")
  func specialFiles() throws {
    let directory = NSTemporaryDirectory() + "memmap-walk-\(getpid())"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let board = Fixtures.dtb("boards", "example-board")
    try FileManager.default.copyItem(atPath: board, toPath: directory + "/a.dtb")
    #expect(mkfifo(directory + "/fifo.dtb", 0o644) == 0)
    try FileManager.default.createSymbolicLink(atPath: directory + "/dir.dtb", withDestinationPath: "sub")
    try FileManager.default.createSymbolicLink(atPath: directory + "/gone.dtb", withDestinationPath: "nowhere")
    try FileManager.default.createSymbolicLink(atPath: directory + "/sub/link.dtb", withDestinationPath: "../a.dtb")
    let run = try Binary.run(["lint", "--format", "json", directory])
    #expect(run.status == 0, "warnings only")
    #expect(run.stderr == """
      memmap: note: \(directory)/dir.dtb: skipped: a link to a folder, not a regular file
      memmap: note: \(directory)/fifo.dtb: skipped: a FIFO, not a regular file
      memmap: note: \(directory)/gone.dtb: skipped: a broken link, not a regular file

      """)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let files = (json?["files"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
    #expect(files == [directory + "/a.dtb", directory + "/sub/link.dtb"])
  }
}
