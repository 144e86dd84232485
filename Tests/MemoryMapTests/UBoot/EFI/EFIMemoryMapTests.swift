import DeviceTree
import MemoryMap
import Testing
import TestSupport

/// U-Boot's EFI memory map as a value (`lib/efi_loader/efi_memory.c`, HEAD), checked against
/// U-Boot lib/lmb.c (lmb_map_update_notify) and lib/efi_loader/efi_memory.c (efi_add_memory_map,
/// efi_update_memory_map, efi_memory_init).
@Suite struct EFIMemoryMapTests {
  typealias D = (EFIMemoryType, UInt64, UInt64)

  /// `(type, start, exclusive end)` in ascending order, every descriptor WB.
  static func rows(_ map: EFIMemoryMap) -> [String] {
    map.ascending.map { "\($0.type.name!) \(Hex.plain($0.start))-\(Hex.plain($0.end)) \($0.attributes == .wb)" }
  }

  static func expected(_ list: [D]) -> [String] {
    list.map { "\($0.0.name!) \(Hex.plain($0.1))-\(Hex.plain($0.2)) true" }
  }

  // MARK: - Worked example (spec section 11)

  static func workedExample() throws -> MapReport {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("efi", "worked-example"))
    // The spec's example leaves U-Boot's own memory out, as U-Boot's unit tests do.
    return try MapReport.make(blob, options: MapOptions(uboot: UBootOptions(modelsOwnMemory: false)))
  }

  @Test("LMB notifications: RAM conventional, every reservation boot services data, no-map included")
  func workedExampleBeforeBoot() throws {
    let efi = try Self.workedExample().efi.uboot
    // The map after lmb_map_update_notify has fed every LMB change to efi_update_memory_map
    // (ascending; all WB), worked through U-Boot lib/lmb.c and lib/efi_loader/efi_memory.c.
    #expect(Self.rows(efi.beforeBoot) == Self.expected([
      (.bootServicesData, 0x4000_0000, 0x4000_1000),
      (.conventional, 0x4000_1000, 0x4e00_0000),
      (.bootServicesData, 0x4e00_0000, 0x5000_0000),
      (.conventional, 0x5000_0000, 0x7000_0000),
      (.bootServicesData, 0x7000_0000, 0x7400_0000),
      (.conventional, 0x7400_0000, 0x8000_0000),
    ]))
  }

  @Test("efi_carve_out_dt_rsv turns /memreserve/ and no-map into reserved memory, nothing else")
  func workedExampleAtBoot() throws {
    let efi = try Self.workedExample().efi.uboot
    // Section 11: "the first BSD entry and the optee entry become ReservedMemory. The others are
    // unchanged"; the disabled x@48000000 is skipped (section 10.7).
    #expect(Self.rows(efi.atBoot) == Self.expected([
      (.reserved, 0x4000_0000, 0x4000_1000),
      (.conventional, 0x4000_1000, 0x4e00_0000),
      (.reserved, 0x4e00_0000, 0x5000_0000),
      (.conventional, 0x5000_0000, 0x7000_0000),
      (.bootServicesData, 0x7000_0000, 0x7400_0000),
      (.conventional, 0x7400_0000, 0x8000_0000),
    ]))
    #expect(efi.carveOuts.count == 3)
  }

  @Test("AllocatePages(ADDRESS, LoaderData, 2, 0x60000000) splits conventional memory around it")
  func workedExampleAllocation() throws {
    var map = try Self.workedExample().efi.uboot.atBoot
    // Section 11, last paragraph: EFI gets LoaderData 0x60000000-0x60002000.
    #expect(map.update(start: 0x6000_0000, pages: 2, type: .loaderData, overlapConventional: true) == .success)
    #expect(Self.rows(map)[3...5] == Self.expected([
      (.conventional, 0x5000_0000, 0x6000_0000),
      (.loaderData, 0x6000_0000, 0x6000_2000),
      (.conventional, 0x6000_2000, 0x7000_0000),
    ])[...])
  }

  // MARK: - efi_update_memory_map (section 10.2)

  @Test("a failed allocation is not atomic: pages carved before the conflict stay carved")
  func nonAtomicFailure() {
    var map = EFIMemoryMap()
    map.add(start: 0x7000_0000, size: 0x400_0000, type: .bootServicesData)
    map.add(start: 0x7400_0000, size: 0xc00_0000, type: .conventional)
    let status = map.update(start: 0x73ff_e000, pages: 4, type: .loaderData, overlapConventional: true)
    // Section 10.2 quirk: BSD[0x70000000,0x74000000) CONV[0x74002000,0x80000000), a hole between.
    #expect(status == .noMapping)
    #expect(Self.rows(map) == Self.expected([
      (.bootServicesData, 0x7000_0000, 0x7400_0000),
      (.conventional, 0x7400_2000, 0x8000_0000),
    ]))
  }

  @Test("sizes round outward to whole pages; equal neighbours merge")
  func roundingAndMerge() {
    var map = EFIMemoryMap()
    map.add(start: 0x4000_0000, size: 0x10_0000, type: .conventional)
    // Section 9/10.3: pages = (size + (start & 0xfff) + 0xfff) >> 12, start rounded down.
    map.add(start: 0x4000_0ff0, size: 0x20, type: .bootServicesData)
    #expect(Self.rows(map) == Self.expected([
      (.bootServicesData, 0x4000_0000, 0x4000_2000),
      (.conventional, 0x4000_2000, 0x4010_0000),
    ]))
    map.add(start: 0x4000_0000, size: 0x2000, type: .conventional)
    #expect(Self.rows(map) == Self.expected([(.conventional, 0x4000_0000, 0x4010_0000)]))
  }

  @Test("types of 16 and more are refused; zero pages change nothing")
  func parameters() {
    var map = EFIMemoryMap()
    let bad = EFIMemoryType(rawValue: 16)
    #expect(map.update(start: 0, pages: 1, type: bad, overlapConventional: false) == .invalidParameter)
    #expect(map.update(start: 0, pages: 0, type: .conventional, overlapConventional: false) == .success)
    #expect(map.descriptors.isEmpty)
  }

  @Test("attributes follow the type: WB|RT for runtime, RT for MMIO, WB otherwise")
  func attributes() {
    // Section 10.2 step 2.
    #expect(EFIAttributes.uboot(for: .runtimeServicesData) == [.wb, .runtime])
    #expect(EFIAttributes.uboot(for: .mmio) == .runtime)
    #expect(EFIAttributes.uboot(for: .reserved) == .wb)
  }
}
