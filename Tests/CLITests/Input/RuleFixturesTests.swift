import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// `memmap rules --format markdown --fixtures DIR` reads every fixture the catalogue names;
/// a wrong folder used to give a page without examples and exit 0.
@Suite struct RuleFixturesTests {
  @Test("every rule's fixture is read, by the name the catalogue gives it")
  func allRead() throws {
    let texts = try RuleFixtures.read(in: Fixtures.path(""))
    #expect(Set(texts.keys) == Set(RuleCatalogue.all.map(\.fixture)))
    for rule in RuleCatalogue.all { #expect(texts[rule.fixture] == (try Fixtures.text(rule.fixture))) }
  }

  @Test("a folder without the fixtures: exit 2, one line naming the first missing one")
  func wrongFolder() throws {
    let first = RuleCatalogue.all[0].fixture
    let run = try Binary.run(["rules", "--format", "markdown", "--fixtures", "/nonexistent"])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: /nonexistent/\(first): cannot read: No such file or directory\n")
    #expect(run.stdout.isEmpty)
  }
}
