/// Finds every overlapping pair among the placed regions, and regions outside RAM.
enum OverlapAnalysis {
  static func findings(_ report: MapReport) -> [Finding] {
    let placed = report.kernel.regions.filter {
      ($0.kind == .static || $0.kind == .dynamic) && $0.range.map { !$0.isEmpty } == true
        && $0.status != .disabled
    }
    var out = pairFindings(placed, report: report)
    out += memreserveFindings(placed, report: report)
    out += outsideMemoryFindings(placed, report: report)
    return out
  }

  /// At most this many pairs are spelled out per region; the rest are counted in one finding,
  /// so that a tree of thousands of regions at one address cannot produce millions of lines.
  static let pairsPerRegion = 8

  /// A sweep over regions sorted by base: each region is compared with those still open.
  static func pairFindings(_ placed: [KernelRegion], report: MapReport) -> [Finding] {
    let sorted = placed.sorted { ($0.range!.base, $0.range!.size) < ($1.range!.base, $1.range!.size) }
    let reported = Set(report.kernel.events.compactMap { event -> [String]? in
      if case .overlap(let a, let b) = event { return [a.path, b.path].sorted() }
      return nil
    })
    var open: [KernelRegion] = []
    var out: [Finding] = []
    for region in sorted {
      let range = region.range!
      open.removeAll { $0.range!.saturatedEnd <= range.base }
      let others = open.filter { $0.path != region.path }
      for other in others.prefix(pairsPerRegion) {
        let shared = other.range!.intersection(range)?.size ?? 0
        let kernelSays = reported.contains([other.path ?? "", region.path ?? ""].sorted())
        out.append(Finding(rule: RuleCatalogue.reservedOverlap,
          message: "\(region.name) \(Hex.range(range)) overlaps \(other.name) \(Hex.range(other.range!)) by \(Hex.plain(shared)) bytes"
            + (kernelSays ? " (the kernel reports OVERLAP DETECTED)" : ""),
          nodes: [region.path ?? region.name, other.path ?? other.name]))
      }
      if others.count > pairsPerRegion {
        out.append(Finding(rule: RuleCatalogue.reservedOverlap,
          message: "\(region.name) \(Hex.range(range)) also overlaps \(others.count - pairsPerRegion) more regions",
          nodes: [region.path ?? region.name]))
      }
      open.append(region)
    }
    return out
  }

  /// Static and placed dynamic regions over a `/memreserve/` entry. A dynamic region can land
  /// on one in 6.12, which places dynamic regions before it reserves `/memreserve/`.
  static func memreserveFindings(_ placed: [KernelRegion], report: MapReport) -> [Finding] {
    var out: [Finding] = []
    for entry in report.description.memoryReservations where entry.size != 0 {
      let reservation = AddressRange(base: entry.address, size: entry.size)
      for region in placed where region.range!.overlaps(reservation) {
        let verb = region.kind == .dynamic ? "is placed over" : "overlaps"
        out.append(Finding(rule: RuleCatalogue.memreserveOverlap,
          message: "\(region.name) \(Hex.range(region.range!)) \(verb) /memreserve/ entry \(entry.index) "
            + Hex.range(reservation),
          nodes: [region.path ?? region.name]))
      }
    }
    return out
  }

  static func outsideMemoryFindings(_ placed: [KernelRegion], report: MapReport) -> [Finding] {
    let memory = report.kernel.memblock.memory.map(\.range)
    guard !memory.isEmpty else { return [] }
    var out: [Finding] = []
    for region in placed where region.kind == .static {
      let range = region.range!
      let inside = memory.reduce(UInt64(0)) { $0 + ($1.intersection(range)?.size ?? 0) }
      if inside == 0 {
        out.append(Finding(rule: RuleCatalogue.outsideMemory,
          message: "\(region.name) \(Hex.range(range)) is outside every memory bank",
          nodes: [region.path ?? region.name]))
      } else if inside < range.size {
        out.append(Finding(rule: RuleCatalogue.straddlesMemory,
          message: "\(region.name) \(Hex.range(range)): \(Hex.plain(range.size - inside)) bytes lie outside memory",
          nodes: [region.path ?? region.name]))
      }
    }
    return out
  }
}
