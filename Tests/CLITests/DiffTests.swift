import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// `memmap diff` on fixture pairs: `Fixtures/diff/base.dts` against one variant per kind of
/// change (each variant's first line says what it changes).
@Suite struct DiffTests {
  static func snapshot(_ name: String) throws -> MapSnapshot {
    var report = try MapReport.make(try DeviceTreeBlob.load(path: Fixtures.dtb("diff", name)), options: MapOptions())
    report.file = name + ".dtb"
    return MapSnapshot(report)
  }

  /// (variant, the region that changes, the change kinds expected for it)
  static let cases: [(String, String, [MapDiff.Change])] = [
    ("moved", "/reserved-memory/optee@4d000000", [.moved]),
    ("resized", "/reserved-memory/ramoops@50000000", [.resized]),
    ("flags", "/reserved-memory/fb@51000000", [.flags]),
    ("placement", "/reserved-memory/pool", [.placement]),
    ("status", "/reserved-memory/debug@5f000000", [.status]),
    ("added", "/reserved-memory/modem@5e000000", [.added]),
    ("removed", "/reserved-memory/optee@4e000000", [.removed]),
    ("finding", "/reserved-memory/clash@50080000", [.added]),
  ]

  @Test("each kind of change is reported once, on the region it concerns", arguments: cases.indices)
  func kinds(_ index: Int) throws {
    let (variant, region, expected) = Self.cases[index]
    let diff = MapDiff.compare(try Self.snapshot("base"), try Self.snapshot(variant))
    #expect(diff.regions.count == 1)
    #expect(diff.regions.first?.label == region)
    #expect(diff.regions.first?.changes == expected)
  }

  @Test("the placement change: the pool moves with its alloc-ranges, top-down in each window")
  func placement() throws {
    let diff = MapDiff.compare(try Self.snapshot("base"), try Self.snapshot("placement"))
    // 64 MiB CMA, top-down in [0x60000000, 0x70000000) then [0x70000000, 0x80000000).
    #expect(diff.regions.first?.before?.range == AddressRange(base: 0x6c00_0000, size: 0x400_0000))
    #expect(diff.regions.first?.after?.range == AddressRange(base: 0x7c00_0000, size: 0x400_0000))
  }

  @Test("memory banks and totals: RAM doubles")
  func memory() throws {
    let diff = MapDiff.compare(try Self.snapshot("base"), try Self.snapshot("memory"))
    #expect(diff.memoryRemoved == [AddressRange(base: 0x4000_0000, size: 0x4000_0000)])
    #expect(diff.memoryAdded == [AddressRange(base: 0x4000_0000, size: 0x8000_0000)])
    #expect(diff.totalsChanged.first { $0.name == "ram" }.map { $0.after - $0.before } == 0x4000_0000)
  }

  @Test("a finding that appears is part of the diff")
  func findings() throws {
    let diff = MapDiff.compare(try Self.snapshot("base"), try Self.snapshot("finding"))
    // The kernel reports the overlap (MM001); U-Boot refuses the second region (MM024).
    #expect(diff.findingsAdded.map(\.rule.id) == ["MM001", "MM024"])
    #expect(diff.findingsRemoved.isEmpty)
  }

  @Test("text, JSON and Markdown match their golden files", arguments: ["moved", "finding"])
  func golden(_ variant: String) throws {
    let diff = MapDiff.compare(try Self.snapshot("base"), try Self.snapshot(variant))
    for (format, suffix) in [(DiffFormat.text, "txt"), (.json, "json"), (.markdown, "md")] {
      if let problem = Golden.mismatch(DiffRenderer.render(diff, format: format), golden: "diff/\(variant).diff.\(suffix)") {
        Issue.record(Comment(rawValue: problem))
      }
    }
  }

