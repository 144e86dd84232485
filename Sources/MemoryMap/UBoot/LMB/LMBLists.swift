/// U-Boot's `struct lmb` (its two lists) with the functions of `lib/lmb.c` (v2026.10) that
/// work on the global map, one Swift function per C function.
///
/// `List` chooses how the lists answer the port's questions: `LMBIndexedList` in the product,
/// `LMBLinearList` as the plain reference the tests hold it to. Where U-Boot would notify
/// EFI, this model behaves as U-Boot does with `EFI_LOADER` off or in its unit tests: the
/// notification succeeds and changes nothing.
struct LMBLists<List: LMBRegionList>: Hashable, Sendable {
  /// `available_mem`: the RAM regions, all `LMB_NONE`.
  var availableMem = List()
  /// `used_mem`: the reservations and allocations.
  var usedMem = List()
  /// The release whose list rules apply (v2026.10 unless told otherwise).
  var rules: LMBListRules

  init(rules: LMBListRules = .v2026_10) { self.rules = rules }

  /// `lmb_reserve` (static, v2026.10): refuses with `.exists` any overlap that is not
  /// `LMB_NONE` on both sides, then adds the range to `used_mem`. v2025.01's
  /// `lmb_reserve_flags` only adds it, and `lmb_add_region_flags` refuses what it refuses.
  mutating func lmbReserve(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    if rules == .v2026_10,
      usedMem.lmbOverlapChecks(base: base, size: size, flags: flags, alloc: false) != nil
    {
      return .exists
    }
    return usedMem.lmbAddRegionFlags(base: base, size: size, flags: flags, rules: rules)
  }

  /// `lmb_add`: adds RAM to `available_mem` as `LMB_NONE`.
  mutating func lmbAdd(base: UInt64, size: UInt64) -> LMBStatus {
    availableMem.lmbAddRegionFlags(base: base, size: size, flags: .none, rules: rules)
  }

  /// `lmb_free`: `_lmb_free` on `used_mem` (its flags only choose whether EFI is told).
  mutating func lmbFree(base: UInt64, size: UInt64) -> LMBStatus {
    usedMem.lmbFree(base: base, size: size, rules: rules)
  }

  /// `lmb_get_free_size`: 0 when `address` is in no memory region; otherwise the distance to
  /// the first reservation above it, 0 if a reservation holds it, or, with none above, the
  /// distance to the end of the last memory region.
  func lmbGetFreeSize(_ address: UInt64) -> UInt64 {
    guard availableMem.lmbOverlapChecks(base: address, size: 1, flags: .noOverwrite, alloc: true) != nil
    else { return 0 }
    for i in 0..<usedMem.count {
      let region = usedMem[i]
      if address < region.base { return region.base &- address }
      if region.base &+ region.size > address { return 0 }
    }
    let last = availableMem[availableMem.count - 1]
    return last.base &+ last.size &- address
  }

  /// `lmb_is_reserved_flags`: whether the first reservation holding `address` has every flag
  /// in `flags` (`LMB_NONE`: whether any reservation holds it).
  func lmbIsReservedFlags(_ address: UInt64, flags: LMBFlags) -> Bool {
    guard let i = usedMem.firstContaining(base: address, size: 1) else { return false }
    return usedMem[i].flags.rawValue & flags.rawValue == flags.rawValue
  }
}
