/// One of U-Boot's two LMB lists (`available_mem` or `used_mem`), with what it takes to answer
/// U-Boot's linear scans by binary search.
///
/// U-Boot scans its lists from the head and stops at the first region that matters. When the
/// list is *regular* (every region non-empty and ending below 2^64, bases strictly ascending,
/// regions disjoint) the regions that can matter to a regular request form one run that starts
/// at the first region ending at or above the request's base, so the scan can start there and
/// stop after the run with the same answer. Every mutation re-checks regularity around the
/// positions it touched; once a list is irregular (a zero size, a wrap past 2^64 or an overlap
/// that U-Boot's merge logic left behind) it stays on the full scans for good.
struct LMBList: Hashable, Sendable {
  private(set) var items = ChunkedArray<LMBRegion>()
  /// See the type's comment. Not part of equality.
  private(set) var isRegular = true

  init() {}

  init(_ regions: [LMBRegion]) {
    for region in regions { insert(region, at: items.count) }
  }

  static func == (lhs: LMBList, rhs: LMBList) -> Bool { lhs.items == rhs.items }
  func hash(into hasher: inout Hasher) { hasher.combine(items) }

  var count: Int { items.count }
  var isEmpty: Bool { items.isEmpty }
  var array: [LMBRegion] { Array(items) }

  subscript(i: Int) -> LMBRegion {
    get { items[i] }
    set {
      items[i] = newValue
      recheck(around: i)
    }
  }

  mutating func insert(_ region: LMBRegion, at i: Int) {
    items.insert(region, at: i)
    recheck(around: i)
  }

  mutating func remove(at i: Int) {
    items.remove(at: i)
    recheck(around: i - 1)
    recheck(around: i)
  }

  mutating func removeSubrange(_ range: Range<Int>) {
    items.removeSubrange(range)
    recheck(around: range.lowerBound - 1)
    recheck(around: range.lowerBound)
  }

  /// A request the binary search may serve: non-empty and ending below 2^64.
  static func isRegular(base: UInt64, size: UInt64) -> Bool {
    size != 0 && base &+ size > base
  }

  /// Position of the first region whose exclusive end is at or above `address`: every region
  /// before it ends below `address`, neither touching nor overlapping anything from there up.
  /// Only meaningful while the list is regular.
  func firstEnding(atOrAbove address: UInt64) -> Int {
    items.partitionPoint { $0.base &+ $0.size >= address }
  }

  /// Keeps `isRegular` true only while region `i` and its pairs with both neighbours are.
  private mutating func recheck(around i: Int) {
    guard isRegular, i >= 0, i < items.count else { return }
    let region = items[i]
    guard Self.isRegular(base: region.base, size: region.size) else {
      isRegular = false
      return
    }
    if i > 0 {
      let below = items[i - 1]
      if below.base &+ below.size > region.base { isRegular = false }
    }
    if i + 1 < items.count {
      let above = items[i + 1]
      if region.base &+ region.size > above.base { isRegular = false }
    }
  }
}
