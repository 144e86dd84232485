import MemoryMap
import Testing
import TestSupport

/// `AddressRange` against ranges of plain integers that may run past 2^64: random ranges in a
/// window at the bottom of the address space and one ending at its top.
@Suite struct AddressRangePropertyTests {
  /// A range as offsets from the window's origin, in integers that do not wrap.
  struct Naive {
    let start: Int
    let size: Int
    var end: Int { start + size }
    var offsets: Range<Int> { start..<end }
  }

  static let origins: [UInt64] = [0, UInt64.max - 63]

  static func random(_ random: inout SplitMix64) -> Naive {
    Naive(start: Int.random(in: 0..<64, using: &random), size: Int.random(in: 0..<40, using: &random))
  }

  @Test("overlaps, intersection, isAdjacent, wraps, contains, covers agree with integer ranges",
        arguments: origins)
  func matchesIntegers(origin: UInt64) {
    var random = SplitMix64(seed: 0xadd2_e55 ^ origin)
    // Offsets above this are past 2^64 - 1.
    let last = origin == 0 ? Int.max : 63
    func range(_ n: Naive) -> AddressRange { AddressRange(base: origin + UInt64(n.start), size: UInt64(n.size)) }
    for _ in 0..<20_000 {
      let a = Self.random(&random)
      let b = Self.random(&random)
      let (x, y) = (range(a), range(b))
      let label = "origin \(origin): [\(a.start), +\(a.size)) and [\(b.start), +\(b.size))"
      let shared = a.offsets.clamped(to: b.offsets)
      #expect(x.overlaps(y) == !shared.isEmpty, "\(label) overlaps")
      #expect(x.overlaps(y) == y.overlaps(x), "\(label) overlaps is symmetric")
      // The shared part, cut at the top of the address space.
      let addressable = shared.clamped(to: 0..<(last == Int.max ? Int.max : last + 1))
      let expected = addressable.isEmpty
        ? nil : AddressRange(base: origin + UInt64(addressable.lowerBound), size: UInt64(addressable.count))
      #expect(x.intersection(y) == expected, "\(label) intersection")
      #expect(x.isAdjacent(to: y) == (a.end == b.start || b.end == a.start), "\(label) isAdjacent")
      #expect(x.wraps == (a.size > 0 && a.end - 1 > last), "\(label) wraps")
      // An exclusive end of 2^64 or more has no 64-bit value.
      #expect(x.end == (a.end > last ? nil : origin + UInt64(a.end)), "\(label) end")
      let probe = Int.random(in: 0..<64, using: &random)
      #expect(x.contains(origin + UInt64(probe)) == a.offsets.contains(probe), "\(label) contains \(probe)")
      if b.size > 0 {
        let within = b.offsets.clamped(to: 0..<(last == Int.max ? Int.max : last + 1))
        let covered = a.size > 0 && within.allSatisfy { a.offsets.contains($0) }
        #expect(x.covers(y) == covered, "\(label) covers")
      }
    }
  }
}
