/// One of U-Boot's two LMB lists (`available_mem` or `used_mem`), with what it takes to answer
/// U-Boot's linear scans by binary search.
///
/// U-Boot scans its lists from the head and stops at the first region that matters. When the
/// list is *regular* (every region non-empty and ending below 2^64, bases strictly ascending,
/// regions disjoint) the regions that can matter to a regular request form one run that starts
/// at the first region ending at or above the request's base, so the scan can start there and
/// stop after the run with the same answer. The list counts its irregular regions (a zero size,
/// a wrap past 2^64) and neighbour pairs (unsorted or overlapping, as U-Boot's merges leave for
/// a moment or for good), recounting around the positions each mutation touches; while the
/// count is not 0 the scans run over the whole list.
struct LMBList: Hashable, Sendable {
  private(set) var items = ChunkedArray<LMBRegion>()
  /// Irregular regions plus irregular neighbour pairs. Not part of equality.
  private var irregularities = 0

  /// See the type's comment.
  var isRegular: Bool { irregularities == 0 }

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
      let before = irregularities(in: i, i)
      items[i] = newValue
      irregularities += irregularities(in: i, i) - before
    }
  }

  mutating func insert(_ region: LMBRegion, at i: Int) {
    let before = irregularities(in: i, i - 1)
    items.insert(region, at: i)
    irregularities += irregularities(in: i, i) - before
  }

  mutating func remove(at i: Int) {
    let before = irregularities(in: i, i)
    items.remove(at: i)
    irregularities += irregularities(in: i, i - 1) - before
  }

  mutating func removeSubrange(_ range: Range<Int>) {
    let before = irregularities(in: range.lowerBound, range.upperBound - 1)
    items.removeSubrange(range)
    irregularities += irregularities(in: range.lowerBound, range.lowerBound - 1) - before
  }

  /// The irregular regions at positions `low...high` plus the irregular pairs that involve
  /// them, from (`low - 1`, `low`) to (`high`, `high + 1`); with `high == low - 1`, just the
  /// pair (`low - 1`, `low`).
  private func irregularities(in low: Int, _ high: Int) -> Int {
    var count = 0
    var i = Swift.max(low, 0)
    while i <= Swift.min(high, items.count - 1) {
      let region = items[i]
      if !Self.isRegular(base: region.base, size: region.size) { count += 1 }
      i += 1
    }
    i = Swift.max(low - 1, 0)
    while i <= high && i + 1 < items.count {
      let lower = items[i]
      if lower.base &+ lower.size > items[i + 1].base { count += 1 }
      i += 1
    }
    return count
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

  /// Where U-Boot's top-down walk in one memory bank ends, found without taking every step:
  /// the highest `align`-aligned `p <= top` whose `[p, p + size)` touches no region, or nil
  /// when there is none at or above `floor`.
  ///
  /// U-Boot starts at `top` and, while a region is in the way, moves to the highest aligned
  /// place below it. With `align` a power of two every aligned place it jumps over overlaps
  /// the region it jumped below, so the walk stops at the highest aligned clear place, which
  /// lies in one of the gaps between neighbours. The gaps are tried from the top, reading the
  /// chunks' arrays directly (no search per neighbour), and each try is the same arithmetic as
  /// one U-Boot step. For a regular list, a regular `[top, top + size)` and a power-of-two
  /// `align` only.
  func highestClear(top: UInt64, size: UInt64, align: UInt64, floor: UInt64) -> UInt64? {
    let first = firstEnding(atOrAbove: top &+ 1)
    if first == items.count || items[first].base >= top &+ size { return top >= floor ? top : nil }
    // Region `first` is in the way of `top`; try the gap below it, then the ones further
    // down, walking each chunk's array directly.
    var k = items.chunk(containing: first)
    var chunk = items.elements(ofChunk: k)
    var o = first - items.chunkStart(k)
    while true {
      let high = chunk[o].base
      if high < size { return nil }
      let candidate = LMBMath.alignDown(high - size, align)
      if candidate < floor { return nil }
      if o > 0 {
        // A gap inside the chunk.
        if candidate >= chunk[o - 1].base &+ chunk[o - 1].size { return candidate }
        o -= 1
      } else {
        // The gap below a chunk's first region: down to the last region of the chunk before.
        guard k > 0 else { return candidate }
        let previous = items.elements(ofChunk: k - 1)
        let low = previous[previous.count - 1]
        if candidate >= low.base &+ low.size { return candidate }
        k -= 1
        chunk = previous
        o = chunk.count - 1
      }
    }
  }
}
