/// Allocation in U-Boot's `lib/lmb.c` (v2026.10): `_lmb_alloc_base`, `_lmb_alloc_addr` and
/// `lmb_alloc_mem`, which picks between them.
extension LMBLists {
  /// `_lmb_alloc_base`: tries memory regions from the highest down. In each it starts as high
  /// as allowed and, while a reservation is in the way, moves below the first one overlapping
  /// the candidate (`lmbAllocWalk`). A candidate of 0 ends the search in that region, as does
  /// a blocking reservation whose base is below `size`. `max` 0 means no limit.
  ///
  /// U-Boot's wrap-around is kept: when `max` is below `size` the first candidate wraps to
  /// the top of the address space and can succeed there.
  mutating func lmbAllocBase(size: UInt64, align: UInt64, max: UInt64, flags: LMBFlags) -> LMBAllocation {
    for bank in (0..<availableMem.count).reversed() {
      let memory = availableMem[bank]
      guard memory.size >= size,
        let top = firstCandidate(in: memory, size: size, align: align, max: max),
        let base = usedMem.lmbAllocWalk(top: top, size: size, align: align, floor: memory.base)
      else { continue }
      // A free place: if adding it to used_mem fails, U-Boot returns 0 and writes no address.
      guard usedMem.lmbAddRegionFlags(base: base, size: size, flags: flags, rules: rules).isSuccess else {
        return .noAddress
      }
      return .placed(base)
    }
    return .failed(.failed)
  }

  /// The first candidate of `_lmb_alloc_base` in `memory`: the highest aligned start whose end
  /// is at most `max` (0: no limit), or nil when the region starts at or above `max`. A region
  /// running past 2^64 counts as ending at 2^64 - 1.
  private func firstCandidate(in memory: LMBRegion, size: UInt64, align: UInt64, max: UInt64) -> UInt64? {
    if max == 0 { return LMBMath.alignDown(memory.base &+ memory.size &- size, align) }
    guard memory.base < max else { return nil }
    var top = memory.base &+ memory.size
    if top < memory.base { top = .max }
    return LMBMath.alignDown(Swift.min(top, max) &- size, align)
  }

  /// `_lmb_alloc_addr`: only the last byte has to lie in the first memory region overlapping
  /// the range, so a range may start below RAM or in a hole and still be reserved; `.invalid`
  /// otherwise, else what `lmb_reserve` answers.
  mutating func lmbAllocAddr(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    guard let bank = availableMem.lmbOverlapChecks(base: base, size: size, flags: .noOverwrite, alloc: true),
      LMBMath.overlaps(availableMem[bank].base, availableMem[bank].size, base &+ size &- 1, 1)
    else { return .invalid }
    return lmbReserve(base: base, size: size, flags: flags)
  }

  /// `lmb_alloc_mem(type, align, &addr, size, flags)`: a size of 0 succeeds at once without
  /// an address; `.any` and `.max` search top-down, `.address` reserves exactly there.
  mutating func lmbAllocMem(_ type: LMBAllocationType, align: UInt64, size: UInt64, flags: LMBFlags)
    -> LMBAllocation
  {
    guard size != 0 else { return .noAddress }
    switch type {
    case .any:
      return lmbAllocBase(size: size, align: align, max: 0, flags: flags)
    case .max(let max):
      return lmbAllocBase(size: size, align: align, max: max, flags: flags)
    case .address(let base):
      let status = lmbAllocAddr(base: base, size: size, flags: flags)
      return status.isSuccess ? .placed(base) : .failed(status)
    }
  }
}
