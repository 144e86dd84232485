/// Freeing: U-Boot's `lmb_free`.
extension LMB {
  /// `lmb_free(base, size, flags)`: removes the range from the single reservation holding it,
  /// splitting it if the range is in the middle.
  ///
  /// `flags` only tells U-Boot whether to notify EFI (`LMB_NONOTIFY`), which this model does not
  /// do; no region's flags are checked, so `no-map` and `no-overwrite` regions can be freed.
  /// Returns `.failed` when no one reservation holds the whole range.
  @discardableResult
  public mutating func free(base: UInt64, size: UInt64, flags: LMBFlags = .none) -> LMBStatus {
    reservedList.lmbFree(base: base, size: size)
  }
}
