import MemoryMap
import Testing

/// `--enable`, `--disable` and `--fail-on` as a value: which rules are on and what fails a run.
@Suite struct LintRuleSelectionTests {
  static let overlap = Finding(rule: RuleCatalogue.reservedOverlap, message: "m", nodes: ["/a"])
  static let multi = Finding(rule: RuleCatalogue.multiEntryReg, message: "m", nodes: ["/b"])
  static let note = Finding(rule: RuleCatalogue.regAndSize, message: "m", nodes: ["/c"])

  @Test("by default every rule is on and errors fail")
  func defaults() throws {
    let selection = try RuleSelection()
    #expect(selection.rules == RuleCatalogue.all)
    #expect(selection.fails(Self.overlap))
    #expect(!selection.fails(Self.multi))
  }

  @Test("enable narrows to the rules it names, by id or name; disable wins")
  func enableDisable() throws {
    let some = try RuleSelection(enable: ["MM016", "reserved-overlap", "MM022"], disable: ["reg-and-size"])
    #expect(some.rules.map(\.id) == ["MM001", "MM016"])
    #expect(some.apply([Self.note, Self.multi, Self.overlap]).map(\.rule.id) == ["MM016", "MM001"])
    let without = try RuleSelection(disable: ["MM001"])
    #expect(!without.isEnabled(RuleCatalogue.reservedOverlap))
    #expect(without.rules.count == RuleCatalogue.all.count - 1)
  }

  @Test("an unknown rule is named in the error", arguments: [["MM999"], ["reserved-overlaps"]])
  func unknown(_ names: [String]) {
    #expect(throws: RuleSelection.UnknownRule(name: names[0])) { try RuleSelection(enable: names) }
    #expect(throws: RuleSelection.UnknownRule(name: names[0])) { try RuleSelection(disable: names) }
  }

  @Test("fail-on: a finding fails at or above the threshold")
  func failOn() throws {
    let warning = try RuleSelection(failOn: .warning)
    #expect(warning.fails(Self.multi) && warning.fails(Self.overlap) && !warning.fails(Self.note))
    let note = try RuleSelection(failOn: .note)
    #expect(note.fails(Self.note))
  }

  @Test("a report fails when a finding reaches fail-on; unreadable files are counted")
  func report() throws {
    let files = [
      LintedFile(path: "a.dtb", result: .success([Self.multi, Self.note])),
      LintedFile(path: "b.dtb", result: .failure(.init(file: "b.dtb", reason: .unreadable("gone")))),
    ]
    #expect(!LintReport(files: files, selection: try RuleSelection(), kernel: "6.12").failed)
    let strict = LintReport(files: files, selection: try RuleSelection(failOn: .warning), kernel: "6.12")
    #expect(strict.failed)
    #expect(strict.count(.warning) == 1 && strict.count(.note) == 1 && strict.unreadableCount == 1)
  }
}
