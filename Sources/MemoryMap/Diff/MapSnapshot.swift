/// The comparable content of one memory map: what `memmap diff` compares. It can be taken
/// from a fresh report or rebuilt from a saved `inspect --format json` document; its regions
/// are the report's own records (`KernelRegion`), as that document writes and reads them.
public struct MapSnapshot: Hashable, Sendable {
  /// A finding reduced to what identifies it across two maps.
  public struct FindingKey: Hashable, Sendable, Comparable {
    public var rule: String
    public var name: String
    public var severity: String
    public var nodes: [String]
    public var message: String

    public init(rule: String, name: String, severity: String, nodes: [String], message: String) {
      self.rule = rule
      self.name = name
      self.severity = severity
      self.nodes = nodes
      self.message = message
    }

    public static func < (a: FindingKey, b: FindingKey) -> Bool {
      (a.rule, a.nodes.joined(separator: " ")) < (b.rule, b.nodes.joined(separator: " "))
    }
  }

  public var file: String
  public var kernel: String
  public var memory: [AddressRange]
  /// The regions in table order, boot reservations left out.
  public var regions: [KernelRegion]
  public var totals: [String: UInt64]
  public var findings: [FindingKey]

  public init(file: String, kernel: String, memory: [AddressRange], regions: [KernelRegion],
              totals: [String: UInt64], findings: [FindingKey]) {
    self.file = file
    self.kernel = kernel
    self.memory = memory
    self.regions = regions
    self.totals = totals
    self.findings = findings
  }

  /// The names of the totals, in display order.
  public static let totalNames = ["ram", "reserved", "nomap", "free"]
}

extension MapSnapshot {
  /// The snapshot of a fresh report (boot reservations are left out: they are inputs).
  public init(_ report: MapReport) {
    let regions = RegionOrder.sorted(report.kernel.regions).filter { $0.kind != .boot }
    let s = report.summary
    self.init(
      file: report.file, kernel: report.kernel.profile.name,
      memory: MemoryBanks.list(report).map(\.range), regions: regions,
      totals: ["ram": s.ram, "reserved": s.reserved, "nomap": s.noMap, "free": s.free],
      findings: report.findings.map {
        FindingKey(rule: $0.rule.id, name: $0.rule.name, severity: $0.severity.rawValue,
                   nodes: $0.nodes, message: $0.message)
      })
  }
}
