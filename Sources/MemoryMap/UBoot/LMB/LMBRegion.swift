/// One entry of an LMB list: U-Boot's `struct lmb_region` (base, size, flags).
///
/// Sizes are kept exactly as U-Boot keeps them, so a region may be empty or run past 2^64
/// when a caller asked for that; `range` turns it into the model's general range type.
public struct LMBRegion: Hashable, Sendable {
  public var base: UInt64
  public var size: UInt64
  public var flags: LMBFlags

  public init(base: UInt64, size: UInt64, flags: LMBFlags = .none) {
    self.base = base
    self.size = size
    self.flags = flags
  }

  /// The region as a half-open `AddressRange`.
  public var range: AddressRange { AddressRange(base: base, size: size) }

  /// The inclusive last address as U-Boot computes it, `base + size - 1` with 64-bit
  /// wrap-around (an empty region's "last address" is `base - 1`).
  public var wrappingLast: UInt64 { base &+ size &- 1 }
}

/// U-Boot's two range predicates from `lib/lmb.c`, kept apart from `AddressRange` on purpose.
///
/// They work on inclusive ends computed with wrap-around, so an empty range or one that
/// passes 2^64 behaves as U-Boot's does, not as an ideal interval would; the allocator's
/// answers depend on that.
enum LMBMath {
  /// `lmb_addrs_overlap`: whether `[base1, base1+size1-1]` and `[base2, base2+size2-1]`
  /// intersect, with both inclusive ends wrapping.
  static func overlaps(_ base1: UInt64, _ size1: UInt64, _ base2: UInt64, _ size2: UInt64) -> Bool {
    base1 <= base2 &+ size2 &- 1 && base2 <= base1 &+ size1 &- 1
  }

  /// Where range 2 sits against range 1 in `lmb_addrs_adjacent`.
  enum Adjacency: Equatable {
    /// Range 1 ends exactly where range 2 begins (U-Boot's `1`).
    case below
    /// Range 2 ends exactly where range 1 begins (U-Boot's `-1`).
    case above
    /// Neither (U-Boot's `0`).
    case apart
  }

  /// `lmb_addrs_adjacent`, with U-Boot's wrapping sums; the first test wins when both hold.
  static func adjacency(_ base1: UInt64, _ size1: UInt64, _ base2: UInt64, _ size2: UInt64)
    -> Adjacency
  {
    if base2 == base1 &+ size1 { return .below }
    if base1 == base2 &+ size2 { return .above }
    return .apart
  }

  /// U-Boot's `ALIGN_DOWN(x, a)`: clears the bits of `a - 1`, wrapping, so an alignment of 0
  /// yields 0 and a non-power-of-two is used as a mask as written.
  static func alignDown(_ value: UInt64, _ align: UInt64) -> UInt64 {
    value & ~(align &- 1)
  }
}
