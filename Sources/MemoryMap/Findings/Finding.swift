/// How serious a finding is.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem in a valid tree, with the rule it breaks and the nodes involved.
public struct Finding: Hashable, Sendable {
  public var rule: Rule
  public var severity: Severity
  public var message: String
  /// Full paths of the nodes involved; the first is where the finding is reported.
  public var nodes: [String]
  /// The property of the first node the finding is about (`reg`), when it is about one.
  public var property: String?
  /// Where the first node (or its property) was written, for a tree built from source.
  public var location: SourceLocation?

  public init(rule: Rule, message: String, nodes: [String], property: String? = nil,
              severity: Severity? = nil) {
    self.rule = rule
    self.severity = severity ?? rule.defaultSeverity
    self.message = message
    self.nodes = nodes
    self.property = property
  }
}
