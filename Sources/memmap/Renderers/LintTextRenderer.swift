import MemoryMap

/// `memmap lint --format text`: one line per finding in the shape of every memmap diagnostic,
/// `FILE: SEVERITY: [MM001 reserved-overlap] /node/path: message`, then a summary line. A
/// finding of a tree built from source starts `soc.dtsi:12:3:` instead, and names the input
/// it came from when that is another file: `... (from board.dts)`.
enum LintTextRenderer {
  /// With colour (`--color`), the severity words are coloured and the summary is bold.
  static func render(_ report: LintReport, style: Style = Style(enabled: false)) -> String {
    var out = ""
    for file in report.files {
      for finding in file.findings { out += line(finding, file: file.path, style: style) + "\n" }
    }
    return out + style.bold(summary(report)) + "\n"
  }

  /// One finding as one line; the file, node and message written through `VisibleText`.
  static func line(_ finding: Finding, file: String, style: Style = Style(enabled: false)) -> String {
    VisibleText.escape(place(finding, file: file)) + ": \(style.severity(finding.severity)): "
      + VisibleText.escape(FindingLine.text(finding) + origin(finding, file: file))
  }

  /// `board.dtb`, or `soc.dtsi:12:3` for a finding with a source location.
  static func place(_ finding: Finding, file: String) -> String {
    guard let location = finding.location else { return file }
    return "\(location.file):\(location.line):\(location.column)"
  }

  /// ` (from board.dts)` when the finding points into another file than the input's.
  static func origin(_ finding: Finding, file: String) -> String {
    guard let location = finding.location, location.file != file else { return "" }
    return " (from \(file))"
  }

  /// `3 files, 2 errors, 1 warning, 0 notes`, with the unreadable files, those whose RAM is
  /// unknown, the suppressed and baselined findings and stale baseline entries when there are
  /// some: `3 files (1 unreadable, 1 with RAM unknown), 2 errors, 1 warning, 0 notes, 1 suppressed`.
  static func summary(_ report: LintReport) -> String {
    var files = counted(report.files.count, "file")
    var kinds: [String] = []
    if report.unreadableCount > 0 { kinds.append("\(report.unreadableCount) unreadable") }
    if report.ramUnknownCount > 0 { kinds.append("\(report.ramUnknownCount) with RAM unknown") }
    if !kinds.isEmpty { files += " (" + kinds.joined(separator: ", ") + ")" }
    let severities = [Severity.error, .warning, .note].map { counted(report.count($0), $0.rawValue) }
    var extra: [String] = []
    if report.suppressedCount > 0 { extra.append("\(report.suppressedCount) suppressed") }
    if report.baselinedCount > 0 { extra.append("\(report.baselinedCount) in the baseline") }
    let stale = report.staleBaselineEntries.count
    if stale > 0 { extra.append(counted(stale, "stale baseline entry").replacing("entrys", with: "entries")) }
    return ([files] + severities + extra).joined(separator: ", ")
  }

  /// `1 error`, `2 errors`, `0 notes`.
  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  // MARK: - Run notes

  /// What the walk of the command line's folders passed over, one note each.
  static func walkNotes(_ expansion: InputExpansion) -> [String] {
    expansion.skipped.map(skippedNote)
      + expansion.notRegular.map { "\($0.path): skipped: \($0.kind), not a regular file" }
  }

  /// `boards/: skipped 2 overlays (boards/a.dtbo, boards/b.dtbo; apply them with --overlay)
  /// and 5 other files`.
  static func skippedNote(_ skipped: (folder: String, overlays: [String], others: Int)) -> String {
    var parts: [String] = []
    if !skipped.overlays.isEmpty {
      let shown = skipped.overlays.prefix(3).joined(separator: ", ") + (skipped.overlays.count > 3 ? ", ..." : "")
      parts.append(counted(skipped.overlays.count, "overlay") + " (\(shown); apply them with --overlay)")
    }
    if skipped.others > 0 { parts.append(counted(skipped.others, "other file")) }
    return "\(skipped.folder): skipped " + parts.joined(separator: " and ")
  }

  /// A baseline entry no finding of the run matches.
  static func staleNote(_ entry: Baseline.Entry, baseline: String) -> String {
    "\(baseline): stale entry, no longer found: \(entry.file): [\(entry.rule)] \(entry.node): \(entry.message)"
  }
}
