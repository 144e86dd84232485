/// What v2025.01's `lib/lmb.c` does differently when a region is added (see `LMBListRules`).
extension LMBRegionList {
  /// `lmb_add_region_flags` as v2025.01 has it: a flag mismatch on a touching region ends the
  /// first loop on either side, an overlap with new flags other than `LMB_NONE` is refused with
  /// `.exists`, and an overlapping pair found afterwards goes to `lmb_fix_over_lap_regions`.
  mutating func lmbAddRegionFlagsV2025(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    var coalesced = false
    var stop = count
    if let i = firstTouching(base: base, size: size, from: 0) {
      stop = i
      let region = self[i]
      switch LMBMath.adjacency(base, size, region.base, region.size) {
      case .below where flags == region.flags:
        self[i] = LMBRegion(base: region.base &- size, size: region.size &+ size, flags: region.flags)
        coalesced = true
      case .above where flags == region.flags:
        self[i].size &+= size
        coalesced = true
      case .below, .above:
        break
      case .apart:
        guard flags == .none else { return .exists }
        guard lmbResizeRegions(from: i, base: base, size: size) else { return .failed }
        coalesced = true
      }
    }
    if !isEmpty && stop < count - 1 && self[stop].flags == self[stop + 1].flags {
      let (first, second) = (self[stop], self[stop + 1])
      if LMBMath.adjacency(first.base, first.size, second.base, second.size) != .apart {
        lmbCoalesceRegions(stop, stop + 1)
        coalesced = true
      } else if LMBMath.overlaps(first.base, first.size, second.base, second.size) {
        lmbFixOverLapRegions(stop, stop + 1)
        coalesced = true
      }
    }
    if coalesced { return .ok }
    insert(LMBRegion(base: base, size: size, flags: flags), at: insertionIndex(base: base))
    return .ok
  }

  /// `lmb_fix_over_lap_regions` (v2025.01): region `r1` is stretched to region `r2`'s end and
  /// `r2` removed, unless `r1` already ends beyond it, when nothing changes (U-Boot prints a
  /// line and returns).
  mutating func lmbFixOverLapRegions(_ r1: Int, _ r2: Int) {
    let (first, second) = (self[r1], self[r2])
    guard first.base &+ first.size <= second.base &+ second.size else { return }
    self[r1].size = second.base &+ second.size &- first.base
    remove(at: r2)
  }

  /// `lmb_add_region_flags` under `rules`.
  mutating func lmbAddRegionFlags(base: UInt64, size: UInt64, flags: LMBFlags, rules: LMBListRules)
    -> LMBStatus
  {
    switch rules {
    case .v2026_10: lmbAddRegionFlags(base: base, size: size, flags: flags)
    case .v2025_01: lmbAddRegionFlagsV2025(base: base, size: size, flags: flags)
    }
  }
}
