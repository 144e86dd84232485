extension Memblock {
  /// `MEMBLOCK_ALLOC_ANYWHERE`: no upper limit.
  public static let allocAnywhere = UInt64.max

  /// memblock's `round_down`: a mask, so a non-power-of-two alignment gives what the kernel gives.
  static func roundDown(_ value: UInt64, _ align: UInt64) -> UInt64 { value & ~(align &- 1) }

  /// memblock's `round_up`, with the same bit arithmetic (and wrap-around) as the kernel.
  static func roundUp(_ value: UInt64, _ align: UInt64) -> UInt64 {
    ((value &- 1) | (align &- 1)) &+ 1
  }

  /// Free ranges: memory regions without `MEMBLOCK_NOMAP`, minus reserved regions, as
  /// `for_each_free_mem_range` yields them (split at memory-region boundaries), ascending.
  public func freeRanges() -> [AddressRange] { freeRanges(overlapping: 0, .max) }

  /// The free ranges of the memory regions that reach into `[start, end)`. For a top-down
  /// search of a non-zero size only these can give a candidate: the others clamp to an empty
  /// range at `start` or `end`, below which nothing of that size fits. (With size 0 an empty
  /// range at `end` does fit, and bottom-up `round_up` can wrap; those use the whole list.)
  func freeRanges(overlapping start: UInt64, _ end: UInt64) -> [AddressRange] {
    var result: [AddressRange] = []
    var index = Self.firstEnding(after: start, in: memory)
    while index < memory.count && memory[index].base < end {
      let region = memory[index]
      index += 1
      if region.flags.contains(.noMap) { continue }
      var cursor = region.base
      var i = Self.firstEnding(after: region.base, in: reserved)
      while i < reserved.count, reserved[i].base < region.end {
        if reserved[i].base > cursor {
          result.append(AddressRange(base: cursor, size: reserved[i].base - cursor))
        }
        cursor = max(cursor, reserved[i].end)
        i += 1
      }
      if cursor < region.end { result.append(AddressRange(base: cursor, size: region.end - cursor)) }
    }
    return result
  }

  /// The address `memblock_find_in_range_node` picks for `size` bytes aligned to `align`
  /// inside `[start, end)`, or 0 when nothing fits. Never returns the first page.
  public func findInRange(size: UInt64, align: UInt64, start: UInt64, end: UInt64,
                          pageSize: UInt64) -> UInt64 {
    let start = max(start, pageSize)
    let end = max(start, end)
    let free = !bottomUp && size > 0 ? freeRanges(overlapping: start, end) : freeRanges()
    if bottomUp {
      for range in free {
        let low = min(max(range.base, start), end)
        let high = min(max(range.base + range.size, start), end)
        let candidate = Self.roundUp(low, align)
        if candidate < high && high - candidate >= size { return candidate }
      }
    } else {
      for range in free.reversed() {
        let low = min(max(range.base, start), end)
        let high = min(max(range.base + range.size, start), end)
        if high < size { continue }
        let candidate = Self.roundDown(high - size, align)
        if candidate >= low { return candidate }
      }
    }
    return 0
  }

  /// Finds and reserves a block (`memblock_phys_alloc_range`); returns 0 on failure.
  public mutating func allocate(size: UInt64, align: UInt64, start: UInt64, end: UInt64,
                                pageSize: UInt64) -> UInt64 {
    let found = findInRange(size: size, align: align, start: start, end: end, pageSize: pageSize)
    guard found != 0 else { return 0 }
    reserve(base: found, size: size)
    return found
  }
}
