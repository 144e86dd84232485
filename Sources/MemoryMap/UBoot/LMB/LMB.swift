/// U-Boot's logical memory block map (`lib/lmb.c`, HEAD semantics) as a value.
///
/// `memory` is U-Boot's `available_mem` (RAM given with `lmb_add`, printed as "memory");
/// `reserved` is `used_mem` (reservations and allocations, printed as "reserved"). Both stay
/// sorted by base. Where U-Boot's global map would notify EFI, this model behaves as U-Boot does
/// with `EFI_LOADER` off or in its unit tests: the notification succeeds and changes nothing.
/// Lists grow without limit, as U-Boot's alists do, so growing never fails.
public struct LMB: Hashable, Sendable {
  /// `available_mem` as stored, with its search structure.
  var memoryList = LMBList()
  /// `used_mem` as stored, with its search structure.
  var reservedList = LMBList()

  /// `available_mem`: the RAM regions, all `LMB_NONE`.
  public var memory: [LMBRegion] { memoryList.array }
  /// `used_mem`: the reservations and allocations.
  public var reserved: [LMBRegion] { reservedList.array }

  /// Empty lists, as `lmb_setup` leaves them.
  public init() {}

  /// `lmb_add`: adds RAM to `memory` with U-Boot's merge rules (a range that touches or
  /// overlaps RAM already there joins it). Returns `.ok` (HEAD's only failure, an allocation
  /// failure in the list, cannot happen here).
  @discardableResult
  public mutating func add(base: UInt64, size: UInt64) -> LMBStatus {
    memoryList.lmbAddRegion(base: base, size: size, flags: .none)
  }

  /// The region of `reserved` containing `address` (the first one, as U-Boot scans), if any.
  public func reservation(containing address: UInt64) -> LMBRegion? {
    reservedList.items.first { address >= $0.base && address <= $0.wrappingLast }
  }
}
