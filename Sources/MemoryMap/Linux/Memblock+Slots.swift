/// Which of memblock's two lists ran out of slots.
public enum MemblockList: String, Hashable, Sendable {
  case memory
  case reserved
}

/// A change memblock could not make because its static array was full and the kernel may
/// not resize it yet: the kernel panics with `memblock: cannot resize LIST array`.
public struct MemblockOverflow: Hashable, Sendable {
  public var list: MemblockList
  /// The range being added, reserved or flagged; nil for the kernel's own flagging of its
  /// image and KFENCE pool after the scan (`KernelArchitecture.slotsNeededAfterScan`).
  public var range: AddressRange?
  /// Regions the list held when the change came.
  public var regions: Int
}

extension Memblock {
  /// Whether adding `[base, base+size)` to `list` fits the static array, as
  /// `memblock_add_range` decides it: an empty list takes the range in its first slot;
  /// otherwise every part not yet covered needs a slot of its own before neighbours merge.
  /// Records the overflow when it does not fit.
  mutating func fitsAdding(_ list: MemblockList, base: UInt64, size: UInt64) -> Bool {
    guard overflow == nil else { return false }
    guard let slots = staticSlots else { return true }
    let regions = list == .memory ? memory : reserved
    let size = Self.capSize(base: base, size: size)
    guard size > 0, !regions.isEmpty else { return true }
    let needed = Self.uncoveredPieces(regions, base: base, size: size)
    guard regions.count + needed > slots else { return true }
    overflow = MemblockOverflow(list: list, range: AddressRange(base: base, size: size),
                                regions: regions.count)
    return false
  }

  /// Whether flagging `[base, base+size)` in memory fits, as `memblock_isolate_range` decides
  /// it: before looking at the range it wants room for two more regions (an empty list counts
  /// as one, its placeholder). Records the overflow when it does not fit.
  mutating func fitsIsolating(base: UInt64, size: UInt64) -> Bool {
    guard overflow == nil else { return false }
    guard let slots = staticSlots else { return true }
    let size = Self.capSize(base: base, size: size)
    guard size > 0, max(memory.count, 1) + 2 > slots else { return true }
    overflow = MemblockOverflow(list: .memory, range: AddressRange(base: base, size: size),
                                regions: memory.count)
    return false
  }

  /// Whether `needed` more memory regions fit after the scan; records the overflow when not.
  mutating func fitsAfterScan(_ needed: Int) -> Bool {
    guard overflow == nil else { return false }
    guard let slots = staticSlots, memory.count + needed > slots else { return true }
    overflow = MemblockOverflow(list: .memory, range: nil, regions: memory.count)
    return false
  }

  /// The parts of `[base, base+size)` that no region of `list` covers.
  static func uncoveredPieces(_ list: [MemblockRegion], base: UInt64, size: UInt64) -> Int {
    let end = base + size
    var index = firstEnding(after: base, in: list)
    var cursor = base
    var pieces = 0
    while index < list.count, list[index].base < end {
      if list[index].base > cursor { pieces += 1 }
      cursor = max(cursor, list[index].end)
      index += 1
    }
    return cursor < end ? pieces + 1 : pieces
  }
}
