extension KernelFlow {
  /// Adds RAM: the given ranges, or else every `/memory` entry the kernel accepts.
  mutating func addMemory(_ overrides: [AddressRange]) {
    if !overrides.isEmpty {
      for range in overrides { addMemoryBlock(base: range.base, size: range.size, hotplug: false) }
      return
    }
    for node in description.memoryNodes where node.isAvailable(to: profile.version) {
      for entry in node.entries where entry.size != 0 {
        addMemoryBlock(base: entry.address, size: entry.size, hotplug: node.hotpluggable)
      }
    }
  }

  /// Page-aligns a memory block as `early_init_dt_add_memory_arch` does and adds it.
  /// arm64 accepts any physical address at this stage (`MIN_MEMBLOCK_ADDR` 0).
  mutating func addMemoryBlock(base: UInt64, size: UInt64, hotplug: Bool) {
    let page = profile.pageSize.bytes
    let offset = base & (page - 1)
    var base = base
    var size = size
    if size < page - offset { return }
    if offset != 0 {
      size -= page - offset
      base = base &+ (page - offset)
    }
    size &= ~(page - 1)
    memblock.add(base: base, size: size, flags: hotplug ? .hotplug : [])
  }

  /// Reserves what was in memory before the scan, in the order given, plus the initrd that
  /// `/chosen` names (page-rounded, as arm64 reserves it).
  mutating func reserveBootRegions(_ reservations: [BootReservation]) {
    var all = reservations
    if let initrd = description.chosen.initrd, initrd.size > 0 {
      let page = profile.pageSize.bytes
      let start = initrd.base & ~(page - 1)
      let end = Memblock.roundUp(initrd.base &+ initrd.size, page)
      all.append(BootReservation(name: "initrd", range: AddressRange(base: start, size: end &- start)))
    }
    for reservation in all {
      memblock.reserve(base: reservation.range.base, size: reservation.range.size)
      regions.append(
        KernelRegion(name: reservation.name, path: nil, kind: .boot, range: reservation.range,
                     size: reservation.range.size, status: .reserved))
    }
  }

  /// Reserves what the kernel reserves only after the scan (riscv's DTB), in the order given;
  /// the scan may have placed dynamic regions over it (`BootLayout.qemuRiscvVirt`).
  mutating func reserveLateBootRegions(_ reservations: [BootReservation]) {
    for reservation in reservations {
      memblock.reserve(base: reservation.range.base, size: reservation.range.size)
      regions.append(
        KernelRegion(name: reservation.name, path: nil, kind: .boot, range: reservation.range,
                     size: reservation.range.size, status: .reserved))
    }
  }

  /// The default CMA area of `dma_contiguous_reserve`, after the DTB: the profile's size,
  /// CMA-aligned, top-down below 4 GiB (riscv's `dma32_phys_limit`), unless a `reusable`
  /// `linux,cma-default` region already became the default area.
  mutating func reserveDefaultCMA() {
    guard let size = profile.defaultCMASize else { return }
    let hasDefault = children.indices.contains {
      children[$0].cmaDefault && regions[firstRegionOfChild[$0]].initResult == .cma
    }
    guard !hasDefault else { return }
    let base = memblock.allocate(size: size, align: profile.cmaAlignment, start: 0, end: 1 << 32,
                                 pageSize: profile.pageSize.bytes)
    regions.append(
      KernelRegion(name: "cma (default)", path: nil, kind: .boot,
                   range: base == 0 ? nil : AddressRange(base: base, size: size), size: size,
                   reusable: true, status: base == 0 ? .failed(.noSpace) : .reserved))
  }

  /// Reserves each `/memreserve/` entry up to the first of size 0.
  mutating func reserveMemreserveBlock() {
    for entry in description.memoryReservations {
      if entry.size == 0 || panicked { break }
      memblock.reserve(base: entry.address, size: entry.size)
      regions.append(
        KernelRegion(name: MemreserveLabel.regionName(entry.index), path: nil, kind: .memreserve,
                     range: AddressRange(base: entry.address, size: entry.size),
                     size: entry.size, status: .reserved))
    }
  }

  /// One placeholder region per `/reserved-memory` child, so that every child is reported
  /// even when the kernel never looks at it.
  mutating func describeChildren() {
    let children = description.reservedMemory?.children ?? []
    firstRegionOfChild = []
    firstRegionOfChild.reserveCapacity(children.count)
    regOfChild = children.map { $0.reg?.entries(cells) }
    allocRangesOfChild = children.map { $0.allocRanges?.entries(cells) }
    regions.reserveCapacity(regions.count + children.count)
    // Most children log two events (reserved, then the table's summary line); reserving them
    // up front spares a doubling that at 100,000 children would leave 2.5 MB unused.
    events.reserveCapacity(events.count + 2 * children.count)
    for (index, child) in children.enumerated() {
      let kind: RegionKind = child.reg == nil && child.size != nil ? .dynamic : .static
      let status: RegionStatus = child.isAvailable(to: profile.version) ? .skipped(.noRegOrSize) : .disabled
      var size = child.size?.number(cells: cells.sizeCells)?.value ?? 0
      var range: AddressRange? = nil
      if !child.isAvailable(to: profile.version), let first = regOfChild[index]?.entries.first {
        range = AddressRange(base: first.address, size: first.size)
        size = first.size
      }
      firstRegionOfChild.append(regions.count)
      var region = KernelRegion(
        name: child.name, path: child.path, kind: kind, range: range, size: size,
        noMap: child.noMap, reusable: child.reusable, compatible: child.compatible, status: status)
      region.cmaCandidate = isCMACandidate(child)
      regions.append(region)
    }
  }

  /// The region record for entry `entry` of child `child`, created on first use.
  mutating func regionIndex(child: Int, entry: Int) -> Int {
    if entry == 0 { return firstRegionOfChild[child] }
    let later = laterRegionsOfChild[child] ?? []
    if entry - 1 < later.count { return later[entry - 1] }
    var copy = regions[firstRegionOfChild[child]]
    copy.entry = entry
    copy.inTable = false
    copy.initResult = .none
    laterRegionsOfChild[child, default: []].append(regions.count)
    regions.append(copy)
    return regions.count - 1
  }

  /// True when `__reserved_mem_check_root` accepted `/reserved-memory` (`parentFormat`).
  var parentFormatAccepted: Bool { parentFormat == .accepted }

  /// Marks every available child as skipped because the parent's format was refused.
  mutating func skipAllChildren() {
    let children = description.reservedMemory?.children ?? []
    for (index, child) in children.enumerated() where child.isAvailable(to: profile.version) {
      regions[firstRegionOfChild[index]].status = .skipped(.unsupportedParent)
    }
  }
}
