/// What changed between two memory maps.
public struct MapDiff: Hashable, Sendable {
  /// How one region changed.
  public enum Change: String, Hashable, Sendable, CaseIterable {
    case added, removed
    /// The unit address (and with it the path) or the static base changed.
    case moved
    case resized
    /// `no-map` or `reusable` changed.
    case flags
    /// A dynamic region was placed somewhere else.
    case placement
    /// Reserved, failed, skipped or disabled changed.
    case status
    /// The init result changed.
    case initResult = "init"
  }

  /// One region's changes, with both sides.
  public struct RegionChange: Hashable, Sendable {
    public var changes: [Change]
    public var before: KernelRegion?
    public var after: KernelRegion?
    public var label: String { after?.label ?? before?.label ?? "" }
  }

  public var a: MapSnapshot
  public var b: MapSnapshot
  public var regions: [RegionChange]
  public var memoryAdded: [AddressRange]
  public var memoryRemoved: [AddressRange]
  public var findingsAdded: [Finding]
  public var findingsRemoved: [Finding]

  /// True when nothing differs (file names aside).
  public var isEmpty: Bool {
    regions.isEmpty && memoryAdded.isEmpty && memoryRemoved.isEmpty && findingsAdded.isEmpty
      && findingsRemoved.isEmpty && totalsChanged.isEmpty
  }

  /// The totals whose value differs, with both values.
  public var totalsChanged: [(name: String, before: UInt64, after: UInt64)] {
    zip(a.totals.named, b.totals.named).compactMap { x, y in
      x.value == y.value ? nil : (x.name, x.value, y.value)
    }
  }
}

extension MapDiff {
  /// Compares two snapshots: regions are matched by path (and `reg` entry), then the rest by
  /// name without unit address, so a region whose unit address changed is "moved".
  public static func compare(_ a: MapSnapshot, _ b: MapSnapshot) -> MapDiff {
    let pairs = RegionMatching.match(a.regions, b.regions)
    var changes: [RegionChange] = []
    for pair in pairs {
      let kinds = changeKinds(pair.0, pair.1)
      if !kinds.isEmpty { changes.append(RegionChange(changes: kinds, before: pair.0, after: pair.1)) }
    }
    let memoryA = Set(a.memory)
    let memoryB = Set(b.memory)
    let findingsA = Set(a.findings.map { findingIdentity($0, kernel: a.kernel) })
    let findingsB = Set(b.findings.map { findingIdentity($0, kernel: b.kernel) })
    return MapDiff(
      a: a, b: b, regions: changes,
      memoryAdded: b.memory.filter { !memoryA.contains($0) },
      memoryRemoved: a.memory.filter { !memoryB.contains($0) },
      findingsAdded: b.findings.filter { !findingsA.contains(findingIdentity($0, kernel: b.kernel)) }.sorted(by: listedBefore),
      findingsRemoved: a.findings.filter { !findingsB.contains(findingIdentity($0, kernel: a.kernel)) }.sorted(by: listedBefore))
  }

  /// A finding is the same across maps when its rule, nodes and message agree; the kernel a
  /// message names ("Linux 6.12 refuses ...") does not count, so that a diff across kernels
  /// shows what changed, not every kernel finding twice.
  static func findingIdentity(_ f: Finding, kernel: String) -> String {
    f.rule.id + "|" + f.nodes.joined(separator: ",") + "|"
      + f.message.replacing("Linux \(kernel)", with: "Linux")
  }

  /// The order a diff lists findings in: by rule id, then by the nodes.
  static func listedBefore(_ a: Finding, _ b: Finding) -> Bool {
    (a.rule.id, a.nodes.joined(separator: " ")) < (b.rule.id, b.nodes.joined(separator: " "))
  }

  static func changeKinds(_ x: KernelRegion?, _ y: KernelRegion?) -> [Change] {
    guard let x else { return [.added] }
    guard let y else { return [.removed] }
    var kinds: [Change] = []
    let dynamic = x.kind == .dynamic && y.kind == .dynamic
    if x.path != y.path || (!dynamic && x.range?.base != y.range?.base) { kinds.append(.moved) }
    if x.size != y.size { kinds.append(.resized) }
    if x.noMap != y.noMap || x.reusable != y.reusable { kinds.append(.flags) }
    if dynamic && x.range?.base != y.range?.base { kinds.append(.placement) }
    if x.status.word != y.status.word { kinds.append(.status) }
    if x.initResult != y.initResult { kinds.append(.initResult) }
    return kinds
  }
}

/// Pairs the regions of two maps.
enum RegionMatching {
  /// Matched pairs in the order of `b` (then removed ones), nil on the side that lacks it.
  static func match(_ a: [KernelRegion], _ b: [KernelRegion])
    -> [(KernelRegion?, KernelRegion?)]
  {
    var unmatchedA = Array(a.indices)
    var pairOfB = [Int?](repeating: nil, count: b.count)
    func take(_ key: (KernelRegion) -> String) {
      var byKey: [String: [Int]] = [:]
      for i in unmatchedA { byKey[key(a[i]), default: []].append(i) }
      for j in b.indices where pairOfB[j] == nil {
        guard var list = byKey[key(b[j])], !list.isEmpty else { continue }
        let i = list.removeFirst()
        byKey[key(b[j])] = list
        pairOfB[j] = i
        unmatchedA.removeAll { $0 == i }
      }
    }
    take { ($0.path ?? $0.name) + "#\($0.entry)" }
    take { ($0.path.map(parentPath) ?? "") + "/" + $0.baseName + "#\($0.entry)" }
    var result: [(KernelRegion?, KernelRegion?)] = b.indices.map { j in
      (pairOfB[j].map { a[$0] }, b[j])
    }
    result += unmatchedA.map { (a[$0], nil) }
    return result
  }

  static func parentPath(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }
}
