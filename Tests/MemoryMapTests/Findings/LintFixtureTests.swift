import DeviceTree
import MemoryMap
import Testing
import TestSupport

/// Each `Fixtures/lint` tree with the rules that must fire on it and the rules that must stay
/// silent (STYLE 23, dtc's `dtc-checkfails.sh`). Rules in neither list may fire as a
/// consequence of the planted defect (an init failure after a CMA misalignment).
@Suite struct LintFixtureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var fixture: String
    var fires: Set<String>
    var silent: Set<String>
    var profile: KernelProfile = .v6_12
    var testDescription: String { "\(fixture) (\(profile.name))" }
  }

  static let all = Set(RuleCatalogue.all.map(\.id))

  /// Every rule must stay silent except `fires` and `allowed`.
  static func only(_ fixture: String, _ fires: Set<String>, allowed: Set<String> = [],
                   profile: KernelProfile = .v6_12) -> Case {
    Case(fixture: fixture, fires: fires, silent: all.subtracting(fires).subtracting(allowed),
         profile: profile)
  }

  static let cases: [Case] = [
    // U-Boot refuses the same region (MM024), for its own reason.
    only("reserved-overlap", ["MM001"], allowed: ["MM024"]),
    // U-Boot refuses the same region (MM024), for its own reason.
    only("memreserve-overlap", ["MM002"], allowed: ["MM024"]),
    // 6.12 places dynamic regions before it reserves /memreserve/; 6.1 reserves it first.
    only("memreserve-under-dynamic", ["MM002"]),
    only("memreserve-under-dynamic", [], profile: .v6_1),
    only("reserve-failed", ["MM003"]),
    // U-Boot refuses the same region (MM024), for its own reason.
    only("outside-memory", ["MM004"], allowed: ["MM024"]),
    // U-Boot refuses the same region (MM024), for its own reason.
    only("straddles-memory", ["MM005"], allowed: ["MM024"]),
    only("dynamic-alloc-failed", ["MM006"]),
    only("table-overflow", ["MM007"], profile: .v6_1),
    // 6.12 sizes its table from the count.
    only("table-overflow", []),
    only("too-many-dynamic", ["MM008"]),
    only("nomap-reusable", ["MM009"]),
    only("cma-misaligned", ["MM010", "MM020"]),
    only("cma-dynamic-misaligned", ["MM010", "MM020"]),
    // The children are never read, so their reg is not judged with the wrong cell counts.
    only("reserved-memory-format", ["MM011"]),
    only("malformed-reg", ["MM012"]),
    only("malformed-size", ["MM013"]),
    only("malformed-alignment", ["MM014"]),
    only("malformed-alloc-ranges", ["MM015"]),
    only("multi-entry-reg", ["MM016"]),
    only("zero-size", ["MM017"]),
    // A wrapping region also lies outside RAM.
    only("range-wraps", ["MM018"], allowed: ["MM004", "MM024"]),
    only("memory-size-zero", ["MM019"]),
    only("init-failed", ["MM020"]),
    only("address-truncated", ["MM021"]),
    only("reg-and-size", ["MM022"]),
    only("no-reg-no-size", ["MM023"]),
    // The same overlap seen by the kernel profile as a memreserve overlap.
    only("uboot-reserve-failed", ["MM024"], allowed: ["MM002"]),
    only("clean", []),
    only("clean", [], profile: .v6_1),
    only("clean-one-cell", []),
    only("clean-one-cell", [], profile: .v6_1),
  ]

  static func firedRules(_ fixture: String, profile: KernelProfile) throws -> Set<String> {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("lint", fixture))
    let report = try MapReport.make(blob, options: MapOptions(profile: profile))
    return Set(report.findings.map(\.rule.id))
  }

  @Test("the planted rules fire and the others stay silent", arguments: cases)
  func fixture(_ row: Case) throws {
    let fired = try Self.firedRules(row.fixture, profile: row.profile)
    #expect(row.fires.subtracting(fired).isEmpty, "did not fire: \(row.fires.subtracting(fired).sorted())")
    #expect(fired.intersection(row.silent).isEmpty, "fired: \(fired.intersection(row.silent).sorted())")
  }

  @Test("every rule has a firing fixture, and is silent on a clean one")
  func coverage() {
    let firing = Set(Self.cases.flatMap(\.fires))
    #expect(firing == Self.all, "no firing fixture: \(Self.all.subtracting(firing).sorted())")
    let silentOnClean = Self.cases.filter { $0.fixture.hasPrefix("clean") }.map(\.silent)
    #expect(silentOnClean.allSatisfy { $0 == Self.all })
  }

  @Test("each rule's catalogue fixture exists and is one of the table's firing rows")
  func catalogueFixtures() {
    for rule in RuleCatalogue.all {
      let name = String(rule.fixture.dropFirst("lint/".count).dropLast(".dts".count))
      #expect(rule.fixture.hasPrefix("lint/") && rule.fixture.hasSuffix(".dts"))
      #expect((try? Fixtures.text(rule.fixture)) != nil, "missing \(rule.fixture)")
      #expect(Self.cases.contains { $0.fixture == name && $0.fires.contains(rule.id) },
              "\(rule.fixture) is not shown to fire \(rule.id)")
    }
  }

  @Test("every lint fixture is in the table and starts with a comment saying what it plants")
  func everyFixtureListed() throws {
    let listed = Set(Self.cases.map(\.fixture))
    for name in Fixtures.names(in: "lint", suffix: ".dts") {
      #expect(listed.contains(name), "\(name).dts has no row")
      let text = try Fixtures.text("lint/\(name).dts")
      #expect(text.hasPrefix("// "), "\(name).dts must start with a // comment")
    }
  }

  @Test("ids are MM and three digits, in order, names unique and kebab-case")
  func catalogueShape() {
    let ids = RuleCatalogue.all.map(\.id)
    #expect(ids == ids.sorted())
    #expect(ids.allSatisfy { $0.count == 5 && $0.hasPrefix("MM") && Int($0.dropFirst(2)) != nil })
    #expect(Set(RuleCatalogue.all.map(\.name)).count == ids.count)
    #expect(RuleCatalogue.all.allSatisfy { $0.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
  }
}
