import Testing

@testable import MemoryMap

/// Parsing `memmap lmb` scripts (spec README, "memmap lmb scripts").
@Suite struct LMBScriptParseTests {
  @Test("comments and extra blanks are dropped; line numbers are kept")
  func echoText() throws {
    let script = try LMBScript.parse("# head\n\n  add   0x40000000\t512M  # RAM\r\ndump\n").get()
    #expect(script.lines == [
      LMBScript.Line(number: 3, text: "add 0x40000000 512M",
                     operation: .add(base: 0x4000_0000, size: 0x2000_0000)),
      LMBScript.Line(number: 4, text: "dump", operation: .dump),
    ])
  }

  @Test("every keyword maps to its U-Boot call")
  func keywords() throws {
    let text = """
      reserve 1 2 no-map
      alloc 4 1
      alloc-max 4 8 0x1000 no-overwrite,no-notify
      free 1 2 none
      free-size 0x10
      is-reserved 1K no-map
      """
    let operations = try LMBScript.parse(text).get().lines.map(\.operation)
    #expect(operations == [
      .reserve(base: 1, size: 2, flags: .noMap),
      .alloc(size: 4, align: 1, flags: .none),
      .allocMax(size: 4, align: 8, max: 0x1000, flags: [.noOverwrite, .noNotify]),
      .free(base: 1, size: 2, flags: .none),
      .freeSize(address: 0x10),
      .isReserved(address: 0x400, flags: .noMap),
    ])
  }

  @Test("bad lines are refused with their line number", arguments: [
    ("add 1", LMBScriptError.Reason.wrongArgumentCount(usage: "add BASE SIZE", got: 1)),
    ("add 1 2 none", .wrongArgumentCount(usage: "add BASE SIZE", got: 3)),
    ("dump now", .wrongArgumentCount(usage: "dump", got: 1)),
    ("Add 1 2", .unknownOperation("Add")),
    ("free -1 2", .badNumber("-1")),
    ("free 0x 2", .badNumber("0x")),
    ("free 0x10000000000000000 2", .badNumber("0x10000000000000000")),
    ("reserve 1 2 none,no-map", .badFlag("none")),
    ("reserve 1 2 no-map,", .badFlag("")),
  ])
  func refused(line: String, reason: LMBScriptError.Reason) {
    #expect(LMBScript.parse("dump\n" + line) == .failure(LMBScriptError(line: 2, reason: reason)))
  }
}
