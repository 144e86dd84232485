import FoundationEssentials

/// GitHub Actions' job summary: annotations stop at 10 per type, the summary does not.
enum StepSummary {
  /// Appends `markdown` to `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it; a failed write
  /// is a note, as the findings themselves were written.
  static func append(_ markdown: String) {
    guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty
    else { return }
    do throws(WriteError) {
      try Diagnostics.append(markdown + "\n", toFile: path)
    } catch {
      Diagnostics.printNote("cannot write the step summary: \(error.message)")
    }
  }
}
