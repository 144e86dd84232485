/// Ranges as a set of addresses: sorted, with overlapping and adjacent ranges joined.
public struct RangeUnion: Hashable, Sendable {
  public private(set) var ranges: [AddressRange]

  /// The union of `ranges`; empty ones are left out, one that wraps is cut at 2^64.
  public init(_ ranges: [AddressRange]) {
    var joined: [AddressRange] = []
    for range in ranges.filter({ $0.size > 0 }).sorted(by: { $0.base < $1.base }) {
      if let last = joined.last, range.base <= last.saturatedEnd {
        let end = max(last.saturatedEnd, range.saturatedEnd)
        joined[joined.count - 1] = AddressRange(base: last.base, size: end - last.base)
      } else {
        joined.append(AddressRange(base: range.base, size: range.saturatedEnd - range.base))
      }
    }
    self.ranges = joined
  }

  /// The parts of `range` no range of the union covers.
  public func uncovered(_ range: AddressRange) -> [AddressRange] {
    var pieces: [AddressRange] = []
    var from = range.base
    let end = range.saturatedEnd
    for covered in ranges where covered.saturatedEnd > from && covered.base < end {
      if covered.base > from { pieces.append(AddressRange(base: from, size: covered.base - from)) }
      from = max(from, covered.saturatedEnd)
    }
    if from < end { pieces.append(AddressRange(base: from, size: end - from)) }
    return pieces
  }

  /// The addresses in this union and not in `other`.
  public func subtracting(_ other: RangeUnion) -> [AddressRange] { ranges.flatMap(other.uncovered) }
}
