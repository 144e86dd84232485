/// Fixed-address reservations: U-Boot's `lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, ...)`, which goes
/// through `_lmb_alloc_addr` and the internal `lmb_reserve`.
extension LMB {
  /// Reserves `[base, base+size)` with `flags`, as `lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, 0,
  /// &base, size, flags)` does.
  ///
  /// Returns `.ok` (a size of 0 is an immediate success), `.invalid` when the range's last byte
  /// is not in the first memory region the range touches, `.exists` when it overlaps a
  /// reservation it may not share, or `.failed`.
  @discardableResult
  public mutating func reserve(base: UInt64, size: UInt64, flags: LMBFlags = .none) -> LMBStatus {
    allocate(.address(base), size: size, flags: flags).status
  }

  /// `_lmb_alloc_addr`: only the last byte has to lie in the first memory region overlapping
  /// the range, so a range may start below RAM or in a hole and still be reserved.
  mutating func reserveInMemory(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    guard let bank = memoryList.lmbOverlapIndex(base: base, size: size, flags: .noOverwrite, alloc: true),
      LMBMath.overlaps(memoryList[bank].base, memoryList[bank].size, base &+ size &- 1, 1)
    else { return .invalid }
    return reserveChecked(base: base, size: size, flags: flags)
  }

  /// U-Boot's static `lmb_reserve`: refuses with `.exists` any overlap that is not `LMB_NONE`
  /// on both sides (scanning every reservation), then adds the range to `reserved`.
  mutating func reserveChecked(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    if reservedList.lmbOverlapIndex(base: base, size: size, flags: flags, alloc: false) != nil {
      return .exists
    }
    return reservedList.lmbAddRegion(base: base, size: size, flags: flags)
  }
}
