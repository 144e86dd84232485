import DeviceTree
import Foundation
import Testing
import TestSupport

@testable import MemoryMap

/// The kernel flow stage by stage: regions, table and memblock after each phase, for trees the
/// kernel oracle booted. Expected values come from the recordings: the kernel's own lines in
/// `Fixtures/kernel/CASE.VERSION.txt`, and the memblock dumps and dmesg of the booted board in
/// `Fixtures/live/CASE.VERSION/` (`memblock-memory`, `memblock-reserved`, `dmesg`).
@Suite struct KernelFlowStageTests {
  // MARK: - Helpers

  /// A flow over `Fixtures/kernel/CASE.dts` under `profile`, with the QEMU virt boot layout the
  /// oracle boots with (`BootLayout.implied`, `Fixtures/kernel/boot.VERSION.reserve`), before
  /// any stage has run.
  static func flow(_ name: String, _ profile: KernelProfile) throws -> KernelFlow {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", name))
    return KernelFlow(description: try MemoryDescription.read(blob), profile: profile)
  }

  /// Runs the stages before the reserved-memory scan: RAM, then the boot reservations.
  static func bootStages(_ flow: inout KernelFlow) {
    flow.addMemory([])
    flow.reserveBootRegions(BootLayout.implied(for: flow.description, profile: flow.profile))
    flow.describeChildren()
  }

  /// A flow over `Fixtures/kernel/CASE.dts` that has run the stages before the scan.
  static func booted(_ name: String, _ profile: KernelProfile) throws -> KernelFlow {
    var booted = try Self.flow(name, profile)
    bootStages(&booted)
    return booted
  }

  /// A memblock dump of the booted board (`Fixtures/live/CASE/FILE`).
  static func dump(_ liveCase: String, _ file: String) throws -> [MemblockRegion] {
    let text = try String(contentsOfFile: Fixtures.path("live/\(liveCase)/\(file)"), encoding: .utf8)
    return try LiveRecord.parseMemblock(text).regions
  }

  /// The placed range of the region named `name`.
  static func range(_ flow: KernelFlow, _ name: String) -> AddressRange? {
    flow.regions.first { $0.name == name }?.range
  }

  /// True when `range` lies inside one of the reserved ranges.
  static func isReserved(_ range: AddressRange, in reserved: [MemblockRegion]) -> Bool {
    reserved.contains { $0.base <= range.base && range.saturatedEnd <= $0.base + $0.size }
  }

  // MARK: - Before the scan

  @Test("RAM: /memory enters memblock.memory page-aligned, as one block")
  func memoryStage() throws {
    var flow = try Self.flow("01-static-basic", .v6_12)
    flow.addMemory([])
    // Fixtures/live/01-static-basic.6.12/memblock-memory spans 0x40000000..0x7fffffff (its
    // three lines are that block split by the no-map region the scan adds later).
    #expect(flow.memblock.memory == [MemblockRegion(base: 0x4000_0000, size: 0x4000_0000)])
    #expect(flow.memblock.reserved.isEmpty)
  }

