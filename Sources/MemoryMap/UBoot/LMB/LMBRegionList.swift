/// One of U-Boot's LMB lists (`available_mem` or `used_mem`) as the port of `lib/lmb.c` uses
/// it: regions read and changed by position, and the few questions U-Boot's loops answer by
/// scanning from the head.
///
/// The port (`LMBRegionList+UBoot.swift`, `LMBLists.swift`) is written once against this
/// interface. `LMBLinearList` answers every question with U-Boot's scan; `LMBIndexedList`
/// answers by binary search whenever its regions allow and gives the same answer, which
/// `LMBIndexedEquivalenceTests` checks on random call sequences.
protocol LMBRegionList: Hashable, Sendable {
  init()

  var count: Int { get }
  subscript(i: Int) -> LMBRegion { get set }
  mutating func insert(_ region: LMBRegion, at i: Int)
  mutating func remove(at i: Int)
  /// The regions in list order.
  var regions: [LMBRegion] { get }

  /// The first position at or after `start` whose region overlaps `[base, base + size)` as
  /// `lmb_addrs_overlap` says (inclusive ends, wrapping), or nil.
  func firstOverlapping(base: UInt64, size: UInt64, from start: Int) -> Int?

  /// The first position at or after `start` whose region overlaps the range or touches it
  /// end to end (`lmb_addrs_overlap` or `lmb_addrs_adjacent`), or nil: the regions the first
  /// loop of `lmb_add_region_flags` can stop at.
  func firstTouching(base: UInt64, size: UInt64, from start: Int) -> Int?

  /// The first region that holds `[base, base + size - 1]` whole, both inclusive ends
  /// wrapping, as `_lmb_free` looks for it, or nil.
  func firstContaining(base: UInt64, size: UInt64) -> Int?

  /// Where the insertion walk at the end of `lmb_add_region_flags` puts a new region: from
  /// the end, past every region whose base is above `base`.
  func insertionIndex(base: UInt64) -> Int

  /// Where the walk of `_lmb_alloc_base` down one memory region ends: from `top`, while a
  /// region overlaps `[base, base + size)`, move to the highest `align`-aligned place below
  /// the first one found; nil when the walk reaches 0, drops below `floor`, or meets a region
  /// based below `size`. The default is that loop itself (`lmbAllocWalkScanning`).
  func lmbAllocWalk(top: UInt64, size: UInt64, align: UInt64, floor: UInt64) -> UInt64?
}

extension LMBRegionList {
  var isEmpty: Bool { count == 0 }

  init(_ regions: [LMBRegion]) {
    self.init()
    for region in regions { insert(region, at: count) }
  }
}
