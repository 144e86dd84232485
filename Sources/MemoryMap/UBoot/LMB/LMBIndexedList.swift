/// An LMB list that answers U-Boot's scans by binary search while it is *regular*, and by the
/// scans themselves otherwise.
///
/// A list is regular when every region is non-empty and ends below 2^64 and each ends at or
/// below the next one's base (so bases ascend strictly and regions are disjoint; they may
/// touch). Then, for a request that is also non-empty and below 2^64, the regions a scan from
/// the head would stop at form one run starting at the first region ending at or above the
/// request, and the binary search finds that run. U-Boot's merges can leave a list irregular
/// (zero sizes, wrap-around, overlaps kept by a flag mismatch); `RegularityCountedList` counts
/// that as it happens, so the choice costs nothing per question.
///
/// The regions sit in a `ChunkedArray`, so inserting at 100,000 regions moves one chunk.
struct LMBIndexedList: LMBRegionList {
  private var list = RegularityCountedList<ChunkedArray<LMBRegion>>()

  init() {}

  /// See the type's comment.
  var isRegular: Bool { list.isRegular }

  var count: Int { list.count }

  subscript(i: Int) -> LMBRegion {
    get { list[i] }
    set { list[i] = newValue }
  }

  mutating func insert(_ region: LMBRegion, at i: Int) { list.insert(region, at: i) }
  mutating func remove(at i: Int) { list.remove(at: i) }
  var regions: [LMBRegion] { Array(list.items) }

  func firstOverlapping(base: UInt64, size: UInt64, from start: Int) -> Int? {
    guard fastPathHolds(base: base, size: size) else {
      return scan(from: start) { LMBMath.overlaps(base, size, $0.base, $0.size) }
    }
    // The overlapping regions run from the first ending above `base` to the last starting at
    // or below the range's last byte.
    let i = Swift.max(start, firstEnding(atOrAbove: base &+ 1))
    return i < count && list[i].base <= base &+ size &- 1 ? i : nil
  }

  func firstTouching(base: UInt64, size: UInt64, from start: Int) -> Int? {
    guard fastPathHolds(base: base, size: size) else {
      return scan(from: start) {
        LMBMath.adjacency(base, size, $0.base, $0.size) != .apart
          || LMBMath.overlaps(base, size, $0.base, $0.size)
      }
    }
    // Touching regions run from the first ending at `base` or above to the last starting at
    // or below the range's end.
    let i = Swift.max(start, firstEnding(atOrAbove: base))
    return i < count && list[i].base <= base &+ size ? i : nil
  }

  func firstContaining(base: UInt64, size: UInt64) -> Int? {
    guard fastPathHolds(base: base, size: size) else {
      let last = base &+ size &- 1
      return scan(from: 0) { $0.base <= base && last <= $0.wrappingLast }
    }
    // Only the first region ending at or above the range's end can hold it.
    let i = firstEnding(atOrAbove: base &+ size)
    return i < count && list[i].base <= base ? i : nil
  }

  func insertionIndex(base: UInt64) -> Int {
    guard list.isRegular else {
      var i = count
      while i > 0 && base < list[i - 1].base { i -= 1 }
      return i
    }
    // Bases ascend: the walk from the tail stops at the first base above the new one.
    return list.items.partitionPoint { $0.base > base }
  }

  /// The walk of `_lmb_alloc_base` taken gap by gap rather than region by region.
  ///
  /// U-Boot starts at `top` and, while a region is in the way, moves to the highest aligned
  /// place below it. With `align` a power of two every aligned place it jumps over overlaps
  /// the region it jumped below, so the walk stops at the highest aligned clear place, which
  /// lies in one of the gaps between neighbours. The gaps are tried from the top, reading the
  /// chunks' arrays directly (no search per neighbour), and each try is the arithmetic of one
  /// U-Boot step. Only for a regular list, a regular `[top, top + size)` and a power-of-two
  /// `align`; otherwise U-Boot's loop runs.
  func lmbAllocWalk(top: UInt64, size: UInt64, align: UInt64, floor: UInt64) -> UInt64? {
    guard fastPathHolds(base: top, size: size), align != 0, align & (align &- 1) == 0 else {
      return lmbAllocWalkScanning(top: top, size: size, align: align, floor: floor)
    }
    let found = highestClear(top: top, size: size, align: align, floor: floor)
    return found == 0 ? nil : found
  }

  /// See `lmbAllocWalk`: the highest `align`-aligned `p <= top` whose `[p, p + size)`
  /// overlaps no region, or nil when there is none at or above `floor`.
  private func highestClear(top: UInt64, size: UInt64, align: UInt64, floor: UInt64) -> UInt64? {
    let items = list.items
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

  /// A regular list and a request that is non-empty and ends below 2^64.
  private func fastPathHolds(base: UInt64, size: UInt64) -> Bool {
    list.isRegular && size != 0 && base &+ size > base
  }

  /// Position of the first region whose exclusive end is at or above `address`.
  private func firstEnding(atOrAbove address: UInt64) -> Int {
    list.items.partitionPoint { $0.base &+ $0.size >= address }
  }

  /// U-Boot's scan, from position `start`.
  private func scan(from start: Int, where matches: (LMBRegion) -> Bool) -> Int? {
    (start..<count).first { matches(list[$0]) }
  }
}

extension LMBRegion: RegularListElement {
  /// Non-empty and ending below 2^64.
  var isRegular: Bool { size != 0 && base &+ size > base }

  /// Ends at or below the next region's base.
  func isRegular(followedBy next: LMBRegion) -> Bool { base &+ size <= next.base }
}
