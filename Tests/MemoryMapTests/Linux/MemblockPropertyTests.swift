import MemoryMap
import Testing
import TestSupport

/// `Memblock` against a byte-by-byte model: random operation sequences, whole state compared
/// after every step, in a window at the bottom of the address space and one at its very top
/// (where `memblock_cap_size` cuts ranges short of 2^64).
@Suite struct MemblockPropertyTests {
  /// The naive model: for each address of a window, whether it is memory (and with which
  /// flags) and whether it is reserved.
  struct ByteModel {
    /// The window's first address; offsets count from here.
    let origin: UInt64
    /// One past the last offset a range may cover: memblock caps `base + size` at 2^64 - 1,
    /// so at the top of the space the last address can never be covered.
    let limit: Int
    var memory = [MemblockFlags?](repeating: nil, count: 128)
    var reserved = [Bool](repeating: false, count: 128)

    init(origin: UInt64) {
      self.origin = origin
      limit = origin == 0 ? 128 : Int(UInt64.max - origin)
    }

    func offsets(_ base: Int, _ size: Int) -> Range<Int> { base..<max(base, min(base + size, limit)) }

    mutating func add(_ base: Int, _ size: Int, _ flags: MemblockFlags) {
      for i in offsets(base, size) where memory[i] == nil { memory[i] = flags }
    }

    mutating func setNoMap(_ base: Int, _ size: Int, _ on: Bool) {
      for i in offsets(base, size) where memory[i] != nil {
        if on { memory[i]!.insert(.noMap) } else { memory[i]!.remove(.noMap) }
      }
    }

    mutating func setReserved(_ base: Int, _ size: Int, _ on: Bool) {
      for i in offsets(base, size) { reserved[i] = on }
    }

    /// Maximal runs of equal values, as memblock's merged lists hold them.
    func runs<T: Equatable>(_ cells: [T?]) -> [(start: Int, end: Int, value: T)] {
      var result: [(start: Int, end: Int, value: T)] = []
      for (i, cell) in cells.enumerated() {
        guard let cell else { continue }
        if let last = result.last, last.end == i, last.value == cell {
          result[result.count - 1].end = i + 1
        } else {
          result.append((i, i + 1, cell))
        }
      }
      return result
    }

    func regions<T: Equatable>(_ cells: [T?], flags: (T) -> MemblockFlags) -> [MemblockRegion] {
      runs(cells).map {
        MemblockRegion(base: origin + UInt64($0.start), size: UInt64($0.end - $0.start), flags: flags($0.value))
      }
    }

    var memoryRegions: [MemblockRegion] { regions(memory) { $0 } }
    var reservedRegions: [MemblockRegion] { regions(reserved.map { $0 ? true : nil }) { _ in [] } }

    /// Free memory split at memory-region boundaries, as offset ranges.
    var freeRuns: [Range<Int>] {
      var result: [Range<Int>] = []
      for run in runs(memory) where !run.value.contains(.noMap) {
        var start: Int? = nil
        for i in run.start...run.end {
          let free = i < run.end && !reserved[i]
          if free && start == nil { start = i }
          if !free, let s = start {
            result.append(s..<i)
            start = nil
          }
        }
      }
      return result
    }

    /// The highest (or lowest) aligned offset whose `size` bytes fit inside one free run and
    /// inside `[max(start, page), max(that, end))`; nil when none does.
    func fit(size: Int, align: Int, start: Int, end: Int, page: Int, topDown: Bool) -> Int? {
      let low = max(start, page)
      let high = max(low, end)
      var best: Int? = nil
      for run in freeRuns {
        for a in run where (UInt64(a) &+ origin) % UInt64(align) == 0 {
          guard a >= low, a + size <= high, a + size <= run.upperBound else { continue }
          if best == nil || (topDown ? a > best! : a < best!) { best = a }
        }
      }
      return best
    }
  }

  static let origins: [UInt64] = [0, UInt64.max - 63]

  /// One random step applied to both; returns a description for failure messages.
  static func step(_ memblock: inout Memblock, _ model: inout ByteModel,
                   _ random: inout SplitMix64) -> String {
    let base = Int.random(in: 0..<64, using: &random)
    let size = Int.random(in: 0..<(Bool.random(using: &random) ? 8 : 48), using: &random)
    let b = model.origin + UInt64(base)
    let s = UInt64(size)
    switch Int.random(in: 0..<7, using: &random) {
    case 0, 1:
      let flags: MemblockFlags = Bool.random(using: &random) ? .hotplug : []
      memblock.add(base: b, size: s, flags: flags)
      model.add(base, size, flags)
      return "add(\(base), \(size), \(flags.rawValue))"
    case 2, 3:
      memblock.reserve(base: b, size: s)
      model.setReserved(base, size, true)
      return "reserve(\(base), \(size))"
    case 4:
      memblock.free(base: b, size: s)
      model.setReserved(base, size, false)
      return "free(\(base), \(size))"
    case 5:
      memblock.markNoMap(base: b, size: s)
      model.setNoMap(base, size, true)
      return "markNoMap(\(base), \(size))"
    default:
      memblock.clearNoMap(base: b, size: s)
      model.setNoMap(base, size, false)
      return "clearNoMap(\(base), \(size))"
    }
  }

