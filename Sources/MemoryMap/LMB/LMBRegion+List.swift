/// The list primitives of U-Boot's `lib/lmb.c`, ported step for step onto one sorted region
/// list (`available_mem` or `used_mem`).
///
/// The merge logic is deliberately not an interval set: U-Boot scans once, stops at the first
/// region it can grow, and then looks at a single neighbour pair, so some touching regions stay
/// apart. Keeping the same loop shape keeps region counts and indices equal to U-Boot's.
extension Array where Element == LMBRegion {
  /// How the first scan of `lmb_add_region_flags` ended.
  private enum FirstPass {
    /// The scan stopped at `index` (or ran off the end, `index == count`) without merging.
    case stopped(at: Int)
    /// The new range was absorbed into the region at `index`.
    case merged(at: Int)
    /// Merging hit a region that is not `LMB_NONE`.
    case failed
  }

  /// `lmb_add_region_flags`: grows a neighbour, merges overlapping `LMB_NONE` regions or inserts
  /// a new region in base order; then runs U-Boot's single fix-up on the pair at the index where
  /// the scan stopped. Returns `.ok` or `.failed` (HEAD never returns `-EEXIST` here).
  mutating func lmbAddRegion(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    let index: Int
    var merged: Bool
    switch absorb(base: base, size: size, flags: flags) {
    case .failed: return .failed
    case .stopped(let i): (index, merged) = (i, false)
    case .merged(let i): (index, merged) = (i, true)
    }
    switch fixUpPair(at: index) {
    case .failed: return .failed
    case .merged: merged = true
    case .stopped: break
    }
    if !merged { insertSorted(LMBRegion(base: base, size: size, flags: flags)) }
    return .ok
  }

  /// The first scan of `lmb_add_region_flags`, in ascending order. A flag mismatch on a region
  /// just above the new range ends the scan, one just below it is skipped (U-Boot's `break`
  /// versus `continue`).
  private mutating func absorb(base: UInt64, size: UInt64, flags: LMBFlags) -> FirstPass {
    for i in indices {
      let region = self[i]
      switch LMBMath.adjacency(base, size, region.base, region.size) {
      case .below:
        guard flags == region.flags else { return .stopped(at: i) }
        self[i].base = region.base &- size
        self[i].size = region.size &+ size
        return .merged(at: i)
      case .above:
        guard flags == region.flags else { continue }
        self[i].size = region.size &+ size
        return .merged(at: i)
      case .apart:
        guard LMBMath.overlaps(base, size, region.base, region.size) else { continue }
        return lmbResize(from: i, base: base, size: size) ? .merged(at: i) : .failed
      }
    }
    return .stopped(at: count)
  }

  /// The second, single pass of `lmb_add_region_flags` (`lmb_regions_check` on `index` and
  /// `index + 1`): equal-flag neighbours that touch are joined, ones that overlap are resized.
  private mutating func fixUpPair(at index: Int) -> FirstPass {
    guard !isEmpty, index < count - 1 else { return .stopped(at: index) }
    let first = self[index]
    let second = self[index + 1]
    guard first.flags == second.flags else { return .stopped(at: index) }
    if LMBMath.overlaps(first.base, first.size, second.base, second.size) {
      return lmbResize(from: index, base: first.base, size: first.size) ? .merged(at: index) : .failed
    }
    guard LMBMath.adjacency(first.base, first.size, second.base, second.size) != .apart else {
      return .stopped(at: index)
    }
    // U-Boot adds the second size to the first whichever side the two touch on.
    self[index].size = first.size &+ second.size
    remove(at: index + 1)
    return .merged(at: index)
  }

  /// `lmb_resize_regions`: counts the regions from `start` on that overlap the range (failing on
  /// any that is not `LMB_NONE`), stretches region `start` over the union of the range and the
  /// last overlapping region, keeps its flags, and drops the entries right after it, as many as
  /// were counted less one. Returns false for U-Boot's `-1`.
  mutating func lmbResize(from start: Int, base: UInt64, size: UInt64) -> Bool {
    var overlapping = 0
    var last = start
    for i in start..<count where LMBMath.overlaps(base, size, self[i].base, self[i].size) {
      guard self[i].flags == .none else { return false }
      overlapping += 1
      last = i
    }
    let mergeBase = Swift.min(base, self[start].base)
    let mergeEnd = Swift.max(self[last].base &+ self[last].size, base &+ size)
    self[start].base = mergeBase
    self[start].size = mergeEnd &- mergeBase
    // Every caller passes a range that overlaps region `start`, so the count is at least 1;
    // U-Boot's `while (--cnt)` would underflow on 0, which cannot happen on a sorted list.
    if overlapping > 1 { removeSubrange((start + 1)..<(start + overlapping)) }
    return true
  }

  /// U-Boot's insertion walk: from the end, step left past every region with a higher base, so
  /// a new region lands after all regions whose base is lower or equal.
  private mutating func insertSorted(_ region: LMBRegion) {
    var position = count
    while position > 0 && region.base < self[position - 1].base { position -= 1 }
    insert(region, at: position)
  }

  /// `lmb_overlap_checks`: the index of the first region overlapping the range that counts.
  ///
  /// With `alloc` every overlap counts; without it an overlap is tolerated only when both the
  /// request and the region are exactly `LMB_NONE`, and the whole list is scanned.
  func lmbOverlapIndex(base: UInt64, size: UInt64, flags: LMBFlags, alloc: Bool) -> Int? {
    for (i, region) in enumerated()
    where LMBMath.overlaps(base, size, region.base, region.size) {
      if alloc || flags != .none || flags != region.flags { return i }
    }
    return nil
  }

  /// `_lmb_free`: removes `[base, base+size)` from the first region that wholly holds it, by
  /// deleting, trimming either end, or splitting (the upper piece is re-added with the region's
  /// flags). Flags are never compared. `.failed` when no single region holds the range.
  mutating func lmbFree(base: UInt64, size: UInt64) -> LMBStatus {
    let end = base &+ size &- 1
    guard let i = firstIndex(where: { $0.base <= base && end <= $0.wrappingLast }) else {
      return .failed
    }
    let begin = self[i].base
    let regionEnd = self[i].wrappingLast
    if begin == base && regionEnd == end {
      remove(at: i)
    } else if begin == base {
      self[i].base = end &+ 1
      self[i].size = self[i].size &- size
    } else if regionEnd == end {
      self[i].size = self[i].size &- size
    } else {
      self[i].size = base &- begin
      return lmbAddRegion(base: end &+ 1, size: regionEnd &- end, flags: self[i].flags)
    }
    return .ok
  }
}
