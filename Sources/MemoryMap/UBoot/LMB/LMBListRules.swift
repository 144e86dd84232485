/// Which release's list rules `lib/lmb.c` applies when a region is added.
///
/// v2026.10's `lmb_add_region_flags` skips a region just below the new one whose flags differ
/// and merges any overlap through `lmb_resize_regions`, and its `lmb_reserve` refuses a
/// conflicting overlap first (`lmb_overlap_checks`). v2025.01 stops at that region instead,
/// refuses an overlap itself when the new flags are not `LMB_NONE` (`-EEXIST`), fixes an
/// overlapping pair with `lmb_fix_over_lap_regions`, and reserves without a check of its own.
public enum LMBListRules: Hashable, Sendable {
  case v2025_01
  case v2026_10
}
