import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// Every `Fixtures/lmb/*.lmb` script, run as `memmap lmb` runs it, must print its `.out` file.
///
/// The U-Boot vectors (`simple.*`, `alloc_addr.*`, `flags`, ...) transcribe the asserts of
/// U-Boot's `test/lib/lmb.c`, each script naming its test; the `quirk-*` and `dump-format`
/// scripts pin behaviour read from HEAD `lib/lmb.c` and the spec's sections they cite.
@Suite struct LMBScriptGoldenTests {
  static let scripts = Fixtures.names(in: "lmb", suffix: ".lmb")

  @Test("each LMB script prints its golden output", arguments: scripts)
  func golden(_ name: String) throws {
    let text = try Fixtures.text("lmb/\(name).lmb")
    let output = MemmapCommand.LMBCommand.output(for: text, file: "\(name).lmb")
    let actual = try output.get()
    if let mismatch = Golden.mismatch(actual, golden: "lmb/\(name).out") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test("every LIB_TEST of U-Boot's test/lib/lmb.c has a script naming it")
  func everyUBootTestCovered() throws {
    // U-Boot test/lib/lmb.c: the ten LIB_TEST registrations at HEAD.
    let tests = [
      "lib_test_lmb_simple", "lib_test_lmb_simple_x2", "lib_test_lmb_big",
      "lib_test_lmb_noreserved", "lib_test_lmb_unaligned_size", "lib_test_lmb_at_0",
      "lib_test_lmb_overlapping_reserve", "lib_test_lmb_alloc_addr",
      "lib_test_lmb_get_free_size", "lib_test_lmb_flags",
    ]
    let texts = try Self.scripts.map { try Fixtures.text("lmb/\($0).lmb") }
    for test in tests {
      let runs = texts.filter { $0.contains("test/lib/lmb.c, \(test):") }.count
      // Parameterised tests run at two RAM bases; at_0, overlapping_reserve and flags once.
      let expected = ["lib_test_lmb_at_0", "lib_test_lmb_overlapping_reserve",
                      "lib_test_lmb_flags"].contains(test) ? 1 : 2
      #expect(runs == expected, "\(test): \(runs) scripts")
    }
  }

  // MARK: - Errors

  @Test("an unknown operation names the file and line")
  func unknownOperation() {
    let result = MemmapCommand.LMBCommand.output(for: "add 0 0x1000\n\n  bogus 1\n", file: "a.lmb")
    #expect(result.failureError?.text == (
      "a.lmb:3: unknown operation 'bogus' (expected add, reserve, alloc, alloc-max, free, "
        + "free-size, is-reserved or dump)"))
  }

  @Test("a wrong argument count quotes the syntax")
  func wrongCount() {
    let result = MemmapCommand.LMBCommand.output(for: "# c\nreserve 0x1000\n", file: "b.lmb")
    #expect(result.failureError?.text == (
      "b.lmb:2: expected 'reserve BASE SIZE [FLAGS]', got 1 argument"))
  }

  @Test("bad numbers and flags are refused, and nothing is printed")
  func badWords() {
    let number = MemmapCommand.LMBCommand.output(for: "add 0x40000000 12Q\n", file: "c")
    #expect(number.failureError?.text == (
      "c:1: '12Q' is not a number (0x hex or decimal, optional K/M/G suffix, below 2^64)"))
    let flag = MemmapCommand.LMBCommand.output(for: "add 0 1\nfree 0 1 no-map,nomap\n", file: "d")
    #expect(flag.failureError?.text == (
      "d:2: unknown flag 'nomap' (FLAGS is none or a comma-joined list of no-map, "
        + "no-overwrite, no-notify)"))
  }

  @Test("a bad script makes the command report unreadable input (exit status 2)")
  func exitStatus() throws {
    let path = NSTemporaryDirectory() + "memmap-lmb-\(getpid())-bad.lmb"
    try "dump extra\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var command = try MemmapCommand.LMBCommand.parse([path])
    #expect(try command.execute() == .unreadableInput)
    #expect(Outcome.unreadableInput.status == 2)
  }

  @Test("a missing script is an error naming the file")
  func missingFile() {
    let result = LMBScriptFile.read("/nonexistent/x.lmb")
    #expect(result.failureError?.text == (
      "/nonexistent/x.lmb: cannot read: No such file or directory"))
  }

  // MARK: - Rendering

  @Test("dump flag text follows lmb_print_region_flags, invalid bits included")
  func flagText() {
    // U-Boot HEAD lib/lmb.c, lmb_print_region_flags: highest bit first; unknown bits -> invalid.
    #expect(UBootRenderer.flagText(.none) == "none")
    #expect(UBootRenderer.flagText([.noMap, .noOverwrite]) == "no-overwrite, no-map")
    #expect(UBootRenderer.flagText([.noOverwrite, .noNotify]) == "no-notify, no-overwrite")
    #expect(UBootRenderer.flagText(LMBFlags(rawValue: 0x1)) == "invalid 0x1")
    #expect(UBootRenderer.flagText(LMBFlags(rawValue: 0x13)) == "invalid 0x13")
  }
}

/// Issue #15: a script of 1,000 reserves and 30,000 dumps built all of its output in memory
/// (743 MB, then SIGABRT). The output is now written while the script runs.
@Suite struct LMBStreamTests {
  @Test("2,000 dumps: pieces of about 4 KiB, each at most one dump longer, the same text as the whole run")
  func pieces() throws {
    var text = "add 0x80000000 0x40000000\n"
    for i in 0..<20 { text += "reserve \(0x8000_0000 + i * 0x2_0000) 0x10000\n" }
    text += String(repeating: "dump\n", count: 2000)
    let script = try LMBScriptFile.parse(text, file: "dumps.lmb").get()
    let oneDump = "dump\n" + UBootRenderer.lmbDump(script.run().final)
    var pieces: [String] = []
    MemmapCommand.LMBCommand.stream(script, piece: 4096) { pieces.append($0) }
    #expect(pieces.count > 100)
    #expect(pieces.allSatisfy { $0.utf8.count < 4096 + oneDump.utf8.count })
    #expect(pieces.joined() == (try MemmapCommand.LMBCommand.output(for: text, file: "dumps.lmb").get()))
  }
}
