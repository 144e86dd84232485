@testable import MemoryMap

/// The LMB as first written here: plain arrays scanned from the head, a line-for-line reading
/// of U-Boot's `lib/lmb.c` loops, with no search structure. It is the oracle for
/// `LMBIndexedEquivalenceTests`: the indexed `LMB` must give the same lists and the same
/// statuses for any call sequence, including zero sizes, wrap-around and irregular lists.
struct ReferenceLMB: Equatable {
  var memory: [LMBRegion] = []
  var reserved: [LMBRegion] = []

  mutating func add(base: UInt64, size: UInt64) -> LMBStatus {
    Self.addRegion(&memory, base: base, size: size, flags: .none)
  }

  mutating func free(base: UInt64, size: UInt64) -> LMBStatus {
    let end = base &+ size &- 1
    guard let i = reserved.firstIndex(where: { $0.base <= base && end <= $0.wrappingLast }) else {
      return .failed
    }
    let begin = reserved[i].base
    let regionEnd = reserved[i].wrappingLast
    if begin == base && regionEnd == end {
      reserved.remove(at: i)
    } else if begin == base {
      reserved[i].base = end &+ 1
      reserved[i].size = reserved[i].size &- size
    } else if regionEnd == end {
      reserved[i].size = reserved[i].size &- size
    } else {
      reserved[i].size = base &- begin
      return Self.addRegion(&reserved, base: end &+ 1, size: regionEnd &- end, flags: reserved[i].flags)
    }
    return .ok
  }

  mutating func allocate(_ type: LMBAllocationType, size: UInt64, align: UInt64, flags: LMBFlags)
    -> LMBAllocation
  {
    guard size != 0 else { return .noAddress }
    switch type {
    case .any: return allocateTopDown(size: size, align: align, max: 0, flags: flags)
    case .max(let max): return allocateTopDown(size: size, align: align, max: max, flags: flags)
    case .address(let base):
      guard let bank = Self.overlapIndex(memory, base: base, size: size, flags: .noOverwrite, alloc: true),
        LMBMath.overlaps(memory[bank].base, memory[bank].size, base &+ size &- 1, 1)
      else { return .failed(.invalid) }
      if Self.overlapIndex(reserved, base: base, size: size, flags: flags, alloc: false) != nil {
        return .failed(.exists)
      }
      let status = Self.addRegion(&reserved, base: base, size: size, flags: flags)
      return status.isSuccess ? .placed(base) : .failed(status)
    }
  }

  private mutating func allocateTopDown(size: UInt64, align: UInt64, max: UInt64, flags: LMBFlags)
    -> LMBAllocation
  {
    for bank in memory.reversed() where bank.size >= size {
      var base: UInt64
      if max == 0 {
        base = LMBMath.alignDown(bank.base &+ bank.size &- size, align)
      } else {
        guard bank.base < max else { continue }
        var top = bank.base &+ bank.size
        if top < bank.base { top = .max }
        base = LMBMath.alignDown(Swift.min(top, max) &- size, align)
      }
      while base != 0 && bank.base <= base {
        guard let blocking = Self.overlapIndex(reserved, base: base, size: size, flags: .noOverwrite, alloc: true)
        else {
          guard Self.addRegion(&reserved, base: base, size: size, flags: flags).isSuccess else { return .noAddress }
          return .placed(base)
        }
        if reserved[blocking].base < size { break }
        base = LMBMath.alignDown(reserved[blocking].base &- size, align)
      }
    }
    return .failed(.failed)
  }

  static func overlapIndex(_ list: [LMBRegion], base: UInt64, size: UInt64, flags: LMBFlags, alloc: Bool) -> Int? {
    for (i, region) in list.enumerated() where LMBMath.overlaps(base, size, region.base, region.size) {
      if alloc || flags != .none || flags != region.flags { return i }
    }
    return nil
  }

  static func addRegion(_ list: inout [LMBRegion], base: UInt64, size: UInt64, flags: LMBFlags) -> LMBStatus {
    var index = list.count
    var merged = false
    scan: for i in list.indices {
      let region = list[i]
      switch LMBMath.adjacency(base, size, region.base, region.size) {
      case .below:
        guard flags == region.flags else { index = i; break scan }
        list[i].base = region.base &- size
        list[i].size = region.size &+ size
        (index, merged) = (i, true)
        break scan
      case .above:
        guard flags == region.flags else { continue }
        list[i].size = region.size &+ size
        (index, merged) = (i, true)
        break scan
      case .apart:
        guard LMBMath.overlaps(base, size, region.base, region.size) else { continue }
        guard resize(&list, from: i, base: base, size: size) else { return .failed }
        (index, merged) = (i, true)
        break scan
      }
    }
    if !list.isEmpty && index < list.count - 1 && list[index].flags == list[index + 1].flags {
      let first = list[index]
      let second = list[index + 1]
      if LMBMath.overlaps(first.base, first.size, second.base, second.size) {
        guard resize(&list, from: index, base: first.base, size: first.size) else { return .failed }
        merged = true
      } else if LMBMath.adjacency(first.base, first.size, second.base, second.size) != .apart {
        list[index].size = first.size &+ second.size
        list.remove(at: index + 1)
        merged = true
      }
    }
    if !merged {
      var position = list.count
      while position > 0 && base < list[position - 1].base { position -= 1 }
      list.insert(LMBRegion(base: base, size: size, flags: flags), at: position)
    }
    return .ok
  }

  static func resize(_ list: inout [LMBRegion], from start: Int, base: UInt64, size: UInt64) -> Bool {
    var overlapping = 0
    var last = start
    for i in start..<list.count where LMBMath.overlaps(base, size, list[i].base, list[i].size) {
      guard list[i].flags == .none else { return false }
      overlapping += 1
      last = i
    }
    let mergeBase = Swift.min(base, list[start].base)
    let mergeEnd = Swift.max(list[last].base &+ list[last].size, base &+ size)
    list[start].base = mergeBase
    list[start].size = mergeEnd &- mergeBase
    if overlapping > 1 { list.removeSubrange((start + 1)..<(start + overlapping)) }
    return true
  }
}
