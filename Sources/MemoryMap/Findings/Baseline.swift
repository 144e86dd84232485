/// Findings accepted as they were when a project adopted memmap (SwiftLint's baseline): a run
/// against it counts only findings that are not in it, and reports the entries it no longer
/// finds. Entries are matched by `FindingFingerprint`, so a finding survives edits that move
/// lines or change addresses, and stays matched until its rule, file or nodes change.
public struct Baseline: Hashable, Sendable {
  public var entries: [Entry]

  /// One accepted finding. Only `fingerprint` is matched; the rest is for the people who read
  /// the file and for the stale-entry lines.
  public struct Entry: Hashable, Sendable, Codable {
    public var file: String
    public var fingerprint: String
    public var message: String
    public var node: String
    public var rule: String

    public init(file: String, fingerprint: String, message: String, node: String, rule: String) {
      self.file = file
      self.fingerprint = fingerprint
      self.message = message
      self.node = node
      self.rule = rule
    }
  }

  public init(entries: [Entry]) { self.entries = entries }

  /// Everything `files` found, ordered by file, then as found. `key` names a file as the
  /// baseline does (relative to the baseline's folder, so that it is found from anywhere).
  public init(_ files: [LintedFile], key: (String) -> String) {
    entries = files.flatMap { file in
      let name = key(file.path)
      return zip(file.findings, FindingFingerprint.all(file.findings, file: name)).map { finding, print in
        Entry(file: name, fingerprint: print, message: finding.message,
              node: finding.nodes.first ?? "/", rule: finding.rule.id)
      }
    }
    entries.sort { $0.file < $1.file }
  }

  /// `files` without the findings in the baseline (each counted in `LintedFile.baselined`),
  /// and the entries for files of this run that matched no finding: fixed, or changed enough
  /// to count as new. Entries for files not in the run are neither used nor stale.
  public func apply(to files: [LintedFile], key: (String) -> String)
    -> (files: [LintedFile], stale: [Entry])
  {
    let known = Set(entries.map(\.fingerprint))
    var matched: Set<String> = []
    let filtered = files.map { file -> LintedFile in
      guard case .success(let findings) = file.result else { return file }
      let prints = FindingFingerprint.all(findings, file: key(file.path))
      var kept: [Finding] = []
      for (finding, print) in zip(findings, prints) {
        if known.contains(print) { matched.insert(print) } else { kept.append(finding) }
      }
      var out = file
      out.result = .success(kept)
      out.baselined = findings.count - kept.count
      return out
    }
    let linted = Set(files.map { key($0.path) })
    let stale = entries.filter { linted.contains($0.file) && !matched.contains($0.fingerprint) }
    return (filtered, stale)
  }
}
