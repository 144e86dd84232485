/// The list functions of U-Boot's `lib/lmb.c` (v2026.10), one Swift function per C function
/// and in the same order, on one region list (`available_mem` or `used_mem`).
///
/// The merge logic is deliberately not an interval set: U-Boot scans once, stops at the first
/// region it can grow, and then looks at a single neighbour pair, so some touching regions stay
/// apart. Keeping the same loop shape keeps region counts and indices equal to U-Boot's. Where
/// a C loop walks the list from the head and skips regions that cannot matter, the port asks
/// the list for the next region that can (`LMBRegionList`), which visits the same regions in
/// the same order. Last comes the inner loop of `_lmb_alloc_base`, kept here because it walks
/// one list only; `LMBIndexedList` may take it gap by gap (`lmbAllocWalk`).
extension LMBRegionList {
  /// `lmb_regions_check`: whether regions `r1` and `r2`, if their flags are equal, overlap or
  /// touch; nil for neither or for different flags.
  func lmbRegionsCheck(_ r1: Int, _ r2: Int) -> LMBPairCheck? {
    let first = self[r1]
    let second = self[r2]
    guard first.flags == second.flags else { return nil }
    if LMBMath.overlaps(first.base, first.size, second.base, second.size) { return .overlap }
    if LMBMath.adjacency(first.base, first.size, second.base, second.size) != .apart { return .adjacent }
    return nil
  }

  /// `lmb_coalesce_regions`: region `r1` takes region `r2`'s size (whichever side `r2` is on)
  /// and `r2` is removed.
  mutating func lmbCoalesceRegions(_ r1: Int, _ r2: Int) {
    self[r1].size &+= self[r2].size
    remove(at: r2)
  }

  /// `lmb_resize_regions`: counts the regions from `start` on that overlap the range (failing
  /// on any that is not `LMB_NONE`), stretches region `start` over the union of the range and
  /// the last overlapping region, keeps its flags, and removes the entries right after it, as
  /// many as were counted less one. Returns false for U-Boot's `-1`.
  mutating func lmbResizeRegions(from start: Int, base: UInt64, size: UInt64) -> Bool {
    var overlapping = 0
    var last = start
    var next = firstOverlapping(base: base, size: size, from: start)
    while let i = next {
      guard self[i].flags == .none else { return false }
      overlapping += 1
      last = i
      next = firstOverlapping(base: base, size: size, from: i + 1)
    }
    let mergeBase = Swift.min(base, self[start].base)
    let mergeEnd = Swift.max(self[last].base &+ self[last].size, base &+ size)
    self[start].base = mergeBase
    self[start].size = mergeEnd &- mergeBase
    // Every caller passes a range that overlaps some region from `start` on, so the count is
    // at least 1 and U-Boot's `while (--cnt)` cannot underflow.
    for _ in 1..<Swift.max(overlapping, 1) { remove(at: start + 1) }
    return true
  }

  /// `lmb_add_region_flags`: grows a touching region with equal flags or merges overlapping
  /// `LMB_NONE` regions (the first loop), then checks the single pair at the index where that
  /// loop stopped, and inserts a new region in base order only if nothing merged. Returns
  /// `.ok` or `.failed` (v2026.10 never returns `-EEXIST` here).
  mutating func lmbAddRegionFlags(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    var coalesced = false
    var stop = count
    var next = firstTouching(base: base, size: size, from: 0)
    while let i = next {
      let region = self[i]
      let adjacency = LMBMath.adjacency(base, size, region.base, region.size)
      // A flag mismatch on a region just below the range is skipped (U-Boot's `continue`).
      if adjacency == .above && flags != region.flags {
        next = firstTouching(base: base, size: size, from: i + 1)
        continue
      }
      stop = i
      switch adjacency {
      case .below where flags == region.flags:
        self[i] = LMBRegion(base: region.base &- size, size: region.size &+ size, flags: region.flags)
        coalesced = true
      case .below:
        break  // A mismatch just above the range ends the loop (U-Boot's `break`).
      case .above:
        self[i].size &+= size
        coalesced = true
      case .apart:
        guard lmbResizeRegions(from: i, base: base, size: size) else { return .failed }
        coalesced = true
      }
      break
    }
    if !isEmpty && stop < count - 1 {
      switch lmbRegionsCheck(stop, stop + 1) {
      case .adjacent:
        lmbCoalesceRegions(stop, stop + 1)
        coalesced = true
      case .overlap:
        guard lmbResizeRegions(from: stop, base: self[stop].base, size: self[stop].size) else {
          return .failed
        }
        coalesced = true
      case nil:
        break
      }
    }
    if coalesced { return .ok }
    insert(LMBRegion(base: base, size: size, flags: flags), at: insertionIndex(base: base))
    return .ok
  }

  /// `_lmb_free`: removes `[base, base + size)` from the first region that wholly holds it, by
  /// deleting, trimming either end, or splitting (the upper piece is added back with the
  /// region's flags, under `rules`). Flags are never compared. `.failed` when no single region
  /// holds it.
  mutating func lmbFree(base: UInt64, size: UInt64, rules: LMBListRules = .v2026_10) -> LMBStatus {
    let end = base &+ size &- 1
    guard let i = firstContaining(base: base, size: size) else { return .failed }
    let begin = self[i].base
    let regionEnd = self[i].wrappingLast
    if begin == base && regionEnd == end {
      remove(at: i)
    } else if begin == base {
      self[i].base = end &+ 1
      self[i].size &-= size
    } else if regionEnd == end {
      self[i].size &-= size
    } else {
      self[i].size = base &- begin
      return lmbAddRegionFlags(base: end &+ 1, size: regionEnd &- end, flags: self[i].flags, rules: rules)
    }
    return .ok
  }

  /// `lmb_overlap_checks`: the index of the first region overlapping the range that counts.
  /// With `alloc` every overlap counts; without it an overlap is let through only when both
  /// the request and the region are exactly `LMB_NONE`, and the walk goes on.
  func lmbOverlapChecks(base: UInt64, size: UInt64, flags: LMBFlags, alloc: Bool) -> Int? {
    var next = firstOverlapping(base: base, size: size, from: 0)
    while let i = next {
      if alloc || flags != .none || flags != self[i].flags { return i }
      next = firstOverlapping(base: base, size: size, from: i + 1)
    }
    return nil
  }

  /// The inner loop of `_lmb_alloc_base` (see `lmbAllocWalk`), as U-Boot runs it: one
  /// `lmb_overlap_checks` per step.
  func lmbAllocWalkScanning(top: UInt64, size: UInt64, align: UInt64, floor: UInt64) -> UInt64? {
    var base = top
    while base != 0 && floor <= base {
      guard let blocking = lmbOverlapChecks(base: base, size: size, flags: .noOverwrite, alloc: true)
      else { return base }
      let blockingBase = self[blocking].base
      if blockingBase < size { return nil }
      base = LMBMath.alignDown(blockingBase &- size, align)
    }
    return nil
  }

  func lmbAllocWalk(top: UInt64, size: UInt64, align: UInt64, floor: UInt64) -> UInt64? {
    lmbAllocWalkScanning(top: top, size: size, align: align, floor: floor)
  }
}

/// What `lmb_regions_check` reports for a pair of regions with equal flags.
enum LMBPairCheck: Equatable {
  /// `LMB_RGN_OVERLAP`.
  case overlap
  /// `LMB_RGN_ADJACENT`.
  case adjacent
}
