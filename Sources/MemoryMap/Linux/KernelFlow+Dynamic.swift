extension KernelFlow {
  /// Places a dynamic child (`__reserved_mem_alloc_size`): checks `size` and `alignment`,
  /// applies the CMA alignment bump, then tries each `alloc-ranges` entry in order (or
  /// anywhere). Returns the placed range, or nil after recording why it failed.
  mutating func allocateDynamic(child index: Int) -> AddressRange? {
    let child = children[index]
    let region = firstRegionOfChild[index]
    regions[region].kind = .dynamic
    guard let sizeProperty = child.size else { return nil }
    guard let size = sizeProperty.number(cells: cells.sizeCells)?.value else {
      events.append(.invalidSize(region: region))
      regions[region].status = .skipped(.invalidSize)
      return nil
    }
    regions[region].size = size
    var align: UInt64 = 0
    if let alignment = child.alignment {
      guard let value = alignment.number(cells: cells.addressCells)?.value else {
        events.append(.invalidAlignment(region: region))
        regions[region].status = .skipped(.invalidAlignment)
        return nil
      }
      align = value
    }
    if regions[region].cmaCandidate { align = max(align, profile.cmaAlignment) }
    var base: UInt64 = 0
    var allocRanges = allocRangesOfChild[index]
    if let decoded = allocRanges, decoded.entryLength == 0 || decoded.isMalformed,
      profile.ignoresInvalidAllocRanges
    {
      allocRanges = nil
    }
    if let decoded = allocRanges {
      if decoded.entryLength == 0 || decoded.isMalformed {
        events.append(.invalidAllocRanges(region: region))
        regions[region].status = .skipped(.invalidAllocRanges)
        return nil
      }
      guard ramKnown(region) else { return nil }
      for range in decoded.entries {
        base = allocateInRange(size: size, align: align, start: range.address,
                               end: range.address &+ range.size, noMap: child.noMap)
        if base != 0 { break }
      }
    } else {
      guard ramKnown(region) else { return nil }
      base = allocate(size: size, align: align, start: 0, end: 0, noMap: child.noMap)
    }
    guard base != 0 else {
      events.append(.allocationFailed(region: region, size: size))
      regions[region].status = .failed(.noSpace)
      return nil
    }
    events.append(.allocated(region: region, base: base, size: size))
    regions[region].range = AddressRange(base: base, size: size)
    regions[region].status = .reserved
    return AddressRange(base: base, size: size)
  }

  /// False, with the region skipped for `.ramUnknown`, when memblock holds no RAM: the tree leaves
  /// `/memory` to the boot loader and nothing gave RAM, so where the kernel would place the
  /// region cannot be known. No failure is predicted for it.
  mutating func ramKnown(_ region: Int) -> Bool {
    guard memblock.memory.isEmpty else { return true }
    regions[region].status = .skipped(.ramUnknown)
    return false
  }

  /// Whether this kernel treats a child as CMA (`KernelRegion.cmaCandidate`): it has CMA, and
  /// the child is `shared-dma-pool`, `reusable` and not `no-map`. Decided once per child.
  func isCMACandidate(_ child: ReservedMemoryNode) -> Bool {
    profile.hasCMA && child.isCompatible(with: "shared-dma-pool") && child.reusable && !child.noMap
  }

  /// One `alloc-ranges` attempt. From v6.5 the direction flips for this attempt when the range
  /// starts (bottom-up) or ends (top-down) inside or at the edge of an entry already in the table.
  mutating func allocateInRange(size: UInt64, align: UInt64, start: UInt64, end: UInt64,
                                noMap: Bool) -> UInt64 {
    guard profile.directionHeuristic else {
      return allocate(size: size, align: align, start: start, end: end, noMap: noMap)
    }
    var bottomUp = false
    var topDown = false
    for entry in table where entry.size != 0 {
      let entryEnd = entry.base &+ entry.size
      if start >= entry.base && start <= entryEnd { bottomUp = true }
      if end >= entry.base && end <= entryEnd { topDown = true }
    }
    let previous = memblock.bottomUp
    if bottomUp != topDown { memblock.bottomUp = bottomUp }
    let base = allocate(size: size, align: align, start: start, end: end, noMap: noMap)
    memblock.bottomUp = previous
    return base
  }

  /// `early_init_dt_alloc_reserved_memory_arch`: end 0 means anywhere, alignment 0 means
  /// `SMP_CACHE_BYTES`; a no-map region is reserved and also flagged.
  mutating func allocate(size: UInt64, align: UInt64, start: UInt64, end: UInt64,
                         noMap: Bool) -> UInt64 {
    let end = end == 0 ? Memblock.allocAnywhere : end
    let align = align == 0 ? profile.smpCacheBytes : align
    let base = memblock.allocate(size: size, align: align, start: start, end: end,
                                 pageSize: profile.pageSize.bytes)
    if base != 0 && noMap { memblock.markNoMap(base: base, size: size) }
    return base
  }

  /// The init functions of Debian's configuration, in link order: CMA, then the coherent DMA
  /// pool, both for `shared-dma-pool`. Returns what the first success made, `.failed` when all
  /// matching functions failed, `.none` when none matched. `cma` is the child's CMA candidacy
  /// (`KernelRegion.cmaCandidate`), `region` its region for the events.
  mutating func runInitFunctions(child: ReservedMemoryNode, region: Int, cma: Bool, base: UInt64,
                                 size: UInt64) -> InitResult
  {
    guard child.isCompatible(with: "shared-dma-pool") else { return .none }
    if cma {
      // Once CMA has refused a region, the DMA pool refuses it too (it is reusable).
      if (base | size) & (profile.cmaAlignment - 1) != 0 {
        events.append(.cmaIncorrectAlignment(region: region))
        return .failed
      }
      // `cma_init_reserved_mem` refuses size 0 and a full `cma_areas[]`.
      if size == 0 || cmaAreas >= Self.maxCMAAreas {
        events.append(.cmaSetupFailed(region: region))
        return .failed
      }
      cmaAreas += 1
      events.append(.cmaCreated(region: region, base: base, size: size))
      events.append(.initialized(region: region, compatible: "shared-dma-pool"))
      return .cma
    }
    if !child.reusable {
      events.append(.dmaPoolCreated(region: region, base: base, size: size))
      events.append(.initialized(region: region, compatible: "shared-dma-pool"))
      return .dmaCoherent
    }
    // reusable + no-map: neither CMA nor the DMA pool takes it.
    return profile.unclaimedInitIsNoMatch ? .none : .failed
  }

  /// `MAX_CMA_AREAS` in Debian's arm64 configuration (`CONFIG_CMA_AREAS`).
  static let maxCMAAreas = 19
}
