/// U-Boot's logical memory block map (`lib/lmb.c`, v2026.10) as a value: the port in
/// `LMBLists` over lists that answer its scans by binary search.
///
/// `memory` is U-Boot's `available_mem` (RAM given with `lmb_add`, printed as "memory");
/// `reserved` is `used_mem` (reservations and allocations, printed as "reserved"). Both stay
/// sorted by base. Where U-Boot's global map would notify EFI, this model behaves as U-Boot does
/// with `EFI_LOADER` off or in its unit tests: the notification succeeds and changes nothing.
/// Lists grow without limit, as U-Boot's alists do, so growing never fails.
public struct LMB: Hashable, Sendable {
  var lists: LMBLists<LMBIndexedList>

  /// `available_mem`: the RAM regions, all `LMB_NONE`.
  public var memory: [LMBRegion] { lists.availableMem.regions }
  /// `used_mem`: the reservations and allocations.
  public var reserved: [LMBRegion] { lists.usedMem.regions }

  /// Empty lists, as `lmb_setup` leaves them, following `rules` when regions are added.
  public init(rules: LMBListRules = .v2026_10) { lists = LMBLists(rules: rules) }

  /// `lmb_add`: adds RAM to `memory` with U-Boot's merge rules (a range that touches or
  /// overlaps RAM already there joins it). Returns `.ok` (v2026.10's only failure, an
  /// allocation failure in the list, cannot happen here).
  @discardableResult
  public mutating func add(base: UInt64, size: UInt64) -> LMBStatus {
    lists.lmbAdd(base: base, size: size)
  }

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

  /// U-Boot's static `lmb_reserve` (v2025.01: `lmb_reserve_flags`): adds the range to
  /// `reserved` unless it conflicts with a reservation, without looking at RAM.
  mutating func reserveChecked(base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    lists.lmbReserve(base: base, size: size, flags: flags)
  }

  /// `lmb_alloc_mem(type, align, &addr, size, flags)`.
  ///
  /// A size of 0 succeeds at once without an address. `.any` and `.max` search top-down and
  /// fail with `.failed`; `.address` reports `.placed(base)` or the status of the reservation.
  public mutating func allocate(
    _ type: LMBAllocationType, size: UInt64, align: UInt64 = 1, flags: LMBFlags = .none
  ) -> LMBAllocation {
    lists.lmbAllocMem(type, align: align, size: size, flags: flags)
  }

  /// `lmb_free(base, size, flags)`: removes the range from the single reservation holding it,
  /// splitting it if the range is in the middle.
  ///
  /// `flags` only tells U-Boot whether to notify EFI (`LMB_NONOTIFY`), which this model does not
  /// do; no region's flags are checked, so `no-map` and `no-overwrite` regions can be freed.
  /// Returns `.failed` when no one reservation holds the whole range.
  @discardableResult
  public mutating func free(base: UInt64, size: UInt64, flags: LMBFlags = .none) -> LMBStatus {
    lists.lmbFree(base: base, size: size)
  }

  /// `lmb_get_free_size(addr)`: how many bytes from `address` are free.
  ///
  /// 0 when the address is in no memory region or is reserved. Otherwise the distance to the
  /// next reservation above it, even one in another memory region, or, with none above, the
  /// distance to the end of the last memory region, even when the address is in an earlier one.
  public func freeSize(at address: UInt64) -> UInt64 {
    lists.lmbGetFreeSize(address)
  }

  /// `lmb_is_reserved_flags(addr, flags)`: whether the first reservation containing `address`
  /// has every flag in `flags`; `.none` asks whether the address is reserved at all.
  public func isReserved(_ address: UInt64, flags: LMBFlags = .none) -> Bool {
    lists.lmbIsReservedFlags(address, flags: flags)
  }
}
