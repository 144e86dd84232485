/// The comparable content of one memory map: what `memmap diff` compares. It can be taken
/// from a fresh report or rebuilt from a saved `inspect --format json` document; its regions
/// are the report's own records (`KernelRegion`), as that document writes and reads them.
public struct MapSnapshot: Hashable, Sendable {
  public var file: String
  public var kernel: String
  public var memory: [AddressRange]
  /// The regions in table order, boot reservations left out.
  public var regions: [KernelRegion]
  public var totals: MemorySummary
  /// The findings, as the report has them or as the saved document names them.
  public var findings: [Finding]
  /// Positions in `regions` of the regions that overlap something: the report's record
  /// (`MapReport.overlaps`), or what the findings say for a saved document, which has no
  /// record of its own (`overlapping(_:findings:)`).
  public var overlapping: Set<Int>

  /// A snapshot whose overlaps are those its findings name.
  public init(file: String, kernel: String, memory: [AddressRange], regions: [KernelRegion],
              totals: MemorySummary, findings: [Finding]) {
    self.file = file
    self.kernel = kernel
    self.memory = memory
    self.regions = regions
    self.totals = totals
    self.findings = findings
    self.overlapping = Self.overlapping(regions, findings: findings)
  }
}

extension MapSnapshot {
  /// The snapshot of a fresh report (boot reservations are left out: they are inputs).
  public init(_ report: MapReport) {
    let all = report.kernel.regions
    let order = RegionOrder.order(all).filter { all[$0].kind != .boot }
    self.init(
      file: report.file, kernel: report.kernel.profile.name,
      memory: MemoryBanks.list(report).map(\.range), regions: order.map { all[$0] },
      totals: report.summary,
      findings: report.findings)
    overlapping = Set(order.indices.filter { report.overlaps.regions.contains(order[$0]) })
  }

  /// The overlaps a saved `inspect --format json` document implies: it keeps no record of
  /// them, only the findings. Every region at a node an overlap finding (MM001, MM002) names,
  /// and each `/memreserve/` region under a region an MM002 finding names.
  public static func overlapping(_ regions: [KernelRegion], findings: [Finding]) -> Set<Int> {
    let overlapRules = [RuleCatalogue.reservedOverlap.id, RuleCatalogue.memreserveOverlap.id]
    let named = Set(findings.filter { overlapRules.contains($0.rule.id) }.flatMap(\.nodes))
    let overMemreserve = Set(findings.filter { $0.rule.id == RuleCatalogue.memreserveOverlap.id }.flatMap(\.nodes))
    let key = { (region: KernelRegion) in region.path ?? region.name }
    let underMemreserve = regions.filter { overMemreserve.contains(key($0)) }.compactMap(\.range)
    return Set(regions.indices.filter { i in
      let region = regions[i]
      if named.contains(key(region)) { return true }
      guard region.kind == .memreserve, let range = region.range else { return false }
      return underMemreserve.contains { $0.overlaps(range) }
    })
  }
}
