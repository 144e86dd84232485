#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import MemoryMap

/// Finds the files a lint run checks and checks them in parallel, keeping input order.
enum LintRunner {
  /// What a walk of the command line found: the inputs to check, and per folder what it
  /// passed over (overlays cannot be checked alone; other files are not device trees).
  struct Expansion {
    var files: [String] = []
    var skipped: [(folder: String, overlays: [String], others: Int)] = []
    /// Inputs by name that are not regular files (a FIFO would block the run), and what they are.
    var notRegular: [(path: String, kind: String)] = []
    /// Folders with nothing to check below them: a gate that checked nothing must not pass.
    var empty: [String] = []
  }

  /// Expands the command line: a folder becomes the inputs below it, recursively and sorted
  /// (`*.dtb`, `*.dts`, FIT images `*.itb` and `*.fit`), unless it is itself a tree in
  /// `/proc/device-tree` form; files and `-` (standard input) stay as given, in their place.
  static func expand(_ paths: [String]) -> Expansion {
    var expansion = Expansion()
    for path in paths {
      guard path != "-", DirectoryEntries.isDirectory(path), !DirectoryTree.looksLikeTree(path) else {
        expansion.files.append(path)
        continue
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      var found = Walk()
      found.collect(prefix, relative: "")
      expansion.files += found.inputs.sorted().map { prefix + $0 }
      if found.inputs.isEmpty { expansion.empty.append(path) }
      expansion.notRegular += found.notRegular.map { (prefix + $0.path, $0.kind) }
      if !found.overlays.isEmpty || found.others > 0 {
        expansion.skipped.append((path, found.overlays.sorted().map { prefix + $0 }, found.others))
      }
    }
    return expansion
  }

  /// The files below one folder, by what a lint run does with them.
  private struct Walk {
    static let inputSuffixes = [".dtb", ".dts", ".itb", ".fit"]
    static let overlaySuffixes = [".dtbo", ".dtso"]
    var inputs: [String] = []
    var overlays: [String] = []
    var others = 0
    var notRegular: [(path: String, kind: String)] = []

    /// Sorts the files below `root + relative` into the three lists, as paths relative to
    /// `root`. Links to folders are not followed (no cycles).
    mutating func collect(_ root: String, relative: String) {
      for entry in DirectoryEntries.list(root + relative) ?? [] {
        let path = relative + entry.name
        if entry.isDirectory {
          collect(root, relative: path + "/")
        } else if Self.inputSuffixes.contains(where: entry.name.hasSuffix) {
          if entry.isRegularFile { inputs.append(path) } else { notRegular.append((path, entry.kind)) }
        } else if Self.overlaySuffixes.contains(where: entry.name.hasSuffix) {
          overlays.append(path)
        } else {
          others += 1
        }
      }
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

/// The shared state of the workers: the next index to hand out and the results so far.
///
/// `@unchecked Sendable` because every stored property is read and written only while `lock`
/// is held; `Mutex` (Synchronization) would say so to the compiler but needs macOS 15.
private final class WorkQueue: @unchecked Sendable {
  private let lock = Lock()
  private let count: Int
  private let progress: @Sendable (Int, Int) -> Void
  private var next = 0
  private var done = 0
  private var slots: [[LintedFile]?]

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
  func finish(_ index: Int, _ result: [LintedFile]) {
    lock.withLock {
      slots[index] = result
      done += 1
      progress(done, count)
    }
  }

  /// All results, in input order (a FIT image's boards in the image's order); call after every worker has returned.
  var results: [LintedFile] { lock.withLock { slots.flatMap { $0! } } }
}

/// A pthread mutex, for `WorkQueue`; Foundation's `NSLock` would pull in all of Foundation.
private final class Lock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  init() { pthread_mutex_init(mutex, nil) }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
