/// A stable identity for a finding across runs, shared by SARIF's `partialFingerprints` and
/// lint baselines: FNV-1a (64-bit) over the rule id, the file as given, the node paths and the
/// occurrence number, as 16 hex digits and `:occurrence`.
///
/// Messages and source lines are left out on purpose: they carry addresses, sizes and line
/// numbers, which change when a region moves or the source is edited elsewhere, and a moved
/// region is still the same problem.
public enum FindingFingerprint {
  public static func of(_ finding: Finding, file: String, occurrence: Int) -> String {
    let text = ([finding.rule.id, file] + finding.nodes + [String(occurrence)]).joined(separator: "\u{0}")
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return Hex.padded(hash).dropFirst(2) + ":\(occurrence + 1)"
  }

  /// The fingerprint of each of a file's findings, in order; repeated (rule, nodes) pairs are
  /// numbered so that their fingerprints differ.
  public static func all(_ findings: [Finding], file: String) -> [String] {
    var seen: [String: Int] = [:]
    return findings.map { finding in
      let key = ([finding.rule.id] + finding.nodes).joined(separator: "\u{0}")
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      return of(finding, file: file, occurrence: occurrence)
    }
  }
}
