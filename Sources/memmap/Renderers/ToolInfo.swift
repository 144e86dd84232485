import MemoryMap

/// What reports say about memmap itself: its name, version and where its rules are documented.
enum ToolInfo {
  static let name = "memmap"
  static let version = "0.1.0"

  /// The rule's section of `docs/rules.md` (anchors are the lower-case id: `#mm001`). memmap
  /// has no public home page yet, so reports point into the repository's own docs.
  static func rulesDocument(_ rule: Rule) -> String {
    "docs/rules.md#" + rule.id.lowercased()
  }
}
