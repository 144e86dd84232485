import TestSupport
import Testing

@testable import MemoryMap

/// The indexed LMB (binary search over chunked lists) against `ReferenceLMB`, the plain
/// head-first scans of U-Boot's `lib/lmb.c`: after every call both must hold the same lists
/// and have returned the same status or address. The calls mix regular requests with the
/// ones that switch the indexed lists to full scans: zero sizes, ranges that wrap past 2^64,
/// alignments of 0 and non-powers of two, and a bank at the top of the address space.
@Suite struct LMBIndexedEquivalenceTests {
  static let flagChoices: [LMBFlags] = [.none, .none, .none, .noMap, .noOverwrite]

  /// Non-empty, non-wrapping regions, each ending at or below the next one's base.
  static func isRegular(_ list: [LMBRegion]) -> Bool {
    list.allSatisfy { $0.size != 0 && $0.base &+ $0.size > $0.base }
      && zip(list, list.dropFirst()).allSatisfy { $0.base + $0.size <= $1.base }
  }

  @Test("random call sequences give the reference's lists and results", arguments: Array(UInt64(1)...120))
  func sameAsReference(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var lmb = LMB()
    var reference = ReferenceLMB()
    let hostile = seed % 4 == 0
    for _ in 0..<3 {
      let base = 0x1000_0000 + UInt64.random(in: 0..<0x40, using: &rng) * 0x1_0000
      let size = UInt64.random(in: 1...0x20, using: &rng) * 0x1_0000
      #expect(lmb.add(base: base, size: size) == reference.add(base: base, size: size))
    }
    if hostile {
      #expect(lmb.add(base: 0xffff_ffff_ffff_0000, size: 0x1_0000) == reference.add(base: 0xffff_ffff_ffff_0000, size: 0x1_0000))
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
      switch Int.random(in: 0..<10, using: &rng) {
      case 0..<4:
        let got = lmb.allocate(.address(base), size: size, flags: flags)
        #expect(got == reference.allocate(.address(base), size: size, align: 1, flags: flags), "\(context)")
      case 4..<7:
        var align = UInt64(1) << UInt64.random(in: 0...16, using: &rng)
        if hostile && Bool.random(using: &rng) { align = [0, 3, 0x1800].randomElement(using: &rng)! }
        let type: LMBAllocationType = Bool.random(using: &rng) ? .any : .max(base &+ 0x8000)
        let got = lmb.allocate(type, size: size, align: align, flags: flags)
        #expect(got == reference.allocate(type, size: size, align: align, flags: flags), "\(context)")
      default:
        if let region = reference.reserved.randomElement(using: &rng), region.size > 1, !Bool.random(using: &rng) {
          let offset = UInt64.random(in: 0..<region.size, using: &rng)
          let length = UInt64.random(in: 1...(region.size - offset), using: &rng)
          base = region.base &+ offset
          size = length
        }
        #expect(lmb.free(base: base, size: size) == reference.free(base: base, size: size), "\(context)")
      }
      #expect(lmb.memory == reference.memory, "\(context)")
      #expect(lmb.reserved == reference.reserved, "\(context)")
      // The regularity count is exact both ways: the fast paths run whenever they may.
      #expect(lmb.reservedList.isRegular == Self.isRegular(reference.reserved), "\(context)")
      #expect(lmb.memoryList.isRegular == Self.isRegular(reference.memory), "\(context)")
      if !hostile { #expect(lmb.reservedList.isRegular, "\(context)") }
      if lmb.reserved != reference.reserved { return }
    }
  }

  /// Lists of thousands of regions span several chunks: allocations must find the same place
  /// when the gaps they need lie in other chunks, or when whole chunks are skipped.
  @Test("allocations over thousands of reservations give the reference's places", arguments: [UInt64(7), 8])
  func manyChunks(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var lmb = LMB()
    var reference = ReferenceLMB()
    #expect(lmb.add(base: 0x8000_0000, size: 0x1000_0000) == reference.add(base: 0x8000_0000, size: 0x1000_0000))
    // 1,500 small reservations, packed at the top (gaps too small for most requests) and
    // scattered below, with mixed flags so that touching ones stay apart.
    for i in 0..<1500 {
      let base = i < 1000
        ? 0x8fff_0000 - UInt64(i) * 0x2000 - UInt64.random(in: 0...1, using: &rng) * 0x800
        : 0x8000_0000 + UInt64.random(in: 0..<0x8000, using: &rng) * 0x1000
      let flags = Self.flagChoices.randomElement(using: &rng)!
      let got = lmb.allocate(.address(base), size: 0x1000, flags: flags)
      #expect(got == reference.allocate(.address(base), size: 0x1000, align: 1, flags: flags), "seed \(seed) reserve \(i)")
    }
    for step in 0..<120 {
      let size = [UInt64(0x800), 0x1000, 0x1800, 0x4000, 0x10000].randomElement(using: &rng)!
      let align = UInt64(1) << UInt64.random(in: 0...16, using: &rng)
      let type: LMBAllocationType = Bool.random(using: &rng) ? .any : .max(0x8000_0000 + UInt64.random(in: 0..<0x1000_0000, using: &rng))
      let got = lmb.allocate(type, size: size, align: align, flags: .none)
      #expect(got == reference.allocate(type, size: size, align: align, flags: .none), "seed \(seed) step \(step)")
    }
    #expect(lmb.reserved.count > ChunkedArray<LMBRegion>.chunkLimit)
    #expect(lmb.reservedList.isRegular)
    #expect(lmb.reserved == reference.reserved, "seed \(seed)")
  }
}
