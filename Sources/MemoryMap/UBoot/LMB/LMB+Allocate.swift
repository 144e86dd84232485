/// Allocation: U-Boot's `lmb_alloc_mem` and its top-down search `_lmb_alloc_base`.
extension LMB {
  /// `lmb_alloc_mem(type, align, &addr, size, flags)`.
  ///
  /// A size of 0 succeeds at once without an address. `.any` and `.max` search top-down and
  /// fail with `.failed`; `.address` reports `.placed(base)` or the status of the reservation.
  public mutating func allocate(
    _ type: LMBAllocationType, size: UInt64, align: UInt64 = 1, flags: LMBFlags = .none
  ) -> LMBAllocation {
    guard size != 0 else { return .noAddress }
    switch type {
    case .any:
      return allocateTopDown(size: size, align: align, max: 0, flags: flags)
    case .max(let max):
      return allocateTopDown(size: size, align: align, max: max, flags: flags)
    case .address(let base):
      let status = reserveInMemory(base: base, size: size, flags: flags)
      return status.isSuccess ? .placed(base) : .failed(status)
    }
  }

  /// `_lmb_alloc_base`: tries memory regions from the highest down. In each it starts as high
  /// as allowed and, while a reservation is in the way, moves below the lowest one overlapping
  /// the candidate. A candidate of 0 ends the search in that region, as does a blocking
  /// reservation whose base is below `size`.
  ///
  /// U-Boot's wrap-around is kept: when `max` is below `size` the first candidate wraps to the
  /// top of the address space and can "succeed" there (U-Boot lib/lmb.c, _lmb_alloc_base); this model reproduces that.
  private mutating func allocateTopDown(size: UInt64, align: UInt64, max: UInt64, flags: LMBFlags)
    -> LMBAllocation
  {
    for bank in memoryList.items.reversed() where bank.size >= size {
      guard var base = firstCandidate(in: bank, size: size, align: align, max: max) else {
        continue
      }
      if reservedList.isRegular && align != 0 && align & (align &- 1) == 0
        && LMBList.isRegular(base: base, size: size)
      {
        // The same walk, gap by gap instead of region by region (see `highestClear`).
        guard let found = reservedList.highestClear(top: base, size: size, align: align, floor: bank.base),
          found != 0
        else { continue }
        return claim(base: found, size: size, flags: flags)
      }
      while base != 0 && bank.base <= base {
        guard
          let blocking = reservedList.lmbOverlapIndex(
            base: base, size: size, flags: .noOverwrite, alloc: true)
        else { return claim(base: base, size: size, flags: flags) }
        let blockingBase = reservedList[blocking].base
        if blockingBase < size { break }
        base = LMBMath.alignDown(blockingBase &- size, align)
      }
    }
    return .failed(.failed)
  }

  /// The highest aligned start in `bank` whose end is at most `max` (0: no limit), or nil when
  /// the bank starts at or above `max`. A bank running past 2^64 counts as ending at 2^64 - 1.
  private func firstCandidate(in bank: LMBRegion, size: UInt64, align: UInt64, max: UInt64)
    -> UInt64?
  {
    if max == 0 { return LMBMath.alignDown(bank.base &+ bank.size &- size, align) }
    guard bank.base < max else { return nil }
    var top = bank.base &+ bank.size
    if top < bank.base { top = .max }
    return LMBMath.alignDown(Swift.min(top, max) &- size, align)
  }

  /// Records a found block. U-Boot returns 0 without writing the address if adding it to the
  /// reserved list fails; that is `.noAddress` here.
  private mutating func claim(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBAllocation {
    guard reservedList.lmbAddRegion(base: base, size: size, flags: flags).isSuccess else {
      return .noAddress
    }
    return .placed(base)
  }
}
