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
  /// Where the behaviour it predicts is defined: kernel or U-Boot source files and functions,
  /// specification sections, bindings. `docs/rules.md` lists them.
  public let sources: [String]
  /// The fixture under `Fixtures/` that makes it fire.
  public let fixture: String

  /// A rule; `sources` defaults to none only so that a rule being written compiles: the
  /// catalogue's tests require every rule to name its sources.
  public init(id: String, name: String, defaultSeverity: Severity, consumer: Consumer,
              summary: String, rationale: String, sources: [String] = [], fixture: String) {
    self.id = id
    self.name = name
    self.defaultSeverity = defaultSeverity
    self.consumer = consumer
    self.summary = summary
    self.rationale = rationale
    self.sources = sources
    self.fixture = fixture
  }

  public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
