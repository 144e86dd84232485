/// The result of an EFI memory map update (the `efi_status_t` values U-Boot returns).
public enum EFIStatus: Hashable, Sendable {
  case success
  /// `EFI_INVALID_PARAMETER`: a type of 16 or more.
  case invalidParameter
  /// `EFI_NO_MAPPING`: an allocation met memory that is not conventional, or missing memory.
  case noMapping
}

/// U-Boot's EFI memory map (`lib/efi_loader/efi_memory.c`, v2026.10) as a value.
///
/// `descriptors` is the list in U-Boot's order, by descending start; `ascending` is what
/// `GetMemoryMap` and `efidebug memmap` show. Both are copies: the map itself is kept in
/// `list`, stored from the lowest address up.
///
/// `update` follows `efi_update_memory_map` step for step, with two shortcuts that hold while
/// the list is *regular* (every descriptor non-empty and below 2^64, each ending at or below
/// the start of the one before it) and the new descriptor is too: the carve walk visits only
/// the descriptors that can overlap (a binary search each way), and `efi_mem_sort` reduces
/// to inserting the new descriptor where the stable sort puts it and merging it with its
/// neighbours, since nothing else can have become mergeable. Otherwise every step is U-Boot's
/// own: the walk from the head, the descriptor added at the tail, a stable sort and a merge
/// walk over the whole list. `EFIMemoryMapEquivalenceTests` holds both to a plain reading
/// of U-Boot on random update sequences.
public struct EFIMemoryMap: Hashable, Sendable {
  /// The descriptors in U-Boot's order, in chunks so that an insertion does not shift the
  /// whole map, stored from the lowest address (see `MirroredChunkedArray`), with a count of
  /// what breaks regularity.
  var list = RegularityCountedList<MirroredChunkedArray<EFIDescriptor>>()
  /// True while no two neighbours could be merged: U-Boot's last `efi_mem_sort` ran and no
  /// failed update has carved since. Not part of equality.
  var fullyMerged = true

  public init() {}

  public static func == (lhs: EFIMemoryMap, rhs: EFIMemoryMap) -> Bool { lhs.list == rhs.list }
  public func hash(into hasher: inout Hasher) { hasher.combine(list) }

  /// The descriptors as U-Boot keeps them, by descending start.
  public var descriptors: [EFIDescriptor] { Array(list.items.storage).reversed() }

  /// The descriptors in ascending address order.
  public var ascending: [EFIDescriptor] { Array(list.items.storage) }

  /// The descriptors in ascending address order, without copying the map.
  public var ascendingSequence: Ascending { Ascending(list: list.items) }

  /// See `ascendingSequence`.
  public struct Ascending: Sequence {
    let list: MirroredChunkedArray<EFIDescriptor>

    public struct Iterator: IteratorProtocol {
      var base: ChunkedArray<EFIDescriptor>.Iterator
      public mutating func next() -> EFIDescriptor? { base.next() }
    }

    public func makeIterator() -> Iterator { Iterator(base: list.storage.makeIterator()) }
  }

  /// `efi_add_memory_map`: rounds `[start, start + size)` outward to whole pages and overwrites
  /// it with `type` (no conflict check).
  @discardableResult
  public mutating func add(start: UInt64, size: UInt64, type: EFIMemoryType) -> EFIStatus {
    let span = Self.pageSpan(start: start, size: size)
    return update(start: span.start, pages: span.pages, type: type, overlapConventional: false)
  }

  /// The whole pages `efi_add_memory_map` covers for `[start, start + size)`: the start
  /// rounded down to 4 KiB, and the pages up to the rounded-up end.
  public static func pageSpan(start: UInt64, size: UInt64) -> (start: UInt64, pages: UInt64) {
    (start & ~0xfff, pages(for: size &+ (start & 0xfff)))
  }

  /// `efi_size_in_pages`: bytes rounded up to 4 KiB pages.
  public static func pages(for bytes: UInt64) -> UInt64 { (bytes &+ 0xfff) >> 12 }

  /// `efi_update_memory_map` (without its `remove` mode, which nothing here uses): carves
  /// `[start, start + pages * 4096)` out of every descriptor, then adds one of `type` and
  /// merges equal neighbours (`efi_mem_sort`). With `overlapConventional`, every overlapped
  /// page must be conventional and present, else `.noMapping`, leaving what was already carved
  /// carved and the list unsorted, as U-Boot does.
  @discardableResult
  public mutating func update(start: UInt64, pages: UInt64, type: EFIMemoryType,
                              overlapConventional: Bool) -> EFIStatus {
    guard type.rawValue < 16 else { return .invalidParameter }
    guard pages != 0 else { return .success }
    let new = EFIDescriptor(type: type, start: start, pages: pages, attributes: .uboot(for: type))
    var carved: UInt64 = 0
    carving: while true {
      switch carvePass(new, overlapConventional: overlapConventional) {
      case .noOverlap: break carving
      case .overlapsNonRAM:
        fullyMerged = false
        return .noMapping
      case .loopAgain: continue
      case .carved(let count): carved &+= count
      }
    }
    if overlapConventional && carved != pages {
      fullyMerged = false
      return .noMapping
    }
    addSorted(new)
    return .success
  }

