import DeviceTree

/// Finds every overlapping pair among the placed regions, and regions outside RAM.
enum OverlapAnalysis {
  static func findings(_ report: MapReport) -> [Finding] {
    var out = pairFindings(report)
    out += memreserveFindings(report)
    out += outsideMemoryFindings(report.overlaps.placed, report: report)
    return out
  }

  /// At most this many pairs are spelled out per region; the rest are counted in one finding,
  /// so that a tree of thousands of regions at one address cannot produce millions of lines.
  static let pairsPerRegion = 8

  /// At most this many pairs are spelled out per tree; past it each region only gets its
  /// count, so that 100,000 regions at one address give 100,000 findings, not 900,000.
  static let pairsPerTree = 10_000

  // MARK: - The record

  /// Decides which regions overlap (`RegionOverlaps`): one sweep over the placed regions, in
  /// which entries of one node are not paired, and each `/memreserve/` entry against them.
  static func record(_ kernel: KernelResult, memoryReservations: [MemoryReservation])
    -> RegionOverlaps
  {
    // Indices into `kernel.regions`, so that a tree of 100,000 regions is not copied.
    let regions = kernel.regions
    var record = RegionOverlaps()
    record.placed = regions.indices.filter {
      let region = regions[$0]
      return (region.kind == .static || region.kind == .dynamic)
        && region.range.map { !$0.isEmpty } == true && region.status != .disabled
    }
    let placed = record.placed
    let groups = nodeGroups(placed, regions)
    let ranges = placed.map { regions[$0].range! }
    record.steps = OverlapSweep.steps(ranges, groups: groups, limit: pairsPerRegion,
                                      totalLimit: pairsPerTree)
    for position in OverlapSweep.overlapping(record.steps, ranges: ranges, groups: groups) {
      record.regions.insert(placed[position])
    }
    recordMemreserveOverlaps(&record, regions, memoryReservations)
    return record
  }

  /// For each of `placed`, a number shared by the entries of one node and no other's.
  static func nodeGroups(_ placed: [Int], _ regions: [KernelRegion]) -> [Int] {
    var groupOfPath: [String?: Int] = [:]
    return placed.map { index in
      let path = regions[index].path
      if let group = groupOfPath[path] { return group }
      groupOfPath[path] = groupOfPath.count
      return groupOfPath.count - 1
    }
  }

  /// Records each placed region over a `/memreserve/` entry, and the entry's own region.
  static func recordMemreserveOverlaps(_ record: inout RegionOverlaps, _ regions: [KernelRegion],
                                       _ entries: [MemoryReservation])
  {
    for (position, entry) in entries.enumerated() where entry.size != 0 {
      let reservation = AddressRange(base: entry.address, size: entry.size)
      for region in record.placed where regions[region].range!.overlaps(reservation) {
        record.overMemreserve.append((position, region))
        record.regions.insert(region)
      }
    }
    // The kernel reserves the entries in order, one region each, up to the first of size 0.
    let memreserveRegions = regions.indices.filter { regions[$0].kind == .memreserve }
    for hit in record.overMemreserve where hit.entry < memreserveRegions.count {
      record.regions.insert(memreserveRegions[hit.entry])
    }
  }

  // MARK: - Findings

  /// Each region against the ones before it in base order (`OverlapSweep`): entries of one
  /// node are not paired, at most `pairsPerRegion` pairs are spelled out, the rest counted.
  static func pairFindings(_ report: MapReport) -> [Finding] {
    let regions = report.kernel.regions
    let placed = report.overlaps.placed
    let reported = report.kernel.reportedOverlaps
    var out: [Finding] = []
    for step in report.overlaps.steps {
      let region = regions[placed[step.index]]
      let range = region.range!
      for partner in step.named.map({ placed[$0] }) {
        let other = regions[partner]
        let shared = other.range!.intersection(range)?.size ?? 0
        let kernelSays = reported.contains(RegionPair(placed[step.index], partner))
        out.append(Finding(rule: RuleCatalogue.reservedOverlap,
          message: "\(region.name) \(Hex.range(range)) overlaps \(other.name) \(Hex.range(other.range!)) by \(Hex.plain(shared)) bytes"
            + (kernelSays ? " (the kernel reports OVERLAP DETECTED)" : ""),
          nodes: [region.path ?? region.name, other.path ?? other.name], property: region.kind.placingProperty))
      }
      if step.total > step.named.count {
        let more = step.named.isEmpty ? "overlaps \(step.total) regions" : "also overlaps \(step.total - step.named.count) more regions"
        out.append(Finding(rule: RuleCatalogue.reservedOverlap,
          message: "\(region.name) \(Hex.range(range)) \(more)",
          nodes: [region.path ?? region.name]))
      }
    }
    return out
  }

  /// Static and placed dynamic regions over a `/memreserve/` entry. A dynamic region can land
  /// on one in 6.12, which places dynamic regions before it reserves `/memreserve/`.
  static func memreserveFindings(_ report: MapReport) -> [Finding] {
    let entries = report.description.memoryReservations
    return report.overlaps.overMemreserve.map { hit in
      let region = report.kernel.regions[hit.region]
      let entry = entries[hit.entry]
      let verb = region.kind == .dynamic ? "is placed over" : "overlaps"
      return Finding(rule: RuleCatalogue.memreserveOverlap,
        message: "\(region.name) \(Hex.range(region.range!)) \(verb) \(MemreserveLabel.phrase(entry.index)) "
          + Hex.range(AddressRange(base: entry.address, size: entry.size)),
        nodes: [region.path ?? region.name], property: region.kind.placingProperty)
    }
  }

  static func outsideMemoryFindings(_ placed: [Int], report: MapReport) -> [Finding] {
    let memblock = report.kernel.memblock.memory
    let memory = memblock.map(\.range)
    guard report.ramKnown else { return [] }
    var out: [Finding] = []
    for region in placed.lazy.map({ report.kernel.regions[$0] }) where region.kind == .static {
      let range = region.range!
      var inside: UInt64 = 0
      if range.wraps {
        inside = memory.reduce(UInt64(0)) { $0 + ($1.intersection(range)?.size ?? 0) }
      } else {
        // memblock keeps its memory sorted and disjoint: only the run of regions from the first
        // one ending above the range's base can intersect it.
        var i = Memblock.firstEnding(after: range.base, in: memblock)
        while i < memory.count && memory[i].base < range.saturatedEnd {
          inside += memory[i].intersection(range)?.size ?? 0
          i += 1
        }
      }
      if inside == 0 {
        out.append(Finding(rule: RuleCatalogue.outsideMemory,
          message: "\(region.name) \(Hex.range(range)) is outside every memory bank",
          nodes: [region.path ?? region.name], property: "reg"))
      } else if inside < range.size {
        out.append(Finding(rule: RuleCatalogue.straddlesMemory,
          message: "\(region.name) \(Hex.range(range)): \(Hex.plain(range.size - inside)) bytes lie outside memory",
          nodes: [region.path ?? region.name], property: "reg"))
      }
    }
    return out
  }
}