  @Test("identical inputs exit 0; text prints nothing, JSON the empty structure")
  func identical() throws {
    let base = Fixtures.dtb("diff", "base")
    let text = try Binary.run(["diff", base, base])
    #expect(text.status == 0 && text.stdout.isEmpty)
    let json = try Binary.run(["diff", "--format", "json", base, base])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["identical"] as? Bool == true)
    #expect((object["regions"] as? [Any])?.isEmpty == true)
  }

  @Test("a saved inspect JSON stands in for the old DTB; differences exit 1, bad input 2")
  func savedJSON() throws {
    let saved = try Binary.run(["inspect", "--format", "json", Fixtures.dtb("diff", "base")])
    let path = NSTemporaryDirectory() + "memmap-diff-\(getpid())-base.json"
    try saved.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(try Binary.run(["diff", path, Fixtures.dtb("diff", "base")]).status == 0)
    let changed = try Binary.run(["diff", path, Fixtures.dtb("diff", "resized")])
    #expect(changed.status == 1)
    #expect(changed.stdout.contains("resized"))
    #expect(try Binary.run(["diff", path, "/nonexistent.dtb"]).status == 2)
  }

  /// A saved document reads back through the records that wrote it (`KernelRegion`,
  /// `Finding`): a word memmap never writes (a region kind or status, a rule id that is not
  /// the catalogue's or not under its own name, a severity) or a base that is not a number is
  /// refused (exit 2, one line naming the key), not compared. Before the region record read
  /// itself, a bad base read as "not placed".
  @Test("a saved inspect JSON with a word memmap never writes is refused", arguments: [
    ("base", "\"kind\" : \"static\"", "\"kind\" : \"firmware\"", ".kind"),
    ("base", "\"status\" : \"reserved\"", "\"status\" : \"maybe\"", ".status"),
    ("base", "\"base\" : \"0x4e000000\"", "\"base\" : \"low\"", ".base: not a number: low"),
    ("finding", "\"rule\" : \"MM001\"", "\"rule\" : \"MM999\"", ".findings[0].rule"),
    ("finding", "\"name\" : \"reserved-overlap\"", "\"name\" : \"overlap\"", ".findings[0].name"),
    ("finding", "\"severity\" : \"error\"", "\"severity\" : \"fatal\"", ".findings[0].severity"),
  ])
  func savedJSONUnknownWord(_ fixture: String, _ word: String, _ replacement: String, _ key: String) throws {
    let saved = try Binary.run(["inspect", "--format", "json", Fixtures.dtb("diff", fixture)]).stdout
    #expect(saved.contains(word))
    let path = NSTemporaryDirectory() + "memmap-diff-\(getpid())-\(fixture)-\(key.filter(\.isLetter)).json"
    try saved.replacing(word, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Binary.run(["diff", path, Fixtures.dtb("diff", fixture)])
    #expect(result.status == 2)
    #expect(result.stderr.contains("not an 'inspect --format json' document"))
    #expect(result.stderr.contains(key))
  }

  /// What `inspect --format json` writes, `diff` reads back as the same records: one region
  /// record (`KernelRegion`) with its keys in one place, over every kernel fixture (failed,
  /// skipped, unplaced, multi-entry and /memreserve/ regions among them).
  @Test("regions, findings, banks and totals read back from inspect's JSON are the report's",
        arguments: Fixtures.names(in: "kernel", suffix: ".dts"))
  func regionRoundTrip(_ name: String) throws {
    let report = try MapReport.make(try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", name)), options: MapOptions())
    let json = JSONRenderer.render([report])
    let read = try SavedInspectJSON.snapshot(from: Array(json.utf8), file: name).get()
    // The one field JSON does not carry: whether the kernel treats the region as a CMA candidate.
    let written = MapSnapshot(report).regions.map { region -> KernelRegion in
      var region = region
      region.cmaCandidate = false
      return region
    }
    #expect(read.regions == written)
    #expect(read.findings == MapSnapshot(report).findings)
    #expect(read.memory == MapSnapshot(report).memory)
    #expect(read.totals == report.summary)
  }

  @Test("--matrix: shared, varying and board-specific regions")
  func matrix() throws {
    let boards = ["base", "moved", "added", "placement"]
    let table = MapMatrix.build(try boards.map(Self.snapshot))
    let sharing = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.label, $0.sharing) })
    #expect(sharing["/reserved-memory/ramoops@50000000"] == .shared)
    #expect(sharing["/reserved-memory/modem@5e000000"] == .specific)
    #expect(sharing["/reserved-memory/optee@4d000000"] == .specific)
    // The pool's alloc-ranges window moves in the placement variant: same path, other range.
    #expect(sharing["/reserved-memory/pool"] == .varies)
    #expect(!table.isUniform)
    let uniform = MapMatrix.build([try Self.snapshot("base"), try Self.snapshot("base")])
    #expect(uniform.isUniform)
  }

  // MARK: - One tree under two kernels

  /// `Fixtures/kernel/49-multi-reg-later-entries` under 6.12 and under 7.2, as `diff --kernel 6.12
  /// --to-kernel 7.2` builds them.
  static func upgrade() throws -> MapDiff {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", "49-multi-reg-later-entries"))
    func side(_ profile: KernelProfile) throws -> MapSnapshot {
      var report = try MapReport.make(blob, options: MapOptions(profile: profile))
      report.file = "49-multi-reg-later-entries.dtb"
      return MapSnapshot(report)
    }
    return MapDiff.compare(try side(.v6_12), try side(.v7_2))
  }

  @Test("--to-kernel: what changes for a board when 6.12 is upgraded to 7.2, as the real kernels printed")
  func upgradeChanges() throws {
    let diff = try Self.upgrade()
    func change(_ label: String) -> [MapDiff.Change]? {
      diff.regions.first { $0.label == label }?.changes
    }
    // 49-multi-reg-later-entries.6.12.txt: "failed to reserve memory for node 'nm@51000000'" (EBUSY on
    // multi's second entry) and "failed to allocate memory for node 'dyn'" (its window is multi's third);
    // .7.2.txt: "only the first is used", nm@51000000 "nomap non-reusable", dyn at 0x53000000.
    #expect(change("/reserved-memory/nm@51000000") == [.status])
    #expect(change("/reserved-memory/dyn") == [.placement, .status])
    #expect(change("/reserved-memory/multi@50000000 [reg 1]") == [.removed])
    #expect(change("/reserved-memory/multi@50000000 [reg 2]") == [.removed])
    #expect(diff.regions.count == 4)
    // Kernel findings that only name the kernel differently are not a change.
    #expect(Set(diff.findingsRemoved.map(\.rule.id)) == ["MM001", "MM003", "MM006", "MM016"])
    #expect(diff.findingsAdded.map(\.rule.id) == ["MM016"])
  }

  @Test("--to-kernel in every diff format matches its golden file; the CLI takes one input")
  func upgradeGolden() throws {
    let diff = try Self.upgrade()
    for (format, suffix) in [(DiffFormat.text, "txt"), (.json, "json"), (.markdown, "md")] {
      if let problem = Golden.mismatch(DiffRenderer.render(diff, format: format), golden: "diff/upgrade.diff.\(suffix)") {
        Issue.record(Comment(rawValue: problem))
      }
    }
    let dtb = Fixtures.dtb("kernel", "49-multi-reg-later-entries")
    let run = try Binary.run(["diff", "--kernel", "6.12", "--to-kernel", "7.2", dtb])
    #expect(run.status == 1)
    #expect(run.stdout.contains("(Linux 6.12 profile -> Linux 7.2 profile)"))
    #expect(try Binary.run(["diff", "--to-kernel", "7.2", dtb, dtb, dtb]).status == 2)
    #expect(try Binary.run(["diff", "--kernel", "7.2", "--to-kernel", "7.2", dtb]).status == 0)
  }
}
