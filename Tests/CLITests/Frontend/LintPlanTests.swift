import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// A lint run's rule selection is made once per config file, before the workers start, and
/// the report's selection is the first file's.
@Suite struct LintPlanTests {
  static let all = RuleSelection.all.rules.map(\.id)

  @Test("each config's enable/disable applies to its own files; flags replace the config's list")
  func selectionPerConfig() throws {
    let root = try RunSettingsTests.folder("plan", [:])
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/quiet", withIntermediateDirectories: true)
    try "disable: [MM001, reserved-overlap]\n".write(toFile: root + "/quiet/.memmap.yml", atomically: true,
                                                     encoding: .utf8)
    try "enable: [MM004]\n".write(toFile: root + "/.memmap.yml", atomically: true, encoding: .utf8)
    let settings = try RunSettings(model: try ModelOptions.parse([]), input: nil).settings
    let files = [root + "/quiet/a.dtb", root + "/b.dtb", root + "/quiet/c.dtb"]
    let plan = try LintPlan(files: files, settings: settings,
                            rules: RuleChoice(enable: [], disable: [], failOn: .warning))
    let quiet = Self.all.filter { $0 != "MM001" }
    #expect(plan.jobs.map { $0.selection.rules.map(\.id) } == [quiet, ["MM004"], quiet])
    #expect(plan.jobs.allSatisfy { $0.selection.failOn == .warning })
    #expect(plan.selection == plan.jobs[0].selection)
    // --disable replaces the config's disable list; the other config's enable list stays.
    let flagged = try LintPlan(files: files, settings: settings,
                               rules: RuleChoice(enable: [], disable: ["MM004"], failOn: .error))
    #expect(flagged.jobs.map { $0.selection.rules.map(\.id) }
      == [Self.all.filter { $0 != "MM004" }, [], Self.all.filter { $0 != "MM004" }])
  }

  @Test("no files: the report's selection and kernel come from standard input's settings")
  func noFiles() throws {
    let settings = try RunSettings(model: try ModelOptions.parse(["--no-config", "--kernel", "6.1"]), input: nil).settings
    let plan = try LintPlan(files: [], settings: settings, rules: RuleChoice(enable: ["MM002"], disable: [], failOn: .error))
    #expect(plan.jobs.isEmpty)
    #expect(plan.selection.rules.map(\.id) == ["MM002"])
    #expect(plan.kernelLabel == (try settings.resolve("-")).profile.label)
  }

  @Test("an unknown rule on the command line is found before any selection is made, --enable first")
  func unknownName() {
    #expect(RuleChoice(enable: ["MM001", "bogus"], disable: ["other"], failOn: .error).unknownName == "bogus")
    #expect(RuleChoice(enable: ["reserved-overlap"], disable: ["other"], failOn: .error).unknownName == "other")
    #expect(RuleChoice(enable: ["MM001"], disable: ["reserved-overlap"], failOn: .error).unknownName == nil)
  }
}
