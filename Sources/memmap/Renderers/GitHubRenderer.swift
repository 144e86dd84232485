import FoundationEssentials
import MemoryMap

/// `memmap lint --format github`: GitHub Actions workflow commands, one annotation per finding
/// (`::error file=F,title=MM001 reserved-overlap::/node: message`), then the summary line.
///
/// GitHub shows only 10 errors and 10 warnings per step, so annotations come by severity
/// (errors, warnings, then notes as `::notice`), and `stepSummary` gives the full counts as a
/// Markdown table for `$GITHUB_STEP_SUMMARY`.
enum GitHubRenderer {
  static func render(_ report: LintReport) -> String {
    var lines = report.files.compactMap { file in
      file.error.map { command("error", file: file.path, title: ToolInfo.name, ErrorText.line(for: $0)) }
    }
    for severity in [Severity.error, .warning, .note] {
      for file in report.files {
        for finding in file.findings where finding.severity == severity {
          lines.append(command(
            self.command(for: severity), file: file.path, location: finding.location,
            title: FindingLine.title(finding.rule),
            "\(FindingLine.node(finding.nodes)): \(finding.message)" + LintTextRenderer.origin(finding, file: file.path)))
        }
      }
    }
    lines.append(LintTextRenderer.summary(report))
    return lines.map { $0 + "\n" }.joined()
  }

  /// The workflow command for a severity.
  static func command(for severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "notice"
    }
  }

  /// `::name file=F,title=T::message`, escaped as actions/toolkit's `command.ts` does, after
  /// `VisibleText` (the log viewer would otherwise act on an ESC sequence in a message); with
  /// a source location, `file=soc.dtsi,line=12,col=3`.
  static func command(_ name: String, file: String, location: SourceLocation? = nil, title: String,
                      _ message: String) -> String {
    let (title, message) = (VisibleText.escape(title), VisibleText.escape(message))
    let place = location.map { "file=\(escapeProperty(VisibleText.escape($0.file))),line=\($0.line),col=\($0.column)" }
      ?? "file=\(escapeProperty(VisibleText.escape(file)))"
    return "::\(name) \(place),title=\(escapeProperty(title))::\(escapeData(message))"
  }

  /// actions/toolkit `escapeData`: `%`, CR and LF.
  static func escapeData(_ text: String) -> String {
    escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
  }

  /// actions/toolkit `escapeProperty`: as `escapeData`, plus `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
  }

  /// Replaces scalars one by one (a `Character` would see CR LF as one).
  private static func escape(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if let replacement = table[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  // MARK: - Step summary

  /// The Markdown for `$GITHUB_STEP_SUMMARY`: the summary line, findings per rule, and the
  /// files with findings or load errors.
  static func stepSummary(_ report: LintReport) -> String {
    var out = "## memmap lint\n\n" + LintTextRenderer.summary(report) + "\n"
    var rules = TextTable(["Rule", "Severity", "Findings"], rightAligned: [2])
    for rule in report.selection.rules {
      let found = report.findings.filter { $0.rule == rule }
      guard let first = found.first else { continue }
      rules.add([FindingLine.title(rule), first.severity.rawValue, String(found.count)])
    }
    if !rules.rows.isEmpty { out += "\n" + rules.renderMarkdown() }
    var files = TextTable(["File", "Errors", "Warnings", "Notes"], rightAligned: [1, 2, 3])
    for file in report.files where file.error != nil || !file.findings.isEmpty {
      let counts = [Severity.error, .warning, .note].map { severity in
        String(file.findings.count { $0.severity == severity })
      }
      files.add([file.path + (file.error != nil ? " (unreadable)" : "")] + counts)
    }
    if !files.rows.isEmpty { out += "\n" + files.renderMarkdown() }
    return out
  }
}