  @Test("add, reserve, free, markNoMap, clearNoMap match the byte model after every step",
        arguments: origins)
  func listsMatchModel(origin: UInt64) {
    var random = SplitMix64(seed: 0x5eed_0001 ^ origin)
    for sequence in 0..<300 {
      var memblock = Memblock()
      var model = ByteModel(origin: origin)
      var history: [String] = []
      for _ in 0..<30 {
        history.append(Self.step(&memblock, &model, &random))
        guard memblock.memory == model.memoryRegions, memblock.reserved == model.reservedRegions else {
          Issue.record("""
            sequence \(sequence) at \(origin): \(history.joined(separator: "; "))
            memory \(memblock.memory) expected \(model.memoryRegions)
            reserved \(memblock.reserved) expected \(model.reservedRegions)
            """)
          return
        }
      }
    }
  }

  @Test("isRegionReserved, overlapsMemory and freeRanges match the byte model", arguments: origins)
  func queriesMatchModel(origin: UInt64) {
    var random = SplitMix64(seed: 0x5eed_0002 ^ origin)
    for sequence in 0..<200 {
      var memblock = Memblock()
      var model = ByteModel(origin: origin)
      for _ in 0..<12 { _ = Self.step(&memblock, &model, &random) }
      let expectedFree = model.freeRuns.map {
        AddressRange(base: origin + UInt64($0.lowerBound), size: UInt64($0.count))
      }
      #expect(memblock.freeRanges() == expectedFree, "sequence \(sequence)")
      for _ in 0..<20 {
        let base = Int.random(in: 0..<64, using: &random)
        let size = Int.random(in: 0..<40, using: &random)
        let covered = model.offsets(base, size)
        let b = origin + UInt64(base)
        #expect(memblock.isRegionReserved(base: b, size: UInt64(size))
                == covered.contains { model.reserved[$0] }, "sequence \(sequence) reserved(\(base), \(size))")
        #expect(memblock.overlapsMemory(base: b, size: UInt64(size))
                == covered.contains { model.memory[$0] != nil }, "sequence \(sequence) memory(\(base), \(size))")
      }
    }
  }

  @Test("findInRange and allocate pick the highest (top-down) or lowest (bottom-up) fit",
        arguments: origins)
  func allocationMatchesModel(origin: UInt64) {
    var random = SplitMix64(seed: 0x5eed_0003 ^ origin)
    let page = 4
    for sequence in 0..<300 {
      var memblock = Memblock()
      var model = ByteModel(origin: origin)
      memblock.bottomUp = Bool.random(using: &random)
      for _ in 0..<10 { _ = Self.step(&memblock, &model, &random) }
      for attempt in 0..<8 {
        let size = Int.random(in: 1...16, using: &random)
        let align = 1 << Int.random(in: 0...4, using: &random)
        // At the top of the space offsets stop at 63 (no wrap); the first page is far below.
        let reach = origin == 0 ? 80 : 64
        let start = Int.random(in: 0..<reach, using: &random)
        let anywhere = Int.random(in: 0..<4, using: &random) == 0
        let end = anywhere ? model.limit : Int.random(in: 0..<reach, using: &random)
        let expected = model.fit(size: size, align: align, start: start, end: end,
                                 page: origin == 0 ? page : 0, topDown: !memblock.bottomUp)
        let found = memblock.allocate(
          size: UInt64(size), align: UInt64(align), start: origin + UInt64(start),
          end: anywhere ? Memblock.allocAnywhere : origin + UInt64(end), pageSize: UInt64(page))
        let label = "sequence \(sequence) attempt \(attempt): size \(size) align \(align) [\(start), \(end))"
        guard found == expected.map({ origin + UInt64($0) }) ?? 0 else {
          Issue.record("\(label): got \(found), expected \(String(describing: expected))")
          return
        }
        if let expected { model.setReserved(expected, size, true) }
        #expect(memblock.reserved == model.reservedRegions, "\(label)")
      }
    }
  }

  /// Size 0, as a tree's `size = <0 0>` reaches the allocator: mm/memblock.c's
  /// __memblock_find_range_top_down clamps every free range to [start, end) and takes
  /// round_down(this_end - 0) when it is >= this_start, so the bank above the window yields
  /// `end` itself; a search over only the banks inside the window would give 0x4800_0000.
  @Test("size 0 top-down: a free range above the window gives its end, as the kernel computes")
  func zeroSizeAboveWindow() {
    var memblock = Memblock()
    memblock.add(base: 0x4000_0000, size: 0x800_0000)
    memblock.add(base: 0x5000_0000, size: 0x1000_0000)
    let found = memblock.findInRange(size: 0, align: 0x1000, start: 0x4000_0000, end: 0x5000_0000,
                                     pageSize: 0x1000)
    #expect(found == 0x5000_0000)
  }
}
