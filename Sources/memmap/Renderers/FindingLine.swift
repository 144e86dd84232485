import MemoryMap

/// The one way a finding is named and written for people: `[MM001 reserved-overlap]` as its
/// tag, `MM001 reserved-overlap` as a title, and `[MM001 reserved-overlap] /node: message` as
/// its line, whether the finding comes from a fresh report or from a saved JSON document (both
/// are `Finding`s). The text is returned as it is; each renderer escapes it for its medium
/// (`VisibleText`, `XML`).
enum FindingLine {
  /// `[MM001 reserved-overlap]`.
  static func tag(_ rule: Rule) -> String { "[\(rule.id) \(rule.name)]" }

  /// `MM001 reserved-overlap`: how titles and test names name a rule.
  static func title(_ rule: Rule) -> String { "\(rule.id) \(rule.name)" }

  /// `[MM001 reserved-overlap] /node: message`.
  static func text(_ f: Finding) -> String { tag(f.rule) + " " + node(f.nodes) + ": " + f.message }

  /// The node a finding is reported at: its first, or `/`.
  static func node(_ nodes: [String]) -> String { nodes.first ?? "/" }
}
