/// A finding the user has looked at and accepted: one rule on one node, with the reason.
public struct FindingSuppression: Hashable, Sendable {
  /// The rule's id (`MM004`).
  public var rule: String
  /// The node the finding is reported at (the first of its nodes).
  public var node: String
  public var reason: String

  public init(rule: String, node: String, reason: String) {
    self.rule = rule
    self.node = node
    self.reason = reason
  }

  /// True when `finding` is this rule, reported at this node.
  public func matches(_ finding: Finding) -> Bool {
    finding.rule.id == rule && (finding.nodes.first ?? "/") == node
  }
}
