import Foundation
import Testing
import TestSupport

/// A tree that leaves `/memory` to the boot loader, with nothing else giving RAM: one note per
/// file, no finding or refusal that only comes from the missing RAM, in every command and format.
/// The same tree with RAM given has three RAM-dependent findings, so each absence below can fail.
@Suite struct RAMUnknownTests {
  static let tree = Fixtures.dtb("config", "ram-unknown")
  /// The rules that need RAM (MM019's rationale in the catalogue).
  static let ramRules = ["MM004", "MM005", "MM006", "MM024", "MM030", "MM031", "MM033"]

  @Test("with RAM given, the planted RAM-dependent problems are found (the control)")
  func control() throws {
    let run = try Binary.run(["lint", "--memory", "0x40000000:256M", Self.tree])
    // 0x90000000 is outside [0x40000000, 0x50000000): Linux keeps it outside memblock.memory,
    // U-Boot's lmb_reserve answers -EINVAL (not inside one bank), efi_carve_out_dt_rsv lists it.
    for rule in ["MM004", "MM024", "MM030"] { #expect(run.stdout.contains("[\(rule) "), "\(rule)") }
    #expect(!run.stdout.contains("MM019"))
  }

  @Test("lint: one MM019 note for the file, no RAM-dependent rule, counted in the summary",
        arguments: ["text", "json", "sarif", "github", "junit"])
  func lintFormats(_ format: String) throws {
    let run = try Binary.run(["lint", "--format", format, Self.tree, Fixtures.dtb("lint", "clean")])
    #expect(run.status == 0)
    switch format {
    case "json":
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      let files = object["files"] as? [[String: Any]] ?? []
      let rules = files.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
      #expect(rules == ["MM019"])
      #expect((object["summary"] as? [String: Any])?["ramUnknown"] as? Int == 1)
    case "sarif":
      // rules[] lists the whole catalogue; the results are what was found.
      let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      let runs = object["runs"] as? [[String: Any]] ?? []
      let results = runs.flatMap { $0["results"] as? [[String: Any]] ?? [] }
      #expect(results.compactMap { $0["ruleId"] as? String } == ["MM019"])
    case "junit":
      // One test case per enabled rule; those needing RAM are skipped for this file only.
      let skipped = run.stdout.components(separatedBy: "\n").filter { $0.contains("<skipped message=\"RAM unknown\"/>") }
      #expect(skipped.count == Self.ramRules.count)
      for rule in Self.ramRules { #expect(skipped.contains { $0.contains("name=\"\(rule) ") }, "\(rule)") }
      #expect(skipped.allSatisfy { $0.contains(".Fixtures.dtb.config.ram-unknown\"") })
      #expect(!run.stdout.contains("<failure"))
    default:
      #expect(run.stdout.contains("MM019"))
      for rule in Self.ramRules { #expect(!run.stdout.contains(rule), "\(rule)") }
      if format == "text" {
        #expect(run.stdout.hasSuffix("2 files (1 with RAM unknown), 0 errors, 0 warnings, 1 note\n"))
        #expect(run.stdout.components(separatedBy: "\n").count { $0.contains("MM019") } == 1)
      }
    }
  }

  @Test("inspect table: no U-Boot refusal, the pool is not placed for want of RAM")
  func inspectTable() throws {
    let run = try Binary.run(["inspect", Self.tree])
    #expect(!run.stdout.contains("refused"))
    #expect(!run.stdout.contains("-22"))
    #expect(run.stdout.contains("skipped (RAM unknown)"))
    #expect(run.stdout.contains("U-Boot LMB\n  not evaluated: RAM unknown\n"))
    #expect(run.stdout.components(separatedBy: "RAM unknown:").count - 1 == 1, "one note")
    #expect(run.stdout.hasSuffix("Summary: RAM unknown\n"))
  }

  @Test("inspect json: ramKnown false, the pool skipped, no LMB reservations")
  func inspectJSON() throws {
    let run = try Binary.run(["inspect", "--format", "json", Self.tree])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["ramKnown"] as? Bool == false)
    let pool = (object["reserved"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "pool" }
    #expect(pool?["status"] as? String == "skipped")
    #expect(pool?["reason"] as? String == "RAM unknown")
    let findings = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    #expect(findings == ["MM019"])
  }

  @Test("boot-log formats print no line that only comes from the missing RAM; the note goes to stderr once",
        arguments: ["kernel-log", "uboot", "efidebug"])
  func bootLogFormats(_ format: String) throws {
    let run = try Binary.run(["inspect", "--format", format, Self.tree])
    #expect(run.status == 0)
    #expect(!run.stdout.contains("ERROR: reserving fdt memory region failed"))
    #expect(!run.stdout.contains("failed to allocate memory for node"))
    #expect(run.stderr == "\(Self.tree): note: RAM unknown: the tree leaves /memory to the boot loader; "
      + "give RAM with --memory BASE:SIZE, memory: in .memmap.yml or --efi-map; dynamic regions are "
      + "not placed and the checks that need RAM are skipped\n")
  }

  @Test("check-log says RAM is unknown once and predicts no allocation failure")
  func checkLog() throws {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("ram-unknown-\(getpid()).log")
    try "".write(to: log, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: log) }
    let run = try Binary.run(["check-log", Self.tree, log.path])
    #expect(run.stderr.components(separatedBy: "RAM unknown").count - 1 == 1)
    #expect(!run.stdout.contains("failed to allocate"))
  }

  @Test("an EFI map gives RAM: no note, the dynamic pool is placed in usable memory")
  func efiMapGivesRAM() throws {
    let run = try Binary.run(["inspect", "--format", "json", "--efi-map",
                              Fixtures.path("efi/clean.efi-linux-arm64.txt"), Self.tree])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["ramKnown"] as? Bool == true)
    let memory = (object["memory"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
    #expect(memory == ["--efi-map"])
    let pool = (object["reserved"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "pool" }
    // The map's usable memory ends at 0x7fefffff (Runtime Code above is no-map to Linux), and
    // memblock allocates top-down, so the 4 MiB CMA pool ends at or below 0x7ff00000.
    #expect(pool?["status"] as? String == "reserved")
    let base = UInt64((pool?["base"] as? String ?? "").dropFirst(2), radix: 16) ?? 0
    #expect(base >= 0x4000_0000 && base + 0x40_0000 <= 0x7ff0_0000)
  }
}