  @Test("boot reservations: kernel image, initrd and DTB are reserved before the scan")
  func bootStage() throws {
    let flow = try Self.booted("01-static-basic", .v6_12)
    // Fixtures/kernel/boot.6.12.reserve: "0x40200000 0x2b30000 kernel", "0x48000000 0xf2000
    // initrd", "0x48200000 0x8b02 dtb" (the DTB size is 01-static-basic's, the value given there).
    #expect(flow.memblock.reserved == [
      MemblockRegion(base: 0x4020_0000, size: 0x2b3_0000),
      MemblockRegion(base: 0x4800_0000, size: 0xf_2000),
      MemblockRegion(base: 0x4820_0000, size: 0x8b02),
    ])
    #expect(flow.regions.filter { $0.kind == .boot }.count == 3)
    // Every child has its placeholder before the scan: the kernel has not looked at it yet.
    let children = flow.regions.filter { $0.kind != .boot }
    #expect(children.map(\.name) == ["fw@50000000", "ramoops@50200000", "shm@51000000"])
    #expect(children.allSatisfy { $0.status == .skipped(.noRegOrSize) && !$0.inTable })
  }

  // MARK: - Two-stage flow (6.12)

  @Test("6.12 early scan: static regions are reserved or flagged no-map, the table stays empty")
  func twoStageStaticScan() throws {
    var flow = try Self.booted("01-static-basic", .v6_12)
    let count = flow.scanEarly()
    #expect(count == 3)
    // The statics are saved only at unflatten time (fdt_scan_reserved_mem_reg_nodes).
    #expect(flow.table.isEmpty)
    // Fixtures/live/01-static-basic.6.12/memblock-memory: line 1 "0x50000000..0x500fffff NOMAP"
    // (fw@50000000 is no-map); the whole dump is memblock.memory after the scan.
    let live = try Self.dump("01-static-basic.6.12", "memblock-memory")
    #expect(flow.memblock.memory == live)
    // memblock-reserved lines 3 and 4: ramoops@50200000 and shm@51000000; fw@50000000 is
    // no-map, so not in memblock.reserved.
    let reserved = flow.memblock.reserved
    #expect(reserved.contains(MemblockRegion(base: 0x5020_0000, size: 0x10_0000)))
    #expect(reserved.contains(MemblockRegion(base: 0x5100_0000, size: 0x40_0000)))
    #expect(!reserved.contains { $0.range.overlaps(AddressRange(base: 0x5000_0000, size: 0x10_0000)) })
    #expect(flow.regions.filter { $0.kind == .static }.allSatisfy { $0.status == .reserved })
  }

  @Test("6.12 late scan: the statics are saved, sorted and initialised; each gets its info line")
  func twoStageLateScan() throws {
    var flow = try Self.booted("01-static-basic", .v6_12)
    let count = flow.scanEarly()
    flow.reserveMemreserveBlock()
    flow.saveStaticLate(count: count)
    // Fixtures/kernel/01-static-basic.6.12.txt lines 1-3, one per table entry, in this order.
    #expect(flow.table.map(\.name) == ["fw@50000000", "ramoops@50200000", "shm@51000000"])
    #expect(flow.table.map(\.base) == [0x5000_0000, 0x5020_0000, 0x5100_0000])
    #expect(flow.table.map(\.size) == [0x10_0000, 0x10_0000, 0x40_0000])
    let info = flow.events.compactMap { event -> (String, Bool)? in
      guard case .regionInfo(let region, _, _, let noMap, _) = event else { return nil }
      return (flow.regions[region].name, noMap)
    }
    #expect(info.map(\.0) == ["fw@50000000", "ramoops@50200000", "shm@51000000"])
    #expect(info.map(\.1) == [true, false, false])  // "nomap", "map", "map"
    #expect(flow.regions.filter { $0.kind == .static }.allSatisfy { $0.inTable })
  }

  @Test("6.12 dynamic allocation: top-down inside alloc-ranges, placed and initialised at once")
  func twoStageDynamic() throws {
    var flow = try Self.booted("02-dyn-top-down", .v6_12)
    let count = flow.scanEarly()
    #expect(count == 3)
    // Fixtures/kernel/02-dyn-top-down.6.12.txt lines 1-3.
    #expect(Self.range(flow, "dyn_a") == AddressRange(base: 0x5fc0_0000, size: 0x40_0000))
    #expect(Self.range(flow, "dyn_b") == AddressRange(base: 0x5f90_0000, size: 0x30_0000))
    #expect(Self.range(flow, "dyn_c") == AddressRange(base: 0x5f8f_f000, size: 0x1000))
    // The two-stage flow saves each dynamic region as it places it (the table fills in the
    // early scan, in placing order).
    #expect(flow.table.map(\.name) == ["dyn_a", "dyn_b", "dyn_c"])
    // Fixtures/live/02-dyn-top-down.6.12/memblock-memory: "0x5fc00000..0x5fffffff NOMAP"
    // (dyn_a is no-map); memblock-reserved line 3 "0x5f8ff000..0x5fffffff": the three regions,
    // dyn_a reserved as well as flagged.
    let live = try Self.dump("02-dyn-top-down.6.12", "memblock-memory")
    #expect(flow.memblock.memory == live)
    #expect(flow.memblock.reserved.contains(MemblockRegion(base: 0x5f8f_f000, size: 0x70_1000)))
  }

  @Test("6.12 init: CMA takes the aligned pool; the misaligned one fails and its memory is released")
  func twoStageInit() throws {
    var flow = try Self.booted("22-cma-dynamic", .v6_12)
    _ = flow.scanEarly()
    // Fixtures/kernel/22-cma-dynamic.6.12.txt, in order: "created CMA memory pool at
    // 0x000000005fc00000, size 4 MiB", "initialized node cma_a", the info line of cma_a,
    // "incorrect alignment of CMA region", "node cma_b compatible matching fail".
    let lines = flow.events.compactMap { event -> String? in
      switch event {
      case .cmaCreated(let region, let base, let size):
        return "cma \(flow.regions[region].name) \(Hex.range(AddressRange(base: base, size: size)))"
      case .initialized(let region, _): return "initialized \(flow.regions[region].name)"
      case .regionInfo(let region, _, _, _, _): return "info \(flow.regions[region].name)"
      case .cmaIncorrectAlignment(let region): return "misaligned \(flow.regions[region].name)"
      case .matchingFailed(let region): return "failed \(flow.regions[region].name)"
      default: return nil
      }
    }
    #expect(lines == ["cma cma_a [0x5fc00000, 0x60000000)", "initialized cma_a", "info cma_a",
                      "misaligned cma_b", "failed cma_b"])
    let a = try #require(flow.regions.first { $0.name == "cma_a" })
    let b = try #require(flow.regions.first { $0.name == "cma_b" })
    #expect(a.initResult == .cma && b.initResult == .failed)
    // "compatible matching fail" gives the memory back to memblock (fdt_init_reserved_mem_node
    // frees a region no init function took).
    let placedB = try #require(b.range)
    #expect(!flow.memblock.reserved.contains { $0.range.overlaps(placedB) })
    #expect(flow.memblock.reserved.contains(MemblockRegion(base: 0x5fc0_0000, size: 0x40_0000)))
  }

  @Test("7.2 reserves only the first reg entry; 6.12 reserves every entry and keeps the first",
        arguments: [KernelProfile.v6_12, .v7_2])
  func multiEntryReg(_ profile: KernelProfile) throws {
    var flow = try Self.booted("09-multi-reg", profile)
    _ = flow.scanEarly()
    let later = [AddressRange(base: 0x5200_0000, size: 0x20_0000), AddressRange(base: 0x5400_0000, size: 0x30_0000)]
    let laterNoMap = AddressRange(base: 0x5700_0000, size: 0x10_0000)
    let reserved = flow.memblock.reserved.map(\.range)
    let noMap = flow.memblock.memory.filter { $0.flags.contains(.noMap) }.map(\.range)
    #expect(reserved.contains(AddressRange(base: 0x5000_0000, size: 0x10_0000)))
    #expect(noMap.contains(AddressRange(base: 0x5600_0000, size: 0x10_0000)))
    if profile.reservesFirstRegEntryOnly {
      // Fixtures/kernel/09-multi-reg.7.2.txt lines 1-2: "node 'multi@50000000' has 3 <base
      // size> entries, only the first is used", and the same for multinm@56000000 (2 entries).
      #expect(!later.contains { range in reserved.contains { $0.overlaps(range) } })
      #expect(!noMap.contains { $0.overlaps(laterNoMap) })
    } else {
      // 6.12's __reserved_mem_reserve_reg reserves each entry in turn; only the table keeps
      // one ("ignores 2 regions in node 'multi@50000000'", 09-multi-reg.6.12.txt line 1).
      #expect(later.allSatisfy { range in reserved.contains { $0.base <= range.base && range.end! <= $0.end! } })
      #expect(noMap.contains(laterNoMap))
    }
  }

  // MARK: - Fixed-array flow (6.1)

  @Test("6.1 static scan: a dynamic child is saved as (0, 0) and nothing is placed yet")
  func fixedArrayScan() throws {
    var flow = try Self.booted("02-dyn-top-down", .v6_1)
    flow.reserveMemreserveBlock()
    flow.scanStatic()
    #expect(flow.table.map(\.name) == ["dyn_a", "dyn_b", "dyn_c"])
    #expect(flow.table.allSatisfy { $0.base == 0 && $0.size == 0 })
    #expect(flow.regions.filter { $0.kind == .dynamic }.allSatisfy { $0.range == nil })
    // Only the boot reservations (Fixtures/kernel/boot.6.1.reserve) are in memblock.reserved.
    #expect(flow.memblock.reserved.count == 3)
  }

  @Test("6.1 after sorting: dynamic regions are placed in the sorted table's order")
  func fixedArrayAllocation() throws {
    var flow = try Self.booted("02-dyn-top-down", .v6_1)
    flow.reserveMemreserveBlock()
    flow.scanStatic()
    flow.checkOverlaps()
    for position in flow.table.indices { flow.initialiseFixedEntry(at: position) }
    // Fixtures/live/02-dyn-top-down.6.1/memblock-reserved line 2 "0x5f800000..0x5fbfffff" is
    // dyn_a; line 3 "0x5fcff000..0x5fffffff" is dyn_b over dyn_c: the heapsort put dyn_b first,
    // at the top, then dyn_c under it, then dyn_a below both (1 MiB aligned).
    #expect(Self.range(flow, "dyn_a") == AddressRange(base: 0x5f80_0000, size: 0x40_0000))
    #expect(Self.range(flow, "dyn_b") == AddressRange(base: 0x5fd0_0000, size: 0x30_0000))
    #expect(Self.range(flow, "dyn_c") == AddressRange(base: 0x5fcf_f000, size: 0x1000))
    let live = try Self.dump("02-dyn-top-down.6.1", "memblock-reserved")
    for name in ["dyn_a", "dyn_b", "dyn_c"] {
      let range = try #require(Self.range(flow, name))
      #expect(Self.isReserved(range, in: live), "\(name)")
    }
    // memblock-memory of 6.1 (no flags printed) is split at 0x5f800000 and 0x5fc00000: the
    // no-map flag on dyn_a.
    let memory = try Self.dump("02-dyn-top-down.6.1", "memblock-memory")
    #expect(flow.memblock.memory.map(\.range) == memory.map(\.range))
    #expect(flow.memblock.memory[1].flags == .noMap)
  }

  // MARK: - /memreserve/ order

  @Test("/memreserve/ before the scan (6.1) makes a no-map region over it fail; after it (6.12) not")
  func memreserveOrder() throws {
    var early = try Self.booted("04-memreserve-nomap", .v6_1)
    early.reserveMemreserveBlock()
    early.scanStatic()
    // Fixtures/kernel/04-memreserve-nomap.6.1.txt: "failed to reserve memory for node
    // 'fw@50000000'" and "... 'tail@50180000'"; clear@52000000 is reserved.
    #expect(early.regions.first { $0.name == "fw@50000000" }?.status == .failed(.busy))
    #expect(early.regions.first { $0.name == "tail@50180000" }?.status == .failed(.busy))
    #expect(early.regions.first { $0.name == "clear@52000000" }?.status == .reserved)

    var late = try Self.booted("04-memreserve-nomap", .v6_12)
    let count = late.scanEarly()
    late.reserveMemreserveBlock()
    // Fixtures/kernel/04-memreserve-nomap.6.12.txt: an info line for each of the three, no
    // failure: the no-map flags were set before /memreserve/ was reserved.
    #expect(count == 3)
    #expect(late.regions.filter { $0.kind == .static }.allSatisfy { $0.status == .reserved })
    #expect(late.regions.filter { $0.kind == .memreserve }.map(\.range) == [
      AddressRange(base: 0x5000_0000, size: 0x10_0000), AddressRange(base: 0x5020_0000, size: 0x1_0000),
    ])
  }

  // MARK: - After the scan (riscv64)

  @Test("riscv64 7.2 after the scan: the DTB is reserved late, then the default CMA area below 4 GiB")
  func riscvLateStages() throws {
    // The tree the riscv64 kernel received (Fixtures/kernel-riscv64/16-direction-heuristic.7.2
    // .received.dts), with QEMU's riscv layout (BootLayout.qemuRiscvVirt).
    var profile = KernelProfile.v7_2
    profile.architecture = .riscv64
    let blob = try DeviceTreeBlob.load(
      path: Fixtures.dtb("kernel-riscv64", "16-direction-heuristic.7.2.received"))
    let description = try MemoryDescription.read(blob)
    var flow = KernelFlow(description: description, profile: profile)
    let layout = BootLayout.implied(for: description, profile: profile)
    // 16-direction-heuristic.7.2.layout line 3: "DTB 0xbfe00000+0x1702 (received tree; reserved
    // AFTER the scan)": the received blob's size, which the recompiled source does not keep.
    let dtb = AddressRange(base: 0xbfe0_0000, size: UInt64(description.blobSize))
    #expect(layout.filter(\.afterScan).map(\.range) == [dtb])
    flow.addMemory([])
    flow.reserveBootRegions(layout.filter { !$0.afterScan })
    flow.describeChildren()
    flow.runTwoStageFlow()
    #expect(!flow.memblock.reserved.contains { $0.range.overlaps(dtb) })
    flow.reserveLateBootRegions(layout.filter(\.afterScan))
    #expect(flow.memblock.reserved.contains { $0.base <= dtb.base && dtb.saturatedEnd <= $0.base + $0.size })
    flow.reserveDefaultCMA()
    // 16-direction-heuristic.7.2.outcome line 2: "cma: Reserved 128 MiB at 0x00000000b7e00000".
    let cma = try #require(flow.regions.last)
    #expect(cma.kind == .boot && cma.status == .reserved)
    #expect(cma.range == AddressRange(base: 0xb7e0_0000, size: 128 << 20))
  }

  // MARK: - Overlap check

  @Test("the overlap check reports sorted neighbours, and records them as region pairs",
        arguments: [KernelProfile.v6_1, .v6_12])
  func overlapCheck(_ profile: KernelProfile) throws {
    var flow = try Self.booted("05-overlap-static", profile)
    if profile.flow == .fixedArray {
      flow.runFixedArrayFlow()
    } else {
      flow.runTwoStageFlow()
    }
    // Fixtures/live/05-overlap-static.VERSION/dmesg: "a@50000000 (...) overlaps with
    // b@50100000 (...)" and "c@52000000 (...) overlaps with d@52080000 (...)", both kernels.
    let pairs = flow.events.compactMap { event -> String? in
      guard case .overlap(let first, let second) = event else { return nil }
      return flow.regions[first.region].name + " " + flow.regions[second.region].name
    }
    #expect(pairs == ["a@50000000 b@50100000", "c@52000000 d@52080000"])
    let version = profile.name
    // memblock-memory line 1 "0x50000000..0x502fffff NOMAP": a and b flagged over each other;
    // memblock-reserved line 3 "0x52000000..0x5217ffff": c and d merged.
    let memory = try Self.dump("05-overlap-static.\(version)", "memblock-memory")
    #expect(flow.memblock.memory.map(\.range) == memory.map(\.range))
    #expect(flow.memblock.reserved.contains(MemblockRegion(base: 0x5200_0000, size: 0x18_0000)))
  }
}
