import MemoryMap

/// The one way a finding is named and written for people: `[MM001 reserved-overlap]` as its
/// tag, `MM001 reserved-overlap` as a title, and `[MM001 reserved-overlap] /node: message` as
/// its line, whether it comes from a fresh report or from a saved JSON document. The text is
/// returned as it is; each renderer escapes it for its medium (`VisibleText`, `XML`).
enum FindingLine {
  /// `[MM001 reserved-overlap]`.
  static func tag(id: String, name: String) -> String { "[\(id) \(name)]" }

  /// `MM001 reserved-overlap`: how titles and test names name a rule.
  static func title(id: String, name: String) -> String { "\(id) \(name)" }

  /// `[MM001 reserved-overlap] /node: message`.
  static func text(id: String, name: String, nodes: [String], message: String) -> String {
    tag(id: id, name: name) + " " + node(nodes) + ": " + message
  }

  /// The node a finding is reported at: its first, or `/`.
  static func node(_ nodes: [String]) -> String { nodes.first ?? "/" }

  static func tag(_ rule: Rule) -> String { tag(id: rule.id, name: rule.name) }
  static func title(_ rule: Rule) -> String { title(id: rule.id, name: rule.name) }

  static func text(_ f: Finding) -> String {
    text(id: f.rule.id, name: f.rule.name, nodes: f.nodes, message: f.message)
  }
}
