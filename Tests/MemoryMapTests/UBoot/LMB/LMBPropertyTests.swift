import TestSupport
import Testing

@testable import MemoryMap

/// Invariants that U-Boot's LMB keeps for random call sequences without wrap-around.
///
/// Only properties the C code really guarantees are checked: lists stay sorted and disjoint
/// (touching regions may stay apart, spec §3.4), RAM is the union of what was added, an
/// allocation lies in RAM below MAX, aligned, clear of every earlier reservation, and a
/// reservation is refused with -EEXIST exactly when the overlap policy (spec §4) says so.
/// "The new block is recorded" is not checked: HEAD can drop it (see
/// `LMBAddRegionTests.breakOnMismatchBelow`).
@Suite struct LMBPropertyTests {
  static let seeds: [UInt64] = Array(1...40)
  static let flagChoices: [LMBFlags] = [.none, .none, .noMap, .noOverwrite, [.noOverwrite, .noNotify]]

  /// Addresses in a small window (granule 0x100) so that calls collide often.
  private func address(_ rng: inout SplitMix64) -> UInt64 {
    0x1000_0000 + UInt64.random(in: 0..<0x200, using: &rng) * 0x100
  }

  private func size(_ rng: inout SplitMix64) -> UInt64 {
    UInt64.random(in: 1...0x20, using: &rng) * 0x100 - UInt64.random(in: 0...1, using: &rng) * 0x80
  }

  @Test("random call sequences keep the invariants", arguments: seeds)
  func invariants(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var lmb = LMB()
    var added: [AddressRange] = []
    for _ in 0..<3 {
      let range = AddressRange(base: address(&rng), size: size(&rng) * 4)
      lmb.add(base: range.base, size: range.size)
      added.append(range)
    }
    #expect(Self.coverage(lmb.memory.map(\.range)) == Self.coverage(added), "seed \(seed)")
    for step in 0..<60 {
      randomCall(&lmb, &rng, context: "seed \(seed) step \(step)")
      Self.expectSortedAndDisjoint(lmb.memory, "memory, seed \(seed) step \(step)")
      Self.expectSortedAndDisjoint(lmb.reserved, "reserved, seed \(seed) step \(step)")
    }
  }

  /// One random reserve, allocation or free, with the checks that apply to it.
  private func randomCall(_ lmb: inout LMB, _ rng: inout SplitMix64, context: String) {
    let flags = Self.flagChoices.randomElement(using: &rng)!
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: checkReserve(&lmb, base: address(&rng), size: size(&rng), flags: flags, context)
    case 1:
      let align = UInt64(1) << UInt64.random(in: 0...12, using: &rng)
      let max = Bool.random(using: &rng) ? 0 : address(&rng) + 0x2000
      checkAllocate(&lmb, size: size(&rng), align: align, max: max, flags: flags, context)
    default:
      guard let region = lmb.reserved.randomElement(using: &rng) else { return }
      let offset = UInt64.random(in: 0..<region.size, using: &rng)
      let length = UInt64.random(in: 1...(region.size - offset), using: &rng)
      #expect(lmb.free(base: region.base + offset, size: length) == .ok, "\(context)")
      let freed = AddressRange(base: region.base + offset, size: length)
      #expect(!lmb.reserved.contains { $0.range.overlaps(freed) }, "\(context)")
    }
  }

  /// A reservation is refused with -EEXIST exactly when some overlap is not NONE on both sides.
  private func checkReserve(_ lmb: inout LMB, base: UInt64, size: UInt64, flags: LMBFlags,
                            _ context: String) {
    let range = AddressRange(base: base, size: size)
    let conflict = lmb.reserved.contains {
      $0.range.overlaps(range) && (flags != .none || $0.flags != .none)
    }
    let status = lmb.reserve(base: base, size: size, flags: flags)
    if status != .invalid { #expect((status == .exists) == conflict, "\(context)") }
  }

  /// An allocation lies inside one RAM region, ends at or below MAX, is aligned and clear of
  /// every reservation made before it.
  private func checkAllocate(_ lmb: inout LMB, size: UInt64, align: UInt64, max: UInt64,
                             flags: LMBFlags, _ context: String) {
    let before = lmb.reserved
    let result = lmb.allocate(max == 0 ? .any : .max(max), size: size, align: align, flags: flags)
    guard case .placed(let base) = result else {
      #expect(result == .failed(.failed), "\(context)")
      return
    }
    let block = AddressRange(base: base, size: size)
    #expect(lmb.memory.contains { $0.range.covers(block) }, "\(context)")
    #expect(max == 0 || block.saturatedEnd <= max, "\(context)")
    #expect(base % align == 0, "\(context)")
    #expect(!before.contains { $0.range.overlaps(block) }, "\(context)")
  }

  static func expectSortedAndDisjoint(_ regions: [LMBRegion], _ context: String) {
    for (lower, upper) in zip(regions, regions.dropFirst()) {
      #expect(lower.range.saturatedEnd <= upper.base, "\(context): \(lower) then \(upper)")
    }
  }

  /// The set of addresses covered, as sorted disjoint maximal intervals.
  static func coverage(_ ranges: [AddressRange]) -> [AddressRange] {
    var merged: [AddressRange] = []
    for range in ranges.sorted() {
      if let last = merged.last, range.base <= last.saturatedEnd {
        let end = Swift.max(last.saturatedEnd, range.saturatedEnd)
        merged[merged.count - 1] = AddressRange(base: last.base, size: end - last.base)
      } else {
        merged.append(range)
      }
    }
    return merged
  }
}
