import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// `memmap inspect` on the trees in `Fixtures/inspect` and `Fixtures/boards`: table and JSON
/// against golden files recorded beside each fixture (`MEMMAP_RECORD=1` to re-record).
@Suite struct InspectGoldenTests {
  static let cases = Fixtures.names(in: "inspect", suffix: ".dts").map { "inspect/" + $0 }
    + Fixtures.names(in: "boards", suffix: ".dts").map { "boards/" + $0 }

  static func report(_ fixture: String) throws -> MapReport {
    let parts = fixture.split(separator: "/").map(String.init)
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb(parts[0], parts[1]))
    var report = try MapReport.make(blob, options: MapOptions())
    report.file = parts[1] + ".dtb"
    return report
  }

  @Test("table output matches its golden file", arguments: cases)
  func table(_ fixture: String) throws {
    let text = TableRenderer.render(try Self.report(fixture), colour: false)
    if let problem = Golden.mismatch(text, golden: fixture + ".table.txt") { Issue.record(Comment(rawValue: problem)) }
  }

  // Goldens checked by hand against U-Boot boot/image-fdt.c, boot_fdt_add_mem_rsv_regions (first
  // reg entry only, status "okay", no-map vs no-overwrite, the ERROR line) and lib/lmb.c,
  // lmb_dump_all_force (the dump format).
  @Test("U-Boot's ERROR lines and lmb_dump_all match the golden file", arguments: cases)
  func uboot(_ fixture: String) throws {
    let text = UBootRenderer.boot(try Self.report(fixture).uboot)
    if let problem = Golden.mismatch(text, golden: fixture + ".uboot.txt") { Issue.record(Comment(rawValue: problem)) }
  }

  @Test("JSON output matches its golden file and the spec's contract", arguments: cases)
  func json(_ fixture: String) throws {
    let text = JSONRenderer.render([try Self.report(fixture)])
    if let problem = Golden.mismatch(text, golden: fixture + ".json") { Issue.record(Comment(rawValue: problem)) }
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    // The contract of docs/json.md and docs/schemas/inspect.schema.json.
    #expect(object["schemaVersion"] as? Int == 1)
    #expect(object["kernel"] as? String == "7.2")
    for key in ["file", "memory", "reserved", "findings"] { #expect(object[key] != nil, "missing \(key)") }
    for region in object["reserved"] as? [[String: Any]] ?? [] {
      #expect(["static", "dynamic", "memreserve"].contains(region["kind"] as? String ?? ""))
      #expect(["reserved", "failed", "skipped", "disabled"].contains(region["status"] as? String ?? ""))
      #expect(["cma", "dma-coherent", "none", "failed"].contains(region["init"] as? String ?? ""))
      #expect((region["size"] as? String)?.hasPrefix("0x") == true)
      if let base = region["base"] as? String { #expect(base.hasPrefix("0x")) }
    }
  }
}

/// The example board's prediction, value by value, from the kernel rules it exercises.
@Suite struct ExampleBoardTests {
  @Test("dynamic regions land where memblock's top-down search puts them")
  func placement() throws {
    let report = try InspectGoldenTests.report("boards/example-board")
    let byName = Dictionary(uniqueKeysWithValues: report.kernel.regions.filter { $0.entry == 0 }.map { ($0.name, $0) })
    // linux,cma: 256 MiB, CMA alignment bumped to 2 MiB, no alloc-ranges: the top of the highest
    // bank (0x8_8000_0000 + 2 GiB) minus 256 MiB (Linux drivers/of/of_reserved_mem.c,
    // __reserved_mem_alloc_size, and mm/memblock.c, memblock_alloc_range_nid: top-down).
    #expect(byName["linux,cma"]?.range == AddressRange(base: 0x8_f000_0000, size: 0x1000_0000))
    #expect(byName["linux,cma"]?.initResult == .cma)
    // gpu-pool: 8 MiB inside [0xa0000000, 0xb0000000), top-down: 0xb0000000 - 8 MiB.
    #expect(byName["gpu-pool"]?.range == AddressRange(base: 0xaf80_0000, size: 0x80_0000))
    #expect(byName["gpu-pool"]?.initResult == .dmaCoherent)
    #expect(byName["debug@c0000000"]?.status == .disabled)
  }
}
