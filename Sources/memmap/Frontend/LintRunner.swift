import DeviceTree
import Dispatch
import MemoryMap

/// Checks a lint run's files in parallel, keeping input order.
enum LintRunner {
  /// Lints the plan's files on `jobs` workers, with a progress line on a terminal; a folder
  /// with nothing to check below it is an unreadable input, after them.
  static func lint(_ plan: LintPlan, emptyFolders: [String], input: InputSettings, jobs: Int) -> [LintedFile] {
    let progress = LintProgress(total: plan.jobs.count)
    let checked = run(plan.jobs, input: input, jobs: jobs) { progress.update(done: $0, total: $1) }
    progress.finish()
    return checked + emptyFolders.map { folder in
      LintedFile(path: folder, result: .failure(DeviceTreeError(
        file: folder, reason: .refused("nothing to check below it (no .dtb, .dts, .itb or .fit files)"))))
    }
  }

  /// Lints `files` on `jobs` workers; `progress(done, total)` is called after each file, one
  /// call at a time. The result is in the order of `files`.
  static func run(_ files: [LintJob], input: InputSettings, jobs: Int,
                  progress: @escaping @Sendable (Int, Int) -> Void) -> [LintedFile]
  {
    let queue = WorkQueue(count: files.count, progress: progress)
    // Each worker claims the next unclaimed index, so a slow file does not hold up a stripe.
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, files.count))) { _ in
      while let index = queue.claim() {
        queue.finish(index, lint(files[index], input: input))
      }
    }
    return queue.results
  }

  /// One input: load, build the reports (a FIT image has one per configuration), keep the
  /// findings of enabled rules.
  static func lint(_ job: LintJob, input: InputSettings) -> [LintedFile] {
    ReportLoader.load(job.file, options: job.options, input: input).map { loaded in
      switch loaded {
      case .success(let report): return LintedFile(report, path: report.file, selection: job.selection)
      case .failure(let error): return LintedFile(path: error.file, result: .failure(error))
      }
    }
  }
}

/// One file of a lint run with the settings that apply to it.
struct LintJob: Sendable {
  var file: String
  var options: MapOptions
  var selection: RuleSelection
}
