/// Questions about the map: U-Boot's `lmb_get_free_size` and `lmb_is_reserved_flags`.
extension LMB {
  /// `lmb_get_free_size(addr)`: how many bytes from `address` are free.
  ///
  /// 0 when the address is in no memory region or is reserved. Otherwise the distance to the
  /// next reservation above it, even one in another memory region, or, with none above, the
  /// distance to the end of the last memory region, even when the address is in an earlier one.
  public func freeSize(at address: UInt64) -> UInt64 {
    guard memoryList.lmbOverlapIndex(base: address, size: 1, flags: .noOverwrite, alloc: true) != nil,
      let last = memoryList.items.last
    else { return 0 }
    for region in reservedList.items {
      if address < region.base { return region.base &- address }
      if region.base &+ region.size > address { return 0 }
    }
    return last.base &+ last.size &- address
  }

  /// `lmb_is_reserved_flags(addr, flags)`: whether the first reservation containing `address`
  /// has every flag in `flags`; `.none` asks whether the address is reserved at all.
  public func isReserved(_ address: UInt64, flags: LMBFlags = .none) -> Bool {
    guard let region = reservation(containing: address) else { return false }
    return region.flags.rawValue & flags.rawValue == flags.rawValue
  }
}
