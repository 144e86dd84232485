import DeviceTree

extension KernelFlow {
  /// What `__reserved_mem_reserve_reg` made of a child.
  enum RegOutcome {
    /// No `reg` property (`-ENOENT`).
    case noReg
    /// A `reg` that is not a whole number of entries (`-EINVAL`).
    case invalid
    /// Every entry was tried; the first one is what the table saves (nil for `reg;`).
    case reserved(first: CellEntry?)
  }

  var children: [ReservedMemoryNode] { description.reservedMemory?.children ?? [] }

  /// The fixed-array flow's static scan: every available child's `reg` entries are reserved
  /// in blob order and its first entry saved; children with only `size` are saved as (0, 0).
  mutating func scanStatic() {
    guard description.reservedMemory != nil else { return }
    guard parentFormatAccepted else {
      events.append(.unsupportedNodeFormat)
      skipAllChildren()
      return
    }
    for (index, child) in children.enumerated() where child.isAvailable(to: profile.version) && !panicked {
      defer { notePanic(at: child.path) }
      switch reserveReg(child: index, saveFirst: true) {
      case .noReg:
        if child.size != nil { save(child: index, base: 0, size: 0) }
      case .invalid, .reserved:
        break
      }
    }
  }

  /// Reserves every entry of a child's `reg` (`__reserved_mem_reserve_reg`); with `saveFirst`
  /// the first entry goes into the table right after it is reserved, as the fixed-array flow does.
  mutating func reserveReg(child index: Int, saveFirst: Bool) -> RegOutcome {
    let child = children[index]
    guard let reg = child.reg, let decoded = regOfChild[index] else { return .noReg }
    let malformed = reg.length != 0 && (decoded.entryLength == 0 || decoded.isMalformed)
    if malformed || decoded.entries.isEmpty {
      regions[firstRegionOfChild[index]].status = .skipped(malformed ? .invalidReg : .emptyReg)
      if profile.invalidRegIsAbsent { return .noReg }
    }
    if malformed {
      events.append(.invalidReg(region: firstRegionOfChild[index]))
      return .invalid
    }
    var entries = decoded.entries[...]
    if profile.reservesFirstRegEntryOnly && entries.count > 1 {
      events.append(.multipleRegEntries(region: firstRegionOfChild[index], count: entries.count))
      entries = entries.prefix(1)
    }
    for (number, entry) in entries.enumerated() {
      let region = regionIndex(child: index, entry: number)
      regions[region].kind = .static
      regions[region].size = entry.size
      regions[region].range = AddressRange(base: entry.address, size: entry.size)
      if entry.size != 0, reserveMemory(base: entry.address, size: entry.size, noMap: child.noMap) {
        events.append(.reservedRegion(region: region, base: entry.address, size: entry.size))
        regions[region].status = .reserved
      } else {
        events.append(.failedToReserve(region: region, base: entry.address, size: entry.size))
        regions[region].status = .failed(entry.size == 0 ? .zeroSize : .busy)
      }
      if saveFirst && number == 0 { save(child: index, base: entry.address, size: entry.size) }
    }
    return .reserved(first: decoded.entries.first)
  }

  /// `early_init_dt_reserve_memory`: a no-map region only flags memory, and is refused when it
  /// overlaps both memory and an existing reservation; any other region is simply reserved.
  mutating func reserveMemory(base: UInt64, size: UInt64, noMap: Bool) -> Bool {
    if noMap {
      if memblock.overlapsMemory(base: base, size: size)
        && memblock.isRegionReserved(base: base, size: size)
      {
        return false
      }
      memblock.markNoMap(base: base, size: size)
      return true
    }
    memblock.reserve(base: base, size: size)
    return true
  }

  /// The two-stage flow's early scan: reserve statics, collect dynamic children (up to the
  /// profile's limit), then allocate, save and initialise each dynamic one. Returns the count
  /// the table is sized from.
  mutating func scanEarly() -> Int {
    guard description.reservedMemory != nil else { return tableCapacity }
    guard parentFormatAccepted else {
      events.append(.unsupportedNodeFormat)
      skipAllChildren()
      return tableCapacity
    }
    var count = 0
    var dynamic: [Int] = []
    for (index, child) in children.enumerated() where child.isAvailable(to: profile.version) && !panicked {
      defer { notePanic(at: child.path) }
      switch reserveReg(child: index, saveFirst: false) {
      case .reserved: count += 1
      case .invalid: break
      case .noReg:
        guard child.size != nil else { continue }
        if let limit = profile.dynamicLimit, dynamic.count >= limit {
          events.append(.tooManyDynamic(region: firstRegionOfChild[index]))
          regions[firstRegionOfChild[index]].status = .skipped(.tooManyDynamic)
        } else {
          dynamic.append(index)
        }
      }
    }
    for index in dynamic where !panicked {
      defer { notePanic(at: children[index].path) }
      guard let placed = allocateDynamic(child: index) else { continue }
      count += 1
      save(child: index, base: placed.base, size: placed.size)
    }
    return count
  }

  /// What the late scan reads as the first entry of an empty `reg`: the following blob bytes.
  func emptyRegEntry(_ child: ReservedMemoryNode) -> CellEntry? {
    let following = child.regFollowing
    guard following.count >= cells.entryLength, cells.entryLength > 0 else { return nil }
    return Cells.read(Array(following.prefix(cells.entryLength)),
                      addressCells: cells.addressCells, sizeCells: cells.sizeCells).entries.first
  }

  /// The two-stage flow's late scan (at unflatten time): save and initialise the first `reg`
  /// entry of every available child, then sort and check the table for overlaps.
  mutating func saveStaticLate(count: Int) {
    guard description.reservedMemory != nil else {
      events.append(.noReservedMemoryNode)
      return
    }
    tableCapacity = count
    table.reserveCapacity(count)
    if let panic = tableArrayPanic(count: count) {
      self.panic = panic
      return
    }
    guard parentFormatAccepted else {
      events.append(.unsupportedNodeFormat)
      return
    }
    for (index, child) in children.enumerated() {
      guard let reg = child.reg, let decoded = regOfChild[index], child.isAvailable(to: profile.version) else { continue }
      if reg.length != 0 && (decoded.entryLength == 0 || decoded.isMalformed) {
        if !profile.invalidRegIsAbsent { events.append(.invalidReg(region: firstRegionOfChild[index])) }
        continue
      }
      if reg.length == 0 && profile.invalidRegIsAbsent { continue }
      if profile.warnsIgnoredRegEntries && decoded.entries.count > 1 {
        events.append(.ignoredRegEntries(region: firstRegionOfChild[index],
                                         count: decoded.entries.count - 1))
      }
      // An empty `reg` still has its "first entry" read: the bytes that follow it in the blob.
      let firstEntry = reg.length == 0 ? emptyRegEntry(child) : decoded.entries.first
      guard let first = firstEntry, first.size != 0 else { continue }
      if reg.length == 0 {
        let region = firstRegionOfChild[index]
        regions[region].range = AddressRange(base: first.address, size: first.size)
        regions[region].size = first.size
      }
      save(child: index, base: first.address, size: first.size)
    }
    checkOverlaps()
  }
}
