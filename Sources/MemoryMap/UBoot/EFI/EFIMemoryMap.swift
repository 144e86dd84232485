/// The result of an EFI memory map update (the `efi_status_t` values U-Boot returns).
public enum EFIStatus: Hashable, Sendable {
  case success
  /// `EFI_INVALID_PARAMETER`: a type of 16 or more.
  case invalidParameter
  /// `EFI_NO_MAPPING`: an allocation met memory that is not conventional, or missing memory.
  case noMapping
}

/// U-Boot's EFI memory map (`lib/efi_loader/efi_memory.c`, HEAD) as a value.
///
/// `descriptors` is the list in U-Boot's order, by descending start; `ascending` is what
/// `GetMemoryMap` and `efidebug memmap` show. Both are copies: the map itself is kept in
/// `list`, stored from the lowest address up.
public struct EFIMemoryMap: Hashable, Sendable {
  /// The descriptors in U-Boot's order, in chunks so that an insertion does not shift the
  /// whole map, stored from the lowest address (see `MirroredChunkedArray`).
  var list: MirroredChunkedArray<EFIDescriptor>
  /// True while no two neighbours could be merged: then only a new descriptor's neighbours can
  /// become mergeable and the merge after an update can stay local. Not part of equality.
  var fullyMerged: Bool

  public init(descriptors: [EFIDescriptor] = []) {
    self.list = MirroredChunkedArray(descriptors.sorted { $0.start > $1.start })
    self.fullyMerged = descriptors.isEmpty
  }

  public static func == (lhs: EFIMemoryMap, rhs: EFIMemoryMap) -> Bool { lhs.list == rhs.list }
  public func hash(into hasher: inout Hasher) { hasher.combine(list) }

  /// The descriptors as U-Boot keeps them, by descending start.
  public var descriptors: [EFIDescriptor] { Array(list.storage).reversed() }

  /// The descriptors in ascending address order.
  public var ascending: [EFIDescriptor] { Array(list.storage) }

  /// The descriptors in ascending address order, without copying the map.
  public var ascendingSequence: Ascending { Ascending(list: list) }

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
  /// `[start, start + pages * 4096)` out of every descriptor, then inserts one of `type` and
  /// merges equal neighbours. With
  /// `overlapConventional`, every overlapped page must be conventional and present, else
  /// `.noMapping`, leaving what was already carved carved, as U-Boot does.
  @discardableResult
  public mutating func update(start: UInt64, pages: UInt64, type: EFIMemoryType,
                              overlapConventional: Bool) -> EFIStatus {
    guard type.rawValue < 16 else { return .invalidParameter }
    guard pages != 0 else { return .success }
    let carve = (start: start, end: start &+ (pages &<< 12))
    var carved: UInt64 = 0
    while let step = carveOnce(carve, overlapConventional: overlapConventional) {
      guard let count = step else {
        fullyMerged = false
        return .noMapping
      }
      carved &+= count
    }
    if overlapConventional && carved != pages {
      fullyMerged = false
      return .noMapping
    }
    let index = insertSorted(
      EFIDescriptor(type: type, start: start, pages: pages, attributes: .uboot(for: type)))
    if fullyMerged {
      mergeNeighbours(around: index)
    } else {
      mergeNeighbours()
      fullyMerged = true
    }
    return .success
  }

  /// One pass of the carve loop, from the highest descriptor down: nil when nothing overlaps
  /// (the loop ends), `.some(nil)` on a conflict, else the pages carved (0 for a split).
  mutating func carveOnce(_ carve: (start: UInt64, end: UInt64), overlapConventional: Bool)
    -> UInt64??
  {
    for index in firstIndex(below: carve.end)..<list.count {
      let d = list[index]
      // The list is sorted and its descriptors disjoint: nothing further down can overlap.
      if d.start <= d.end && d.end <= carve.start && carve.start <= carve.end { break }
      if carve.end <= d.start || carve.start >= d.end { continue }
      if overlapConventional && d.type != .conventional { return .some(nil) }
      let from = max(carve.start, d.start)
      let to = min(carve.end, d.end)
      if from == d.start {
        if to == d.end {
          list.remove(at: index)
        } else {
          list[index].start = to
          list[index].pages = (d.end &- to) >> 12
        }
        return (to &- from) >> 12
      }
      // Split off the upper part; it is carved on the next pass.
      var upper = d
      upper.start = from
      upper.pages = (d.end &- from) >> 12
      list[index].pages = (from &- d.start) >> 12
      list.insert(upper, at: index)
      return 0
    }
    return nil
  }

  /// The first index whose descriptor starts below `address`: those before it start at or above
  /// it, so U-Boot's walk from the head would skip them without carving.
  func firstIndex(below address: UInt64) -> Int {
    list.partitionPoint { $0.start < address }
  }

  /// Puts `descriptor` where U-Boot's stable descending sort puts a descriptor added at the
  /// tail: after every descriptor starting at the same address or higher.
  @discardableResult
  mutating func insertSorted(_ descriptor: EFIDescriptor) -> Int {
    let index = firstIndex(below: descriptor.start)
    list.insert(descriptor, at: index)
    return index
  }

  /// The merge of `mergeNeighbours` restricted to the descriptor just inserted at `index`.
  ///
  /// Every update leaves the list fully merged, and carving only touches the range the new
  /// descriptor covers, so only its two neighbours can have become mergeable: joining just
  /// those gives the list U-Boot's full pass gives, without a pass over the whole map per update.
  mutating func mergeNeighbours(around index: Int) {
    func joinable(_ upper: EFIDescriptor, _ lower: EFIDescriptor) -> Bool {
      upper.start == lower.end && upper.type == lower.type && upper.attributes == lower.attributes
    }
    var index = index
    if index + 1 < list.count, joinable(list[index], list[index + 1]) {
      list[index + 1].pages &+= list[index].pages
      list.remove(at: index)
    }
    if index > 0, index < list.count, joinable(list[index - 1], list[index]) {
      list[index].pages &+= list[index - 1].pages
      list.remove(at: index - 1)
      index -= 1
    }
  }

  /// Joins neighbours of equal type and attributes where one ends where the next begins; the
  /// lower descriptor absorbs the upper one (the merge at the end of `efi_update_memory_map`).
  mutating func mergeNeighbours() {
    var index = 0
    while index + 1 < list.count {
      let upper = list[index]
      let lower = list[index + 1]
      if upper.start == lower.end && upper.type == lower.type && upper.attributes == lower.attributes {
        list[index + 1].pages &+= upper.pages
        list.remove(at: index)
      } else {
        index += 1
      }
    }
  }
}
