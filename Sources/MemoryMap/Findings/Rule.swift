/// Who a rule speaks for.
public enum Consumer: String, Hashable, Sendable {
  case linux = "Linux"
  case uboot = "U-Boot"
  case efi = "EFI"
  case devicetree = "DT spec"
}

/// A lint rule: a stable id, a name, a default severity and what it checks.
public struct Rule: Hashable, Sendable {
  public let id: String
  public let name: String
  public let defaultSeverity: Severity
  public let consumer: Consumer
  public let summary: String
  public let rationale: String
  /// The fixture under `Fixtures/` that makes it fire.
  public let fixture: String

  public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
