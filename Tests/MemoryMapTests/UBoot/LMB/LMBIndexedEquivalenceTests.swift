import TestSupport
import Testing

@testable import MemoryMap

/// The port of U-Boot's `lib/lmb.c` over indexed lists (binary search over chunked lists, the
/// product's `LMB`) against the same port over `LMBLinearList`, which scans from the head as
/// U-Boot's loops do: after every call both must hold the same lists and have returned the
/// same status, address or answer. This is the contract of `LMBRegionList`. The calls mix
/// regular requests with the ones that switch the indexed lists to full scans: zero sizes,
/// ranges that wrap past 2^64, alignments of 0 and non-powers of two, and a bank at the top
/// of the address space.
@Suite struct LMBIndexedEquivalenceTests {
  typealias Indexed = LMBLists<LMBIndexedList>
  typealias Linear = LMBLists<LMBLinearList>

  static let flagChoices: [LMBFlags] = [.none, .none, .none, .noMap, .noOverwrite]

  /// Non-empty, non-wrapping regions, each ending at or below the next one's base.
  static func isRegular(_ list: [LMBRegion]) -> Bool {
    list.allSatisfy { $0.size != 0 && $0.base &+ $0.size > $0.base }
      && zip(list, list.dropFirst()).allSatisfy { $0.base + $0.size <= $1.base }
  }

  static func same(_ lmb: Indexed, _ reference: Linear) -> Bool {
    lmb.availableMem.regions == reference.availableMem.regions
      && lmb.usedMem.regions == reference.usedMem.regions
  }

  @Test("random call sequences give the linear port's lists and results", arguments: Array(UInt64(1)...120))
  func sameAsLinear(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    // Every third seed follows v2025.01's list rules, which may keep overlaps on their own.
    let rules: LMBListRules = seed % 3 == 0 ? .v2025_01 : .v2026_10
    var lmb = Indexed(rules: rules)
    var reference = Linear(rules: rules)
    let hostile = seed % 4 == 0
    for _ in 0..<3 {
      let base = 0x1000_0000 + UInt64.random(in: 0..<0x40, using: &rng) * 0x1_0000
      let size = UInt64.random(in: 1...0x20, using: &rng) * 0x1_0000
      #expect(lmb.lmbAdd(base: base, size: size) == reference.lmbAdd(base: base, size: size))
    }
    if hostile {
      let top: UInt64 = 0xffff_ffff_ffff_0000
      #expect(lmb.lmbAdd(base: top, size: 0x1_0000) == reference.lmbAdd(base: top, size: 0x1_0000))
    }
    for step in 0..<300 {
      let context = "seed \(seed) step \(step)"
      let flags = Self.flagChoices.randomElement(using: &rng)!
      var base = 0x1000_0000 + UInt64.random(in: 0..<0x4000, using: &rng) * 0x100
      var size = UInt64.random(in: 1...0x40, using: &rng) * 0x100
      if hostile {
        switch UInt64.random(in: 0..<12, using: &rng) {
        case 0: size = 0
        case 1: base = 0xffff_ffff_ffff_f000 + UInt64.random(in: 0..<0x10, using: &rng) * 0x100
        case 2: size = 0 &- base &+ UInt64.random(in: 0..<0x3000, using: &rng)
        default: break
        }
      }
      switch Int.random(in: 0..<11, using: &rng) {
      case 0..<4:
        let got = lmb.lmbAllocMem(.address(base), align: 1, size: size, flags: flags)
        #expect(got == reference.lmbAllocMem(.address(base), align: 1, size: size, flags: flags), "\(context)")
      case 4..<7:
        var align = UInt64(1) << UInt64.random(in: 0...16, using: &rng)
        if hostile && Bool.random(using: &rng) { align = [0, 3, 0x1800].randomElement(using: &rng)! }
        let type: LMBAllocationType = Bool.random(using: &rng) ? .any : .max(base &+ 0x8000)
        let got = lmb.lmbAllocMem(type, align: align, size: size, flags: flags)
        #expect(got == reference.lmbAllocMem(type, align: align, size: size, flags: flags), "\(context)")
      case 7:
        #expect(lmb.lmbGetFreeSize(base) == reference.lmbGetFreeSize(base), "\(context)")
        #expect(lmb.lmbIsReservedFlags(base, flags: flags) == reference.lmbIsReservedFlags(base, flags: flags),
                "\(context)")
      default:
        if let region = reference.usedMem.regions.randomElement(using: &rng), region.size > 1,
          !Bool.random(using: &rng)
        {
          let offset = UInt64.random(in: 0..<region.size, using: &rng)
          size = UInt64.random(in: 1...(region.size - offset), using: &rng)
          base = region.base &+ offset
        }
        #expect(lmb.lmbFree(base: base, size: size) == reference.lmbFree(base: base, size: size), "\(context)")
      }
      #expect(Self.same(lmb, reference), "\(context)")
      // The regularity count is exact both ways: the fast paths run whenever they may.
      #expect(lmb.usedMem.isRegular == Self.isRegular(reference.usedMem.regions), "\(context)")
      #expect(lmb.availableMem.isRegular == Self.isRegular(reference.availableMem.regions), "\(context)")
      if !hostile && rules == .v2026_10 { #expect(lmb.usedMem.isRegular, "\(context)") }
      if !Self.same(lmb, reference) { return }
    }
  }

  /// Lists of thousands of regions span several chunks: allocations must find the same place
  /// when the gaps they need lie in other chunks, or when whole chunks are skipped.
  @Test("allocations over thousands of reservations give the linear port's places", arguments: [UInt64(7), 8])
  func manyChunks(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var lmb = Indexed()
    var reference = Linear()
    #expect(lmb.lmbAdd(base: 0x8000_0000, size: 0x1000_0000) == reference.lmbAdd(base: 0x8000_0000, size: 0x1000_0000))
    // 1,500 small reservations, packed at the top (gaps too small for most requests) and
    // scattered below, with mixed flags so that touching ones stay apart.
    for i in 0..<1500 {
      let base = i < 1000
        ? 0x8fff_0000 - UInt64(i) * 0x2000 - UInt64.random(in: 0...1, using: &rng) * 0x800
        : 0x8000_0000 + UInt64.random(in: 0..<0x8000, using: &rng) * 0x1000
      let flags = Self.flagChoices.randomElement(using: &rng)!
      let got = lmb.lmbAllocMem(.address(base), align: 1, size: 0x1000, flags: flags)
      #expect(got == reference.lmbAllocMem(.address(base), align: 1, size: 0x1000, flags: flags), "seed \(seed) reserve \(i)")
    }
    for step in 0..<120 {
      let size = [UInt64(0x800), 0x1000, 0x1800, 0x4000, 0x10000].randomElement(using: &rng)!
      let align = UInt64(1) << UInt64.random(in: 0...16, using: &rng)
      let type: LMBAllocationType = Bool.random(using: &rng) ? .any : .max(0x8000_0000 + UInt64.random(in: 0..<0x1000_0000, using: &rng))
      let got = lmb.lmbAllocMem(type, align: align, size: size, flags: .none)
      #expect(got == reference.lmbAllocMem(type, align: align, size: size, flags: .none), "seed \(seed) step \(step)")
    }
    #expect(lmb.usedMem.count > ChunkedArray<LMBRegion>.chunkLimit)
    #expect(lmb.usedMem.isRegular)
    #expect(Self.same(lmb, reference), "seed \(seed)")
  }
}
