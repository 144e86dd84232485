/// The list primitives of U-Boot's `lib/lmb.c`, ported step for step onto one sorted region
/// list (`available_mem` or `used_mem`).
///
/// The merge logic is deliberately not an interval set: U-Boot scans once, stops at the first
/// region it can grow, and then looks at a single neighbour pair, so some touching regions stay
/// apart. Keeping the same loop shape keeps region counts and indices equal to U-Boot's.
///
/// Each scan starts where `LMBList`'s binary search says the first region that can matter is,
/// and stops after the last one, when the list and the request are regular; otherwise it runs
/// over the whole list as U-Boot does.
extension LMBList {
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
    // Regions ending below `base` neither touch nor overlap the range; from the first region
    // starting above its end on, none does either, and U-Boot's scan runs off the end.
    let fast = isRegular && Self.isRegular(base: base, size: size)
    var i = fast ? firstEnding(atOrAbove: base) : 0
    while i < count {
      let region = self[i]
      if fast && region.base > base &+ size { break }
      switch LMBMath.adjacency(base, size, region.base, region.size) {
      case .below:
        guard flags == region.flags else { return .stopped(at: i) }
        self[i] = LMBRegion(base: region.base &- size, size: region.size &+ size, flags: region.flags)
        return .merged(at: i)
      case .above:
        if flags == region.flags {
          self[i] = LMBRegion(base: region.base, size: region.size &+ size, flags: region.flags)
          return .merged(at: i)
        }
      case .apart:
        if LMBMath.overlaps(base, size, region.base, region.size) {
          return lmbResize(from: i, base: base, size: size) ? .merged(at: i) : .failed
        }
      }
      i += 1
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
    remove(at: index + 1)
    self[index] = LMBRegion(base: first.base, size: first.size &+ second.size, flags: first.flags)
    return .merged(at: index)
  }

  /// `lmb_resize_regions`: counts the regions from `start` on that overlap the range (failing on
  /// any that is not `LMB_NONE`), stretches region `start` over the union of the range and the
  /// last overlapping region, keeps its flags, and drops the entries right after it, as many as
  /// were counted less one. Returns false for U-Boot's `-1`.
  mutating func lmbResize(from start: Int, base: UInt64, size: UInt64) -> Bool {
    var overlapping = 0
    var last = start
    // On a regular list the regions overlapping the range are one run from `start` on.
    let fast = isRegular && Self.isRegular(base: base, size: size)
    var i = start
    while i < count {
      let region = self[i]
      if fast && region.base > base &+ size &- 1 { break }
      if LMBMath.overlaps(base, size, region.base, region.size) {
        guard region.flags == .none else { return false }
        overlapping += 1
        last = i
      }
      i += 1
    }
    let first = self[start]
    let mergeBase = Swift.min(base, first.base)
    let mergeEnd = Swift.max(self[last].base &+ self[last].size, base &+ size)
    // Every caller passes a range that overlaps region `start`, so the count is at least 1;
    // U-Boot's `while (--cnt)` would underflow on 0, which cannot happen on a sorted list.
    if overlapping > 1 { removeSubrange((start + 1)..<(start + overlapping)) }
    self[start] = LMBRegion(base: mergeBase, size: mergeEnd &- mergeBase, flags: first.flags)
    return true
  }

  /// U-Boot's insertion walk: from the end, step left past every region with a higher base, so
  /// a new region lands after all regions whose base is lower or equal.
  private mutating func insertSorted(_ region: LMBRegion) {
    var position = count
    if isRegular {
      // Bases ascend strictly: the walk stops at the first base above the new one.
      position = items.partitionPoint { $0.base > region.base }
    } else {
      while position > 0 && region.base < self[position - 1].base { position -= 1 }
    }
    insert(region, at: position)
  }

  /// `lmb_overlap_checks`: the index of the first region overlapping the range that counts.
  ///
  /// With `alloc` every overlap counts; without it an overlap is tolerated only when both the
  /// request and the region are exactly `LMB_NONE`, and the whole list is scanned.
  func lmbOverlapIndex(base: UInt64, size: UInt64, flags: LMBFlags, alloc: Bool) -> Int? {
    if isRegular && Self.isRegular(base: base, size: size) {
      // The overlapping regions are one run: from the first ending above `base` to the last
      // starting at or below the range's last byte.
      var i = firstEnding(atOrAbove: base &+ 1)
      while i < count {
        let region = self[i]
        if region.base > base &+ size &- 1 { break }
        if alloc || flags != .none || flags != region.flags { return i }
        i += 1
      }
      return nil
    }
    for (i, region) in items.enumerated()
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
    guard let i = holder(base: base, size: size) else { return .failed }
    let region = self[i]
    let begin = region.base
    let regionEnd = region.wrappingLast
    if begin == base && regionEnd == end {
      remove(at: i)
    } else if begin == base {
      self[i] = LMBRegion(base: end &+ 1, size: region.size &- size, flags: region.flags)
    } else if regionEnd == end {
      self[i] = LMBRegion(base: begin, size: region.size &- size, flags: region.flags)
    } else {
      self[i] = LMBRegion(base: begin, size: base &- begin, flags: region.flags)
      return lmbAddRegion(base: end &+ 1, size: regionEnd &- end, flags: region.flags)
    }
    return .ok
  }

  /// The first region holding `[base, base+size-1]` whole, as `_lmb_free` looks for it. On a
  /// regular list only the first region ending at or above the range's last byte can.
  private func holder(base: UInt64, size: UInt64) -> Int? {
    let end = base &+ size &- 1
    if isRegular && Self.isRegular(base: base, size: size) {
      let i = firstEnding(atOrAbove: end &+ 1)
      return i < count && self[i].base <= base ? i : nil
    }
    return items.firstIndex { $0.base <= base && end <= $0.wrappingLast }
  }
}
