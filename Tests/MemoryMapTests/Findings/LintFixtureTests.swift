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
    /// `Fixtures/<area>/<fixture>.dts`.
    var area = "lint"
    /// The firmware map passed as `--efi-map`: `Fixtures/efi/<fixture>.<efiMap>.txt`.
    var efiMap: String? = nil
    var testDescription: String { "\(area)/\(fixture) (\(profile.label)\(efiMap.map { ", " + $0 } ?? ""))" }
  }

  static let all = Set(RuleCatalogue.all.map(\.id))
  static let riscv64v6_12 = KernelProfile(version: .v6_12, architecture: .riscv64)

  /// Every rule must stay silent except `fires` and `allowed`.
  static func only(_ fixture: String, _ fires: Set<String>, allowed: Set<String> = [],
                   profile: KernelProfile = .v6_12) -> Case {
    Case(fixture: fixture, fires: fires, silent: all.subtracting(fires).subtracting(allowed),
         profile: profile)
  }

  /// An `Fixtures/efi` tree checked against its firmware map in the layout `map`.
  static func efi(_ fixture: String, map: String, _ fires: Set<String>) -> Case {
    Case(fixture: fixture, fires: fires, silent: all.subtracting(fires), area: "efi", efiMap: map)
  }

  /// A `Fixtures/uboot` tree: `fires` must fire and the other U-Boot start-up rules must not.
  static func uboot(_ fixture: String, _ fires: Set<String>, allowed: Set<String> = []) -> Case {
    Case(fixture: fixture, fires: fires,
         silent: Set(RuleCatalogue.ubootRules.map(\.id)).subtracting(fires).subtracting(allowed), area: "uboot")
  }

  static let cases: [Case] = [
    // U-Boot refuses the same region (MM024), for its own reason.
    only("reserved-overlap", ["MM001"], allowed: ["MM024"]),
    // U-Boot refuses the same region (MM024), for its own reason; its EFI carve-out lets the
    // later node's BootServicesData win over the /memreserve/ entry (MM031).
    only("memreserve-overlap", ["MM002"], allowed: ["MM024", "MM031"]),
    // 6.12 places dynamic regions before it reserves /memreserve/; 6.1 reserves it first.
    only("memreserve-under-dynamic", ["MM002"]),
    only("memreserve-under-dynamic", [], profile: .v6_1),
    only("reserve-failed", ["MM003"]),
    // U-Boot refuses the same region (MM024), for its own reason, and its EFI carve-out still
    // lists it outside RAM (MM030).
    only("outside-memory", ["MM004"], allowed: ["MM024", "MM030"]),
    // U-Boot refuses the same region (MM024), for its own reason, and its EFI carve-out still
    // lists it outside RAM (MM030), and U-Boot 2026.10's bootefi breaks on it (MM042).
    only("straddles-memory", ["MM005"], allowed: ["MM024", "MM030", "MM042"]),
    only("dynamic-alloc-failed", ["MM006"]),
    // Its 65th child also stops U-Boot 2026.10 (MM040).
    only("table-overflow", ["MM007"], allowed: ["MM040"], profile: .v6_1),
    // 6.12 sizes its table from the count.
    only("table-overflow", [], allowed: ["MM040"]),
    only("too-many-dynamic", ["MM008"]),
    only("nomap-reusable", ["MM009"]),
    only("cma-misaligned", ["MM010", "MM020"]),
    only("cma-dynamic-misaligned", ["MM010", "MM020"]),
    // Debian's riscv64 6.12 has no CMA (`# CONFIG_CMA is not set`, KernelProfile.hasCMA): the
    // kernel treats no region as a CMA candidate, so no CMA alignment is judged (MM010); the
    // init failure stays. The tree gives no OpenSBI region (MM066).
    only("cma-misaligned", ["MM020"], allowed: ["MM066"], profile: riscv64v6_12),
    only("cma-dynamic-misaligned", ["MM020"], allowed: ["MM066"], profile: riscv64v6_12),
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
    // U-Boot's EFI map vs the tree (U-Boot lib/efi_loader/efi_dt_fixup.c, efi_carve_out_dt_rsv),
    // no firmware map needed.
    only("uboot-efi-outside-ram", ["MM030"], allowed: ["MM004", "MM024"]),
    // The overlap itself is MM001 for Linux and MM024 for U-Boot's LMB.
    only("uboot-efi-type-overridden", ["MM031"], allowed: ["MM001", "MM024"]),
    only("uboot-status-ok", ["MM032"]),
    only("uboot-efi-page-rounding", ["MM033"]),
    // U-Boot's EFI map rounds the no-map region out to pages (MM033).
    only("boot-panic", ["MM034", "MM035"], allowed: ["MM033"]),
    only("boot-panic", ["MM035"], allowed: ["MM033"], profile: .v6_1),
    only("boot-panic", ["MM035"], allowed: ["MM033"], profile: .v7_2),
    only("nomap-unaligned", ["MM035"], allowed: ["MM033"]),
    // Firmware maps (--efi-map) against the DT spec's "/reserved-memory and UEFI" rules.
    efi("nomap-not-reserved", map: "efi-linux-arm64", ["MM025"]),
    efi("static-not-boot-data", map: "efidebug", ["MM026"]),
    efi("firmware-overlap", map: "efi-linux-x86", ["MM027"]),
    efi("outside-map", map: "efimem", ["MM028"]),
    efi("dynamic-unusable", map: "efidebug", ["MM029"]),
    // U-Boot as it really starts (Fixtures/uboot, recorded under 2026.10-rc5).
    uboot("31-children-65", ["MM040"]),
    uboot("32-dynamic-counted", ["MM040"]),
    uboot("35-memreserve-64", ["MM040"]),
    uboot("36-mixed-40-40", ["MM041"]),
    uboot("44-mixed-32-34", ["MM041"]),
    uboot("48-mixed-32-35", ["MM041"]),
    uboot("49-mixed-32-36", ["MM041"]),
    uboot("50-mixed-32-40", ["MM041"]),
    uboot("51-mixed-32-44", ["MM041"]),
    // 65 entries: one past the table; U-Boot 2026.10 booted each (their recordings).
    uboot("38-mixed-32-33", ["MM043"]),
    uboot("45-one-past-top", ["MM043"]),
    uboot("47-mixed-63-2", ["MM043"]),
    uboot("46-table-full-top", []),
    uboot("30-children-64", []),
    uboot("33-children-65-last-disabled", []),
    uboot("34-memreserve-63", []),
    uboot("37-mixed-32-32", []),
    // The same region lies partly outside RAM for Linux (MM005) and U-Boot (MM024, MM030).
    uboot("18-straddle-end", ["MM042"], allowed: ["MM005", "MM024", "MM030"]),
    efi("clean", map: "efidebug", []),
    efi("clean", map: "efimem", []),
    efi("clean", map: "efi-linux-arm64", []),
    efi("clean", map: "efi-linux-x86", []),
    only("clean", []),
    only("clean", [], profile: .v6_1),
    // riscv64 (the architecture comes from the CPU nodes): the boot rules.
    // Its 65th /reserved-memory child also stops U-Boot 2026.10 (MM040).
    only("memblock-full", ["MM063"]),
    // U-Boot decodes OpenSBI's two-cell reg with the parent's one-cell format (MM024, MM030).
    only("firmware-region-lost", ["MM011", "MM064"], allowed: ["MM024", "MM030"]),
    only("dynamic-over-dtb", ["MM065"]),
    only("firmware-region-absent", ["MM066"]),
    only("clean-riscv", []),
    only("clean-riscv", [], profile: .v7_2),
    only("clean-one-cell", []),
    only("clean-one-cell", [], profile: .v6_1),
  ]

  static func findings(_ row: Case) throws -> [Finding] {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb(row.area, row.fixture))
    let map = try row.efiMap.map {
      try EFIMapParser.parse(try Fixtures.text("efi/\(row.fixture).\($0).txt"), file: $0).get()
    }
    return try MapReport.make(blob, options: MapOptions(profile: row.profile, efiMap: map)).findings
  }

  static func firedRules(_ fixture: String, profile: KernelProfile) throws -> Set<String> {
    Set(try findings(Case(fixture: fixture, fires: [], silent: [], profile: profile)).map(\.rule.id))
  }

  @Test("the planted rules fire and the others stay silent", arguments: cases)
  func fixture(_ row: Case) throws {
    let found = try Self.findings(row)
    let fired = Set(found.map(\.rule.id))
    #expect(row.fires.subtracting(fired).isEmpty, "did not fire: \(row.fires.subtracting(fired).sorted())")
    if row.area == "efi" {
      // Each planted EFI conflict is reported once.
      for id in row.fires { #expect(found.filter { $0.rule.id == id }.count == 1, "\(id) more than once") }
    }
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
      let area = String(rule.fixture.prefix { $0 != "/" })
      let name = String(rule.fixture.dropFirst(area.count + 1).dropLast(".dts".count))
      #expect(rule.fixture.hasPrefix("\(area)/") && rule.fixture.hasSuffix(".dts"))
      #expect((try? Fixtures.text(rule.fixture)) != nil, "missing \(rule.fixture)")
      #expect(Self.cases.contains { $0.area == area && $0.fixture == name && $0.fires.contains(rule.id) },
              "\(rule.fixture) is not shown to fire \(rule.id)")
    }
  }

  @Test("every lint fixture is in the table and starts with a comment saying what it plants")
  func everyFixtureListed() throws {
    let listed = Set(Self.cases.filter { $0.area == "lint" }.map(\.fixture))
    for name in Fixtures.names(in: "lint", suffix: ".dts") {
      #expect(listed.contains(name), "\(name).dts has no row")
      let text = try Fixtures.text("lint/\(name).dts")
      #expect(text.hasPrefix("// "), "\(name).dts must start with a // comment")
    }
  }

  @Test("every Fixtures/efi tree with a firmware map has a row per map, and says what it plants")
  func everyEFIFixtureListed() throws {
    for name in Fixtures.names(in: "efi", suffix: ".dts") {
      let maps = Fixtures.names(in: "efi", suffix: ".txt").filter { $0.hasPrefix(name + ".") }
        .map { String($0.dropFirst(name.count + 1)) }
      for map in maps {
        #expect(Self.cases.contains { $0.area == "efi" && $0.fixture == name && $0.efiMap == map },
                "efi/\(name).\(map).txt has no row")
      }
      #expect(try Fixtures.text("efi/\(name).dts").hasPrefix("// "))
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

  @Test("every rule says why and names its sources, all of them public, none a file outside the repository")
  func rationaleAndSources() {
    for rule in RuleCatalogue.all {
      #expect(!rule.rationale.isEmpty, "\(rule.id) has no rationale")
      #expect(!rule.sources.isEmpty, "\(rule.id) names no sources")
      // Sources are what a user can look up: Linux, U-Boot, OpenSBI or QEMU source, a
      // specification, a binding.
      let publicSources = ["Linux ", "U-Boot ", "OpenSBI ", "QEMU ", "Devicetree ", "UEFI "]
      for source in rule.sources {
        #expect(publicSources.contains { source.hasPrefix($0) }, "\(rule.id): \(source)")
      }
      // The project's research notes are not shipped: a rule text may not cite them.
      for text in [rule.summary, rule.rationale] + rule.sources {
        #expect(!text.contains("../") && !text.contains(".md") && !text.contains("§"), "\(rule.id): \(text)")
      }
    }
  }
}
