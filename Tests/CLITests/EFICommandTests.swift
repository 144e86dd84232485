import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// `--efi-map` and the EFI output of `memmap inspect` and `memmap lint`.
@Suite struct EFICommandTests {
  static let worked = Fixtures.dtb("efi", "worked-example")

  @Test("U-Boot's built map renders as HEAD `efidebug memmap` prints it")
  func efidebugGolden() throws {
    let report = try MapReport.make(try DeviceTreeBlob.load(path: Self.worked), options: MapOptions())
    // The map of EFIMemoryMapTests in the layout of HEAD cmd/efidebug.c, do_efi_show_memmap (exclusive ends).
    let text = EFIRenderer.efidebug(report.efi.uboot.atBoot.ascending)
    if let problem = Golden.mismatch(text, golden: "efi/worked-example.built-map.golden") {
      Issue.record(Comment(rawValue: problem))
    }
    let run = try Binary.run(["inspect", Self.worked, "--format", "efidebug"])
    #expect(run.status == 0)
    #expect(run.stdout == text)
  }

  @Test("a map file that is not a map exits 2 naming the first bad line")
  func garbage() throws {
    let path = Fixtures.path("efi/garbage.efi.txt")
    let run = try Binary.run(["inspect", Self.worked, "--efi-map", path])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(path):4: expected TYPE START-END [ATTRIBUTES]\n")
    #expect(run.stdout.isEmpty)
    let dts = Fixtures.path("efi/clean.dts")
    let lint = try Binary.run(["lint", Self.worked, "--efi-map", dts])
    #expect(lint.status == 2)
    #expect(lint.stderr.hasPrefix("memmap: error: \(dts):1: not an EFI memory map"))
    let missing = try Binary.run(["inspect", Self.worked, "--efi-map", "/nonexistent/map.txt"])
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("memmap: error: /nonexistent/map.txt: cannot read"))
  }

  @Test("JSON `efi` is U-Boot's map without --efi-map and the firmware's with it")
  func json() throws {
    func object(_ extra: [String]) throws -> [String: Any] {
      let run = try Binary.run(["inspect", Self.worked, "--format", "json"] + extra)
      return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }
    let built = try object([])
    #expect(built["efiSource"] as? String == "u-boot")
    let efi = try #require(built["efi"] as? [[String: Any]])
    // Section 11: /memreserve/ page as ReservedMemory, end exclusive (spec README).
    #expect(efi.first?["type"] as? String == "ReservedMemory")
    #expect(efi.first?["start"] as? String == "0x40000000")
    #expect(efi.first?["end"] as? String == "0x40001000")
    #expect(efi.first?["attributes"] as? [String] == ["WB"])
    // The spec's six rows, with U-Boot's own relocated region (BootServicesCode, under ram_top)
    // splitting the top conventional row: eight.
    #expect(efi.count == 8)
    let firmware = try object(["--efi-map", Fixtures.path("efi/clean.efidebug.txt")])
    #expect(firmware["efiSource"] as? String == "firmware")
    #expect((firmware["efi"] as? [[String: Any]])?.count == 8)
  }

  @Test("lint --efi-map runs the firmware-map rules; the table gains the EFI section")
  func lintAndTable() throws {
    let dtb = Fixtures.dtb("efi", "nomap-not-reserved")
    let map = Fixtures.path("efi/nomap-not-reserved.efi-linux-arm64.txt")
    let lint = try Binary.run(["lint", dtb, "--efi-map", map])
    #expect(lint.status == 1)
    #expect(lint.stdout.contains("[MM025 efi-nomap-not-reserved] /reserved-memory/optee@4e000000"))
    let quiet = try Binary.run(["lint", dtb])
    #expect(quiet.status == 0)
    let table = try Binary.run(["inspect", dtb, "--efi-map", map])
    #expect(table.stdout.contains("EFI memory map (firmware: \(map), linux efi=debug)"))
    #expect(table.stdout.contains("BootServicesData     0x000000004e000000  0x0000000050000000"))
  }
}
