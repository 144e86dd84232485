import Dispatch
import Foundation
import MemoryMap

/// Finds the files a lint run checks and checks them in parallel, keeping input order.
enum LintRunner {
  /// Expands the command line: a directory becomes its `*.dtb` files, recursively and sorted;
  /// files and `-` (standard input) stay as given, in their place.
  static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [path] }
      return dtbFiles(under: path)
    }
  }

  /// The `*.dtb` files below `directory`, as paths that start with it, sorted.
  static func dtbFiles(under directory: String) -> [String] {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    let found = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
    return found.filter { $0.hasSuffix(".dtb") }.sorted().map { prefix + $0 }
  }

  /// Lints `files` on `jobs` workers; `progress(done, total)` is called after each file, one
  /// call at a time. The result is in the order of `files`.
  static func run(_ files: [String], options: MapOptions, selection: RuleSelection, jobs: Int,
                  progress: @escaping @Sendable (Int, Int) -> Void) -> [LintedFile]
  {
    let queue = WorkQueue(count: files.count, progress: progress)
    // Each worker claims the next unclaimed index, so a slow file does not hold up a stripe.
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, files.count))) { _ in
      while let index = queue.claim() {
        queue.finish(index, lint(files[index], options: options, selection: selection))
      }
    }
    return queue.results
  }

  /// One file: load, build the report, keep the findings of enabled rules.
  static func lint(_ file: String, options: MapOptions, selection: RuleSelection) -> LintedFile {
    switch ReportLoader.load(file, options: options) {
    case .success(let report): return LintedFile(report, path: file, selection: selection)
    case .failure(let error): return LintedFile(path: file, result: .failure(error))
    }
  }
}

/// The shared state of the workers: the next index to hand out and the results so far.
///
/// `@unchecked Sendable` because every stored property is read and written only while `lock`
/// is held; `Mutex` (Synchronization) would say so to the compiler but needs macOS 15.
private final class WorkQueue: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int
  private let progress: @Sendable (Int, Int) -> Void
  private var next = 0
  private var done = 0
  private var slots: [LintedFile?]

  init(count: Int, progress: @escaping @Sendable (Int, Int) -> Void) {
    self.count = count
    self.progress = progress
    slots = Array(repeating: nil, count: count)
  }

  /// The next file index nobody has taken, nil when all are taken.
  func claim() -> Int? {
    lock.withLock {
      guard next < count else { return nil }
      next += 1
      return next - 1
    }
  }

  /// Stores a result and reports progress, under the lock so that counts arrive in order.
  func finish(_ index: Int, _ result: LintedFile) {
    lock.withLock {
      slots[index] = result
      done += 1
      progress(done, count)
    }
  }

  /// All results, in input order; call after every worker has returned.
  var results: [LintedFile] { lock.withLock { slots.map { $0! } } }
}
