extension Memblock {
  /// Inserts the parts of `[base, base+size)` not yet covered, then merges neighbours with
  /// equal flags, as `memblock_add_range` does. Existing regions keep their flags.
  static func addRange(_ list: inout [MemblockRegion], base: UInt64, size: UInt64,
                       flags: MemblockFlags) {
    let size = capSize(base: base, size: size)
    guard size > 0 else { return }
    let end = base + size
    let first = firstEnding(after: base, in: list)
    var pieces: [MemblockRegion] = []
    var cursor = base
    var index = first
    while index < list.count, list[index].base < end {
      let region = list[index]
      if region.base > cursor {
        pieces.append(MemblockRegion(base: cursor, size: region.base - cursor, flags: flags))
      }
      pieces.append(region)
      cursor = max(cursor, region.end)
      index += 1
    }
    if cursor < end { pieces.append(MemblockRegion(base: cursor, size: end - cursor, flags: flags)) }
    list.replaceSubrange(first..<index, with: pieces)
    merge(&list, around: first..<(first + pieces.count))
  }

  /// Merges touching regions with equal flags inside `range` widened by one on each side.
  static func merge(_ list: inout [MemblockRegion], around range: Range<Int>) {
    var i = max(range.lowerBound - 1, 0)
    var last = min(range.upperBound, list.count - 1)
    while i < last {
      if list[i].end == list[i + 1].base && list[i].flags == list[i + 1].flags {
        list[i].size += list[i + 1].size
        list.remove(at: i + 1)
        last -= 1
      } else {
        i += 1
      }
    }
  }

  /// Splits regions at `base` and `base+size` so that the range is covered by whole regions;
  /// returns the indices of those regions (`memblock_isolate_range`).
  static func isolate(_ list: inout [MemblockRegion], base: UInt64, size: UInt64) -> Range<Int> {
    let size = capSize(base: base, size: size)
    guard size > 0 else { return 0..<0 }
    let end = base + size
    var index = firstEnding(after: base, in: list)
    let start = index
    var result = start..<start
    while index < list.count, list[index].base < end {
      var region = list[index]
      if region.base < base {
        let head = MemblockRegion(base: region.base, size: base - region.base, flags: region.flags)
        region = MemblockRegion(base: base, size: region.end - base, flags: region.flags)
        list[index] = region
        list.insert(head, at: index)
        index += 1
      }
      if region.end > end {
        let tail = MemblockRegion(base: end, size: region.end - end, flags: region.flags)
        list[index] = MemblockRegion(base: region.base, size: end - region.base, flags: region.flags)
        list.insert(tail, at: index + 1)
      }
      if result.isEmpty { result = index..<(index + 1) } else { result = result.lowerBound..<(index + 1) }
      index += 1
    }
    return result
  }

  /// Sets or clears `flag` on the parts of the list inside the range, then merges.
  static func setFlag(_ list: inout [MemblockRegion], _ flag: MemblockFlags, on: Bool,
                      base: UInt64, size: UInt64) {
    let covered = isolate(&list, base: base, size: size)
    guard !covered.isEmpty else { return }
    for i in covered {
      if on { list[i].flags.insert(flag) } else { list[i].flags.remove(flag) }
    }
    merge(&list, around: covered)
  }

  /// Removes the range from the list, splitting regions at its edges (`memblock_remove_range`).
  static func removeRange(_ list: inout [MemblockRegion], base: UInt64, size: UInt64) {
    let covered = isolate(&list, base: base, size: size)
    list.removeSubrange(covered)
  }
}
