#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import MemoryMap

/// Finds the files a lint run checks and checks them in parallel, keeping input order.
enum LintRunner {
  /// Expands the command line: a directory becomes its `*.dtb` files, recursively and sorted;
  /// files and `-` (standard input) stay as given, in their place.
  static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      guard path != "-", fileType(path) == S_IFDIR else { return [path] }
      return dtbFiles(under: path)
    }
  }

  /// The `*.dtb` files below `directory`, as paths that start with it, sorted.
  static func dtbFiles(under directory: String) -> [String] {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    var found: [String] = []
    collect(prefix, relative: "", into: &found)
    return found.sorted().map { prefix + $0 }
  }

  /// Adds the `*.dtb` files below `root + relative` to `found`, as paths relative to `root`.
  /// Symbolic links to files count; links to directories are not followed (no cycles).
  private static func collect(_ root: String, relative: String, into found: inout [String]) {
    guard let stream = opendir(root + relative) else { return }
    defer { closedir(stream) }
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: $0.pointee)) {
          String(cString: $0)
        }
      }
      if name == "." || name == ".." { continue }
      let path = relative + name
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_DIR): collect(root, relative: path + "/", into: &found)
      case Int32(DT_REG), Int32(DT_LNK):
        if name.hasSuffix(".dtb") { found.append(path) }
      default:
        // File systems that do not fill in d_type report DT_UNKNOWN.
        let type = fileType(root + path, followLinks: false)
        if type == S_IFDIR {
          collect(root, relative: path + "/", into: &found)
        } else if name.hasSuffix(".dtb") {
          found.append(path)
        }
      }
    }
  }

  /// The `S_IFMT` bits of the file at `path`, nil when it cannot be examined.
  private static func fileType(_ path: String, followLinks: Bool = true) -> mode_t? {
    var info = stat()
    let status = followLinks ? stat(path, &info) : lstat(path, &info)
    return status == 0 ? info.st_mode & S_IFMT : nil
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
  private let lock = Lock()
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
