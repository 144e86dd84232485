extension KernelFlow {
  /// Saves a child into the table (`fdt_reserved_mem_save_node`). The two-stage flow also
  /// runs its init function at once; the fixed-array flow does that after sorting.
  mutating func save(child index: Int, base: UInt64, size: UInt64) {
    let child = children[index]
    let region = firstRegionOfChild[index]
    guard table.count < tableCapacity else {
      events.append(.notEnoughSpace(region: region))
      if regions[region].kind == .dynamic { regions[region].status = .skipped(.tableFull) }
      return
    }
    table.append(TableEntry(name: child.name, path: child.path, base: base, size: size,
                            offset: child.offset.rawValue, child: index))
    regions[region].inTable = true
    if profile.flow == .twoStage { initialise(entry: table.count - 1) }
  }

  /// The fixed-array flow's per-entry work after sorting: allocate a (0, 0) entry, then init.
  mutating func initialiseFixedEntry(at position: Int) {
    defer { notePanic(at: table[position].path) }
    if table[position].size == 0 {
      guard let placed = allocateDynamic(child: table[position].child) else { return }
      table[position].base = placed.base
      table[position].size = placed.size
    }
    initialise(entry: position)
  }

  /// Runs the init functions for a table entry and reports the outcome as the kernel does:
  /// "compatible matching fail" releases the memory; otherwise the info line (v6.3+).
  mutating func initialise(entry position: Int) {
    let entry = table[position]
    let child = children[entry.child]
    let region = firstRegionOfChild[entry.child]
    let result = runInitFunctions(child: child, region: region, cma: regions[region].cmaCandidate,
                                  base: entry.base, size: entry.size)
    regions[region].initResult = result
    if result == .failed {
      events.append(.matchingFailed(region: region))
      if child.noMap {
        memblock.clearNoMap(base: entry.base, size: entry.size)
      } else {
        memblock.free(base: entry.base, size: entry.size)
      }
      if profile.dropsFailedInit {
        table.remove(at: position)
        regions[region].inTable = false
      }
    } else if profile.printsRegionInfo {
      events.append(.regionInfo(region: region, base: entry.base, size: entry.size,
                                noMap: child.noMap, reusable: child.reusable))
    }
  }

  /// Sorts the table with the kernel's heapsort and reports each overlapping neighbour pair
  /// (`__rmem_check_for_overlap`). Only neighbours are compared, with wrapping ends.
  mutating func checkOverlaps() {
    guard table.count >= 2 else { return }
    let byOffset = profile.sortTiesByOffset
    // Positions are sorted, not entries: the same comparisons and swaps give the same order,
    // without moving two strings per swap.
    let entries = table
    var order = Array(entries.indices)
    KernelSort.sort(&order, profile.sort) { i, j in
      let a = entries[i], b = entries[j]
      if a.base != b.base { return a.base < b.base ? -1 : 1 }
      if a.size != b.size { return a.size < b.size ? -1 : 1 }
      if byOffset && a.offset != b.offset { return a.offset < b.offset ? -1 : 1 }
      return 0
    }
    table = order.map { entries[$0] }
    for i in 0..<(table.count - 1) {
      let this = table[i]
      let next = table[i + 1]
      if this.base &+ this.size > next.base {
        events.append(.overlap(
          first: OverlapSide(region: firstRegionOfChild[this.child], base: this.base, size: this.size),
          second: OverlapSide(region: firstRegionOfChild[next.child], base: next.base, size: next.size)))
      }
    }
  }
}
