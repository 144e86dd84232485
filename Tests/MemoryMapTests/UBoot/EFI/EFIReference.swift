@testable import MemoryMap

/// U-Boot's EFI memory map read plainly, function by function, from
/// `lib/efi_loader/efi_memory.c` of v2026.10 (`efi_update_memory_map`, `efi_mem_carve_out`,
/// `efi_mem_sort`): one array in U-Boot's list order (descending start), every carve pass
/// restarting from the head, the new descriptor appended at the tail, then a stable sort and
/// one merge walk over the whole list. No search, no local merge. It is the oracle for
/// `EFIMemoryMapEquivalenceTests`: `EFIMemoryMap` must leave the same list and return the same
/// status after any sequence of updates.
struct ReferenceEFIMap: Equatable {
  /// The descriptors in U-Boot's list order.
  var list: [EFIDescriptor] = []

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

  /// `efi_update_memory_map(start, pages, type, overlap_conventional, false)`.
  mutating func update(start: UInt64, pages: UInt64, type: EFIMemoryType, overlapConventional: Bool)
    -> EFIStatus
  {
    guard type.rawValue < 16 else { return .invalidParameter }
    guard pages != 0 else { return .success }
    let new = EFIDescriptor(type: type, start: start, pages: pages, attributes: .uboot(for: type))
    var carvedPages: UInt64 = 0
    var carveAgain: Bool
    repeat {
      carveAgain = false
      var i = 0
      while i < list.count {
        switch carveOut(at: i, new, overlapConventional: overlapConventional) {
        case .overlapsNonRAM: return .noMapping
        case .noOverlap: break
        case .loopAgain: carveAgain = true
        case .carved(let pages):
          carvedPages &+= pages
          carveAgain = true
        }
        if carveAgain { break }
        i += 1
      }
    } while carveAgain
    if overlapConventional && carvedPages != pages { return .noMapping }
    list.append(new)
    memSort()
    return .success
  }

  /// `efi_mem_carve_out`: takes `carve` out of entry `index`, moving its start, removing it,
  /// or splitting it at the carve's start (the upper part goes before it in the list).
  mutating func carveOut(at index: Int, _ carve: EFIDescriptor, overlapConventional: Bool) -> Carve {
    let map = list[index]
    let mapStart = map.start
    let mapEnd = mapStart &+ (map.pages &<< 12)
    var carveStart = carve.start
    var carveEnd = carveStart &+ (carve.pages &<< 12)
    if carveEnd <= mapStart || carveStart >= mapEnd { return .noOverlap }
    if overlapConventional && map.type != .conventional { return .overlapsNonRAM }
    carveStart = max(carveStart, mapStart)
    carveEnd = min(carveEnd, mapEnd)
    if carveStart == mapStart {
      if mapEnd == carveEnd {
        list.remove(at: index)
      } else {
        list[index].start = carveEnd
        list[index].pages = (mapEnd &- carveEnd) >> 12
      }
      return .carved((carveEnd &- carveStart) >> 12)
    }
    var upper = map
    upper.start = carveStart
    upper.pages = (mapEnd &- carveStart) >> 12
    list.insert(upper, at: index)
    list[index + 1].pages = (carveStart &- mapStart) >> 12
    return .loopAgain
  }

  /// `efi_mem_sort`: a stable sort by descending start (`list_sort` with `efi_mem_cmp`), then
  /// one walk in which an entry that starts where the next one ends, with the same type and
  /// attributes, is folded into that next one; the walk goes on from the one that grew.
  mutating func memSort() {
    list = stableSortedByDescendingStart(list)
    var i = 0
    while i + 1 < list.count {
      let cur = list[i]
      let next = list[i + 1]
      if cur.start == next.end && cur.type == next.type && cur.attributes == next.attributes {
        list[i + 1].pages &+= cur.pages
        list.remove(at: i)
      } else {
        i += 1
      }
    }
  }

  /// An insertion sort: stable by construction, whatever the standard library's sort does.
  private func stableSortedByDescendingStart(_ items: [EFIDescriptor]) -> [EFIDescriptor] {
    var sorted: [EFIDescriptor] = []
    sorted.reserveCapacity(items.count)
    for item in items {
      var position = sorted.count
      while position > 0 && sorted[position - 1].start < item.start { position -= 1 }
      sorted.insert(item, at: position)
    }
    return sorted
  }
}
