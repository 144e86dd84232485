/// An LMB list answering every question as U-Boot does: a plain array scanned from the head
/// (the insertion walk from the tail). The reference `LMBIndexedList` is checked against.
struct LMBLinearList: LMBRegionList {
  private var items: [LMBRegion] = []

  init() {}

  var count: Int { items.count }

  subscript(i: Int) -> LMBRegion {
    get { items[i] }
    set { items[i] = newValue }
  }

  mutating func insert(_ region: LMBRegion, at i: Int) { items.insert(region, at: i) }
  mutating func remove(at i: Int) { items.remove(at: i) }
  var regions: [LMBRegion] { items }

  func firstOverlapping(base: UInt64, size: UInt64, from start: Int) -> Int? {
    items.indices[start...].first { LMBMath.overlaps(base, size, items[$0].base, items[$0].size) }
  }

  func firstTouching(base: UInt64, size: UInt64, from start: Int) -> Int? {
    items.indices[start...].first {
      LMBMath.adjacency(base, size, items[$0].base, items[$0].size) != .apart
        || LMBMath.overlaps(base, size, items[$0].base, items[$0].size)
    }
  }

  func firstContaining(base: UInt64, size: UInt64) -> Int? {
    let last = base &+ size &- 1
    return items.firstIndex { $0.base <= base && last <= $0.wrappingLast }
  }

  func insertionIndex(base: UInt64) -> Int {
    var i = items.count
    while i > 0 && base < items[i - 1].base { i -= 1 }
    return i
  }
}
