import MemoryMap

/// The words for a region's state, in one place: the inspect table, the picture and the diff
/// describe a region from its record (`KernelRegion`) with these.
enum RegionText {
  /// The flags a region has, `no-map` then `reusable`.
  static func flagWords(_ region: KernelRegion) -> [String] {
    var words: [String] = []
    if region.noMap { words.append("no-map") }
    if region.reusable { words.append("reusable") }
    return words
  }

  /// The flags joined by commas, or `none` when it has none (`-` in tables, `map` in a diff).
  static func flags(_ region: KernelRegion, none: String = "-") -> String {
    let words = flagWords(region)
    return words.isEmpty ? none : words.joined(separator: ",")
  }

  /// `reserved`, `failed (zero-size)`, `reserved, not in table`: the status with its reason.
  static func status(_ region: KernelRegion) -> String {
    var text = region.status.word.rawValue + (region.status.reason.map { " (\($0))" } ?? "")
    if region.isReservedOutsideTable { text += ", not in table" }
    return text
  }

  /// What the init function made of it; `-` for a region that is no `/reserved-memory` node.
  static func initResult(_ region: KernelRegion) -> String {
    region.kind == .static || region.kind == .dynamic ? region.initResult.rawValue : "-"
  }

  /// `failed: zero-size`: why the region holds no memory; nil when it is reserved.
  static func inactiveNote(_ region: KernelRegion) -> String? {
    guard region.status != .reserved else { return nil }
    return region.status.word.rawValue + (region.status.reason.map { ": " + $0 } ?? "")
  }

  /// `[base, end)`, or `not placed`.
  static func range(_ range: AddressRange?) -> String {
    range.map { Hex.range($0) } ?? "not placed"
  }

  /// The `compatible` strings joined by commas, or `-`.
  static func compatible(_ region: KernelRegion) -> String {
    region.compatible.isEmpty ? "-" : region.compatible.joined(separator: ",")
  }
}
