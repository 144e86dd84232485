import CBuildInfo
import MemoryMap

/// What reports say about memmap itself: its name, version and where its rules are documented.
enum ToolInfo {
  static let name = "memmap"
  static let version = "0.1.0"

  /// The commit the binary was built from, or nil when the build was not told (a plain
  /// `swift build`; the Makefile passes it).
  static let commit: String? = {
    let text = String(cString: memmap_build_commit())
    return text.isEmpty ? nil : text
  }()

  /// What `memmap --version` prints: `0.1.0 (commit 0123456789ab)`.
  static var versionLine: String {
    version + " (commit " + (commit ?? "unknown") + ")"
  }

  /// The rule's section of `docs/rules.md` (anchors are the lower-case id: `#mm001`). memmap
  /// has no public home page yet, so reports point into the repository's own docs.
  static func rulesDocument(_ rule: Rule) -> String {
    "docs/rules.md#" + rule.id.lowercased()
  }
}
