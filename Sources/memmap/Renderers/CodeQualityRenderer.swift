import MemoryMap

/// `memmap lint --format codequality`: GitLab's Code Quality report, a JSON array with one
/// issue per finding, shown in merge requests (`artifacts: reports: codequality:`).
///
/// GitLab wants a `fingerprint` unique per issue and stable across runs (the SARIF one), a
/// `check_name`, and a `location` with a path and a line: the source line for a `.dts`, else 1.
enum CodeQualityRenderer {
  struct Issue: Encodable {
    var check_name: String
    var description: String
    var fingerprint: String
    var location: Location
    var severity: String
  }

  struct Location: Encodable {
    var lines: Lines
    var path: String
  }

  struct Lines: Encodable { var begin: Int }

  static func render(_ report: LintReport) -> String {
    JSONRenderer.encode(report.files.flatMap(issues))
  }

  static func issues(_ file: LintedFile) -> [Issue] {
    zip(file.findings, FindingFingerprint.all(file.findings, file: file.path)).map { finding, print in
      Issue(
        check_name: FindingLine.title(finding.rule),
        description: "\(FindingLine.node(finding.nodes)): \(finding.message)", fingerprint: print,
        location: Location(lines: Lines(begin: finding.location?.line ?? 1),
                           path: finding.location?.file ?? file.path),
        severity: severity(finding.severity))
    }
  }

  /// GitLab's scale is info, minor, major, critical, blocker; an error breaks a boot.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "critical"
    case .warning: return "major"
    case .note: return "info"
    }
  }
}
