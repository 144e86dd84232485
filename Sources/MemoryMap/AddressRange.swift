/// A half-open physical address range `[base, base + size)`.
///
/// The one range type of the model. 64-bit addresses can wrap: `end` is nil when
/// `base + size` does not fit in 64 bits, and `lastAddress` (inclusive) is nil for empty ranges
/// or ranges that run past 2^64 - 1.
public struct AddressRange: Hashable, Sendable, Comparable {
  public var base: UInt64
  public var size: UInt64

  public init(base: UInt64, size: UInt64) {
    self.base = base
    self.size = size
  }

  /// A range from `start` up to but excluding `end`; nil when `end < start`.
  public init?(start: UInt64, end: UInt64) {
    guard end >= start else { return nil }
    self.init(base: start, size: end - start)
  }

  /// The exclusive end, or nil when it would be 2^64 or more.
  public var end: UInt64? {
    let (sum, overflow) = base.addingReportingOverflow(size)
    return overflow ? nil : sum
  }

  /// The last address inside the range, or nil for an empty range or one that passes 2^64 - 1.
  public var lastAddress: UInt64? {
    guard size > 0 else { return nil }
    let (sum, overflow) = base.addingReportingOverflow(size - 1)
    return overflow ? nil : sum
  }

  /// True when the range runs past the top of the 64-bit address space.
  public var wraps: Bool { size > 0 && lastAddress == nil }

  public var isEmpty: Bool { size == 0 }

  /// `base + size` with the kernel's and U-Boot's 64-bit wrap-around.
  public var wrappingEnd: UInt64 { base &+ size }

  /// The exclusive end clamped to the top of the address space (for display and totals).
  public var saturatedEnd: UInt64 { end ?? .max }

  public func contains(_ address: UInt64) -> Bool {
    guard size > 0, address >= base else { return false }
    return address - base < size
  }

  /// True when both ranges share at least one address (empty ranges overlap nothing).
  public func overlaps(_ other: AddressRange) -> Bool {
    guard size > 0, other.size > 0 else { return false }
    return base <= other.base ? other.base - base < size : base - other.base < other.size
  }

  /// The shared part, or nil when the ranges do not overlap.
  public func intersection(_ other: AddressRange) -> AddressRange? {
    guard overlaps(other) else { return nil }
    let start = max(base, other.base)
    let last = min(lastAddressSaturated, other.lastAddressSaturated)
    return AddressRange(base: start, size: last - start + 1)
  }

  /// True when one range ends exactly where the other begins.
  public func isAdjacent(to other: AddressRange) -> Bool {
    (end != nil && end == other.base) || (other.end != nil && other.end == base)
  }

  /// True when every address of `other` is inside this range.
  public func covers(_ other: AddressRange) -> Bool {
    guard other.size > 0 else { return contains(other.base) || other.base == saturatedEnd }
    return other.base >= base && other.lastAddressSaturated <= lastAddressSaturated
      && size > 0
  }

  var lastAddressSaturated: UInt64 { lastAddress ?? .max }

  public static func < (lhs: AddressRange, rhs: AddressRange) -> Bool {
    (lhs.base, lhs.size) < (rhs.base, rhs.size)
  }
}
