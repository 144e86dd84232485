import MemoryMap

/// `memmap lint --format json`: one document for the whole run, keys sorted, so that CI can
/// diff or query it. Findings use the same object as `inspect --format json`.
enum LintJSONRenderer {
  struct Document: Encodable {
    var schemaVersion = 1
    var tool: Tool
    var kernel: String
    var failOn: String
    /// Ids of the enabled rules.
    var rules: [String]
    var files: [File]
    var summary: Summary
  }

  struct Tool: Encodable { var name: String; var version: String }

  struct File: Encodable {
    var file: String
    var findings: [JSONRenderer.FindingJSON]
    /// Why the file could not be read; absent when it was.
    var error: String?
  }

  struct Summary: Encodable {
    var files: Int
    var unreadable: Int
    var errors: Int
    var warnings: Int
    var notes: Int
    /// True when a finding is at or above `failOn`.
    var failed: Bool
  }

  static func render(_ report: LintReport) -> String { JSONRenderer.encode(document(report)) }

  static func document(_ report: LintReport) -> Document {
    Document(
      tool: Tool(name: ToolInfo.name, version: ToolInfo.version), kernel: report.kernel,
      failOn: report.selection.failOn.rawValue, rules: report.selection.rules.map(\.id),
      files: report.files.map(file),
      summary: Summary(
        files: report.files.count, unreadable: report.unreadableCount,
        errors: report.count(.error), warnings: report.count(.warning), notes: report.count(.note),
        failed: report.failed))
  }

  static func file(_ file: LintedFile) -> File {
    File(file: file.path, findings: file.findings.map(JSONRenderer.finding),
         error: file.error.map(ErrorText.line))
  }
}
