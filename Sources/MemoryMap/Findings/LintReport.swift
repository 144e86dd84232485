import DeviceTree

/// What a lint run found: for each input file, in input order, its findings or why it could
/// not be read, with the rule selection that filtered them.
public struct LintReport: Sendable {
  public var files: [LintedFile]
  public var selection: RuleSelection
  /// The kernel profile the findings predict (`6.12`).
  public var kernel: String

  public init(files: [LintedFile], selection: RuleSelection, kernel: String) {
    self.files = files
    self.selection = selection
    self.kernel = kernel
  }

  /// Every finding of every readable file, in file order.
  public var findings: [Finding] { files.flatMap(\.findings) }

  /// Findings of `severity` across all files.
  public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity } }

  /// Files that could not be read.
  public var unreadableCount: Int { files.count { $0.error != nil } }

  /// Readable files whose RAM is unknown (`MapReport.ramKnown`).
  public var ramUnknownCount: Int { files.count { !$0.ramKnown } }

  /// Findings of enabled rules that a suppression matched, across all files.
  public var suppressedCount: Int { files.reduce(0) { $0 + $1.suppressed } }

  /// Findings left out because the baseline has them, across all files.
  public var baselinedCount: Int { files.reduce(0) { $0 + $1.baselined } }

  /// Baseline entries for files of this run that matched no finding (`Baseline.apply`).
  public var staleBaselineEntries: [Baseline.Entry] = []

  /// True when some finding is at or above the selection's `failOn`.
  public var failed: Bool { findings.contains(where: selection.fails) }
}

/// One input of a lint run.
public struct LintedFile: Sendable {
  /// The path as given or discovered (`-` for standard input).
  public var path: String
  public var result: Result<[Finding], DeviceTreeError>
  /// False when the file was read but no RAM is known for it; true for unreadable files.
  public var ramKnown: Bool
  /// Findings of enabled rules that a suppression matched (`MapReport.suppressed`).
  public var suppressed: Int
  /// Findings left out because the baseline has them (`Baseline.apply`).
  public var baselined = 0

  public init(path: String, result: Result<[Finding], DeviceTreeError>, ramKnown: Bool = true,
              suppressed: Int = 0) {
    self.path = path
    self.result = result
    self.ramKnown = ramKnown
    self.suppressed = suppressed
  }

  /// Lints a report: its findings of enabled rules.
  public init(_ report: MapReport, path: String, selection: RuleSelection) {
    self.init(path: path, result: .success(selection.apply(report.findings)),
              ramKnown: report.ramKnown, suppressed: selection.apply(report.suppressed).count)
  }

  /// The findings, empty for an unreadable file.
  public var findings: [Finding] { (try? result.get()) ?? [] }

  /// Why the file could not be read, nil when it was.
  public var error: DeviceTreeError? {
    if case .failure(let error) = result { return error }
    return nil
  }
}
