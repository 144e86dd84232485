/// The comparable content of one memory map: what `memmap diff` compares. It can be taken
/// from a fresh report or rebuilt from a saved `inspect --format json` document.
public struct MapSnapshot: Hashable, Sendable {
  /// One region as the diff sees it.
  public struct Region: Hashable, Sendable {
    public var name: String
    /// Full node path; nil for `/memreserve/` entries.
    public var path: String?
    public var kind: RegionKind
    public var entry: Int
    public var range: AddressRange?
    public var size: UInt64
    public var noMap: Bool
    public var reusable: Bool
    public var status: RegionStatus.Word
    public var initResult: InitResult

    public init(name: String, path: String?, kind: RegionKind, entry: Int, range: AddressRange?,
                size: UInt64, noMap: Bool, reusable: Bool, status: RegionStatus.Word,
                initResult: InitResult) {
      self.name = name
      self.path = path
      self.kind = kind
      self.entry = entry
      self.range = range
      self.size = size
      self.noMap = noMap
      self.reusable = reusable
      self.status = status
      self.initResult = initResult
    }

    /// The node name without its unit address (`optee` for `optee@fe000000`).
    public var baseName: String {
      guard let at = name.firstIndex(of: "@") else { return name }
      return String(name[..<at])
    }

    /// The key shown to people: the path, with `[reg N]` for later entries.
    public var label: String { RegionLabel.label(path ?? name, entry: entry) }

    /// The node name with `[reg N]` for later entries.
    public var shortLabel: String { RegionLabel.label(name, entry: entry) }
  }

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
  public var regions: [Region]
  public var totals: [String: UInt64]
  public var findings: [FindingKey]

  public init(file: String, kernel: String, memory: [AddressRange], regions: [Region],
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
    let regions = RegionOrder.sorted(report.kernel.regions).filter { $0.kind != .boot }.map {
      Region(name: $0.name, path: $0.path, kind: $0.kind, entry: $0.entry,
             range: $0.range, size: $0.size, noMap: $0.noMap, reusable: $0.reusable,
             status: $0.status.word, initResult: $0.initResult)
    }
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
