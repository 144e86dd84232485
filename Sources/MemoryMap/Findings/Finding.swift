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

  public init(rule: Rule, message: String, nodes: [String], severity: Severity? = nil) {
    self.rule = rule
    self.severity = severity ?? rule.defaultSeverity
    self.message = message
    self.nodes = nodes
  }
}
