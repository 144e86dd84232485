import ArgumentParser
import DeviceTree
import FoundationEssentials
import MemoryMap

extension MemmapCommand {
  /// `memmap lint PATH...`: the CI gate. Exit 0 clean, 1 findings at or above `--fail-on`,
  /// 2 unreadable input (the other files are still checked).
  struct Lint: ReportingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check device trees for memory-map problems, for CI.",
      discussion: """
        With no --enable every rule is on; --enable switches on only the rules it names, \
        --disable switches rules off. Rules are named by id (MM001) or name (reserved-overlap); \
        'memmap rules' lists them, docs/rules.md explains each with its sources. The JSON \
        format is in docs/json.md and docs/schemas/lint.schema.json.
        """)

    @Argument(help: "Device trees (.dtb, .dts, FIT images, /proc/device-tree folders), folders searched for them, or - for standard input.")
    var paths: [String]

    @OptionGroup var model: ModelOptions

    @OptionGroup var terminal: TerminalOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json, sarif, github, junit or codequality (GitLab).")
    var format: LintFormat = .text

    @Option(help: "Lowest severity that fails the run: error, warning or note.")
    var failOn: Severity = .error

    @Option(help: ArgumentHelp("Check only this rule (repeatable).", valueName: "RULE"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("Do not check this rule (repeatable).", valueName: "RULE"))
    var disable: [String] = []

    // Optional rather than defaulting to the core count, so that help and the man page do not
    // print the build machine's number of cores as the default.
    @Option(help: "Files checked in parallel. (default: the number of cores)")
    var jobs: Int?

    @Option(help: ArgumentHelp("Report only findings not in this baseline, and its stale entries.",
                               valueName: "FILE"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write every finding of this run to a baseline file.", valueName: "FILE"))
    var writeBaseline: String?

    mutating func validate() throws {
      guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
      if let name = rules.unknownName { throw ValidationError("unknown rule '\(name)' (see `memmap rules`)") }
    }

    mutating func execute() throws -> Outcome {
      let run = try RunSettings(model: model, input: input, locate: true)
      // A bad baseline stops the run before any tree is read.
      let accepted = try baseline.map { path throws(InputError) in try BaselineFile.read(path) }
      let expansion = InputExpansion(paths)
      LintTextRenderer.walkNotes(expansion).forEach(Diagnostics.printNote)
      let plan = try LintPlan(files: expansion.files, settings: run.settings, rules: rules)
      let linted = LintRunner.lint(plan, emptyFolders: expansion.empty, input: run.input,
                                   jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
      for error in linted.compactMap(\.error) { Diagnostics.printError(ErrorText.line(for: error)) }
      if let writeBaseline {
        try BaselineFile.write(Baseline(linted, key: BaselineFile.key(for: writeBaseline)), to: writeBaseline)
      }
      var report = LintReport(files: linted, selection: plan.selection, kernel: plan.kernelLabel)
      if let accepted {
        (report.files, report.staleBaselineEntries) = accepted.apply(to: linted, key: BaselineFile.key(for: baseline!))
        for entry in report.staleBaselineEntries {
          Diagnostics.printNote(LintTextRenderer.staleNote(entry, baseline: baseline!))
        }
      }
      try Diagnostics.write(format.render(report, style: terminal.style))
      if format == .github { StepSummary.append(GitHubRenderer.stepSummary(report)) }
      if report.unreadableCount > 0 { return .unreadableInput }
      return report.failed ? .findings : .clean
    }

    /// The rules asked for; an unknown name is a usage error (exit 2, in `validate`).
    var rules: RuleChoice { RuleChoice(enable: enable, disable: disable, failOn: failOn) }
  }
}

extension LintFormat: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {}
