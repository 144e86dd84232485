/// What `lmb_alloc_mem` reports: its return value and, on success, the address it wrote.
public enum LMBAllocation: Hashable, Sendable {
  /// Returned 0 and wrote `address` through the caller's pointer.
  case placed(UInt64)
  /// Returned 0 but wrote no address: U-Boot does this for a size of 0, and when adding the
  /// chosen block to the reserved list fails after the search succeeded.
  case noAddress
  /// Returned a non-zero status; nothing was reserved.
  case failed(LMBStatus)

  /// The return value of `lmb_alloc_mem`.
  public var status: LMBStatus {
    if case .failed(let status) = self { return status }
    return .ok
  }
}

/// U-Boot's `enum lmb_mem_type` with the value each kind reads from `*addr`.
public enum LMBAllocationType: Hashable, Sendable {
  /// `LMB_MEM_ALLOC_ANY`: the highest fitting place in any memory region.
  case any
  /// `LMB_MEM_ALLOC_MAX`: the highest place whose exclusive end is at most `max`
  /// (0 means anywhere).
  case max(UInt64)
  /// `LMB_MEM_ALLOC_ADDR`: exactly at `base`.
  case address(UInt64)
}
