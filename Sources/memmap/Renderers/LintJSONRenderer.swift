import MemoryMap

/// `memmap lint --format json`: one document for the whole run, keys sorted, so that CI can
/// diff or query it. Findings use the same object as `inspect --format json`. Written through
/// `JSONStream`, which puts each object's keys in order.
enum LintJSONRenderer {
  struct Document: Encodable {
    var failOn: String
    var files: [File]
    var kernel: String
    /// Ids of the enabled rules.
    var rules: [String]
    var schemaVersion = 1
    var summary: Summary
    var tool: Tool
  }

  struct Tool: Encodable { var name: String; var version: String }

  struct File: Encodable {
    /// Why the file could not be read; absent when it was.
    var error: String?
    var file: String
    var findings: [Finding]
  }

  struct Summary: Encodable {
    /// Findings left out because `--baseline` has them.
    var baselined: Int
    var errors: Int
    /// True when a finding is at or above `failOn`.
    var failed: Bool
    var files: Int
    var notes: Int
    /// Readable files whose RAM is unknown.
    var ramUnknown: Int
    /// `--baseline` entries for files of this run that matched no finding.
    var staleBaseline: Int
    /// Findings matched by a suppression in `.memmap.yml`.
    var suppressed: Int
    var unreadable: Int
    var warnings: Int
  }

  static func render(_ report: LintReport) -> String { JSONStream.string(document(report)) }

  static func document(_ report: LintReport) -> Document {
    Document(
      failOn: report.selection.failOn.rawValue, files: report.files.map(file),
      kernel: report.kernel, rules: report.selection.rules.map(\.id),
      summary: Summary(
        baselined: report.baselinedCount, errors: report.count(.error), failed: report.failed, files: report.files.count,
        notes: report.count(.note), ramUnknown: report.ramUnknownCount,
        staleBaseline: report.staleBaselineEntries.count,
        suppressed: report.suppressedCount, unreadable: report.unreadableCount,
        warnings: report.count(.warning)),
      tool: Tool(name: ToolInfo.name, version: ToolInfo.version))
  }

  static func file(_ file: LintedFile) -> File {
    File(error: file.error.map(ErrorText.line), file: file.path,
         findings: file.findings)
  }
}
