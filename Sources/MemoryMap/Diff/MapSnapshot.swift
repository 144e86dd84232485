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

  public init(file: String, kernel: String, memory: [AddressRange], regions: [KernelRegion],
              totals: MemorySummary, findings: [Finding]) {
    self.file = file
    self.kernel = kernel
    self.memory = memory
    self.regions = regions
    self.totals = totals
    self.findings = findings
  }
}

extension MapSnapshot {
  /// The snapshot of a fresh report (boot reservations are left out: they are inputs).
  public init(_ report: MapReport) {
    let regions = RegionOrder.sorted(report.kernel.regions).filter { $0.kind != .boot }
    self.init(
      file: report.file, kernel: report.kernel.profile.name,
      memory: MemoryBanks.list(report).map(\.range), regions: regions,
      totals: report.summary,
      findings: report.findings)
  }
}