  /// What `efi_mem_carve_out` answers for one list entry.
  enum Carve: Equatable {
    /// `EFI_CARVE_NO_OVERLAP`.
    case noOverlap
    /// `EFI_CARVE_OVERLAPS_NONRAM`.
    case overlapsNonRAM
    /// `EFI_CARVE_LOOP_AGAIN`: the entry was split; the list must be walked again.
    case loopAgain
    /// The number of pages removed from the entry (the entry itself may be gone).
    case carved(UInt64)
  }

  /// One pass of the carve loop of `efi_update_memory_map`, from the head: the answer of the
  /// first entry that overlaps `carve`, or `.noOverlap` when none does (the loop ends).
  ///
  /// On a regular list, for a regular carve, the entries starting at or above the carve's end
  /// and those from the first ending at or below its start on (the list is sorted both ways)
  /// all answer `EFI_CARVE_NO_OVERLAP`, so the pass starts after the first and stops at the
  /// second.
  mutating func carvePass(_ carve: EFIDescriptor, overlapConventional: Bool) -> Carve {
    let regular = list.isRegular && carve.isRegular
    var index = regular ? list.items.partitionPoint { $0.start < carve.end } : 0
    while index < list.count {
      if regular && list[index].end <= carve.start { break }
      let answer = carveOut(at: index, carve, overlapConventional: overlapConventional)
      if answer != .noOverlap { return answer }
      index += 1
    }
    return .noOverlap
  }

  /// `efi_mem_carve_out`: takes `carve` out of entry `index`, moving its start, removing it,
  /// or splitting it at the carve's start (the upper part goes before it in the list, to be
  /// carved on the next pass).
  mutating func carveOut(at index: Int, _ carve: EFIDescriptor, overlapConventional: Bool) -> Carve {
    let map = list[index]
    if carve.end <= map.start || carve.start >= map.end { return .noOverlap }
    if overlapConventional && map.type != .conventional { return .overlapsNonRAM }
    let from = Swift.max(carve.start, map.start)
    let to = Swift.min(carve.end, map.end)
    if from == map.start {
      if to == map.end {
        list.remove(at: index)
      } else {
        var rest = map
        rest.start = to
        rest.pages = (map.end &- to) >> 12
        list[index] = rest
      }
      return .carved((to &- from) >> 12)
    }
    var upper = map
    upper.start = from
    upper.pages = (map.end &- from) >> 12
    list[index].pages = (from &- map.start) >> 12
    list.insert(upper, at: index)
    return .loopAgain
  }

  /// `list_add_tail` of the new descriptor followed by `efi_mem_sort`. On a regular, fully
  /// merged list and for a regular descriptor, the stable sort puts it after every descriptor
  /// starting at or above it, and only its two neighbours can have become mergeable (carving
  /// touched nothing outside the range it covers), so merging around it is the whole walk.
  mutating func addSorted(_ descriptor: EFIDescriptor) {
    if fullyMerged && list.isRegular && descriptor.isRegular {
      let index = list.items.partitionPoint { $0.start < descriptor.start }
      list.insert(descriptor, at: index)
      mergeWalk(from: Swift.max(index - 1, 0), through: index)
    } else {
      list.insert(descriptor, at: list.count)
      memSort()
    }
  }

  /// `efi_mem_sort`: a stable sort by descending start (`list_sort` with `efi_mem_cmp`), then
  /// the merge walk over the whole list.
  mutating func memSort() {
    let sorted = Self.stableSortedByDescendingStart(descriptors)
    list = RegularityCountedList()
    for descriptor in sorted { list.insert(descriptor, at: list.count) }
    mergeWalk(from: 0, through: list.count)
    fullyMerged = true
  }

  /// The merge walk of `efi_mem_sort` over the entries at positions `from...through`: an
  /// entry that starts where the next one ends, with the same type and attributes, is folded
  /// into that next one, and the walk goes on from the one that grew.
  mutating func mergeWalk(from start: Int, through last: Int) {
    var index = start
    var last = last
    while index <= last && index + 1 < list.count {
      let current = list[index]
      let next = list[index + 1]
      if current.start == next.end && current.type == next.type && current.attributes == next.attributes {
        list[index + 1].pages &+= current.pages
        list.remove(at: index)
        last -= 1
      } else {
        index += 1
      }
    }
  }

  /// Merge sort by descending start that keeps equal starts in list order, as the kernel's
  /// `list_sort` U-Boot uses does.
  static func stableSortedByDescendingStart(_ items: [EFIDescriptor]) -> [EFIDescriptor] {
    guard items.count > 1 else { return items }
    let middle = items.count / 2
    let upper = stableSortedByDescendingStart(Array(items[..<middle]))
    let lower = stableSortedByDescendingStart(Array(items[middle...]))
    var merged: [EFIDescriptor] = []
    merged.reserveCapacity(items.count)
    var i = 0
    var j = 0
    while i < upper.count && j < lower.count {
      if lower[j].start > upper[i].start {
        merged.append(lower[j])
        j += 1
      } else {
        merged.append(upper[i])
        i += 1
      }
    }
    merged += upper[i...]
    merged += lower[j...]
    return merged
  }
}

extension EFIDescriptor: RegularListElement {
  /// Non-empty and ending below 2^64 (its page count shifted without overflow and added
  /// without wrapping).
  var isRegular: Bool { start < end && pages < (1 << 52) }

  /// Entries run by descending start: the next one ends at or below this one's start.
  func isRegular(followedBy next: EFIDescriptor) -> Bool { next.end <= start }
}
