/// Flags of a memblock region, with Linux's values (`include/linux/memblock.h`).
public struct MemblockFlags: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  /// `MEMBLOCK_HOTPLUG`: hot-pluggable memory.
  public static let hotplug = MemblockFlags(rawValue: 0x1)
  /// `MEMBLOCK_NOMAP`: memory the kernel must not map or allocate.
  public static let noMap = MemblockFlags(rawValue: 0x4)
}

/// One region of `memblock.memory` or `memblock.reserved`.
public struct MemblockRegion: Hashable, Sendable {
  public var base: UInt64
  public var size: UInt64
  public var flags: MemblockFlags

  public init(base: UInt64, size: UInt64, flags: MemblockFlags = []) {
    self.base = base
    self.size = size
    self.flags = flags
  }

  public var range: AddressRange { AddressRange(base: base, size: size) }
  /// The exclusive end; memblock caps sizes so that this never wraps.
  var end: UInt64 { base + size }
}

/// The kernel's early memory allocator state: the memory and reserved lists, kept sorted,
/// non-overlapping and merged as `mm/memblock.c` keeps them.
public struct Memblock: Hashable, Sendable {
  public var memory: [MemblockRegion] = []
  public var reserved: [MemblockRegion] = []
  /// The allocation direction (`memblock_set_bottom_up`); top-down by default.
  public var bottomUp = false
  /// Slots of each list's static array while the kernel may not resize it yet (before
  /// `memblock_allow_resize`); nil when the lists are not limited.
  public var staticSlots: Int?
  /// The first change that needed more slots than `staticSlots`: the kernel panics there
  /// (`memblock: cannot resize ... array`). Nothing changes the lists afterwards.
  public internal(set) var overflow: MemblockOverflow?

  public init(staticSlots: Int? = nil) {
    self.staticSlots = staticSlots
  }

  /// Adds RAM (`memblock_add`).
  public mutating func add(base: UInt64, size: UInt64, flags: MemblockFlags = []) {
    guard fitsAdding(.memory, base: base, size: size) else { return }
    Self.addRange(&memory, base: base, size: size, flags: flags)
  }

  /// Reserves a range (`memblock_reserve`); overlaps with earlier reservations merge silently.
  public mutating func reserve(base: UInt64, size: UInt64) {
    guard fitsAdding(.reserved, base: base, size: size) else { return }
    Self.addRange(&reserved, base: base, size: size, flags: [])
  }

  /// Removes a range from the reserved list (`memblock_phys_free`).
  public mutating func free(base: UInt64, size: UInt64) {
    Self.removeRange(&reserved, base: base, size: size)
  }

  /// Sets `MEMBLOCK_NOMAP` on the memory inside the range (`memblock_mark_nomap`); parts
  /// outside memory are ignored.
  public mutating func markNoMap(base: UInt64, size: UInt64) {
    guard fitsIsolating(base: base, size: size) else { return }
    Self.setFlag(&memory, .noMap, on: true, base: base, size: size)
  }

  /// Clears `MEMBLOCK_NOMAP` on the memory inside the range (`memblock_clear_nomap`).
  public mutating func clearNoMap(base: UInt64, size: UInt64) {
    guard fitsIsolating(base: base, size: size) else { return }
    Self.setFlag(&memory, .noMap, on: false, base: base, size: size)
  }

  /// True when the range overlaps any reserved region (`memblock_is_region_reserved`).
  public func isRegionReserved(base: UInt64, size: UInt64) -> Bool {
    Self.overlaps(reserved, base: base, size: size)
  }

  /// True when the range overlaps any memory region (`memblock_overlaps_region` on memory).
  public func overlapsMemory(base: UInt64, size: UInt64) -> Bool {
    Self.overlaps(memory, base: base, size: size)
  }

  /// Caps `size` so that `base + size` stays within 64 bits, as `memblock_cap_size` does.
  static func capSize(base: UInt64, size: UInt64) -> UInt64 { min(size, UInt64.max - base) }

  /// Index of the first region whose end lies above `address`.
  static func firstEnding(after address: UInt64, in list: [MemblockRegion]) -> Int {
    var low = 0
    var high = list.count
    while low < high {
      let mid = (low + high) / 2
      if list[mid].end <= address { low = mid + 1 } else { high = mid }
    }
    return low
  }

  static func overlaps(_ list: [MemblockRegion], base: UInt64, size: UInt64) -> Bool {
    let size = capSize(base: base, size: size)
    guard size > 0 else { return false }
    let i = firstEnding(after: base, in: list)
    return i < list.count && list[i].base < base + size
  }
}
