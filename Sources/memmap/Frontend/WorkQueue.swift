#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemoryMap

/// The shared state of the workers: the next index to hand out and the results so far.
///
/// `@unchecked Sendable` because every stored property is read and written only while `lock`
/// is held; `Mutex` (Synchronization) would say so to the compiler but needs macOS 15.
final class WorkQueue: @unchecked Sendable {
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
