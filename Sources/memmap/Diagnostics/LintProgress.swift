/// The `linting 120/1023` line on standard error, rewritten in place with `\r`.
///
/// Shown only when standard error is a terminal and the run is long enough to wait for; a CI
/// log or a redirected stderr never sees it.
struct LintProgress: Sendable {
  /// Fewer files than this finish before a progress line would help.
  static let threshold = 50

  let total: Int
  let isShown: Bool

  init(total: Int, isTerminal: Bool = Diagnostics.stderrIsTerminal) {
    self.total = total
    isShown = isTerminal && total >= Self.threshold
  }

  /// Rewrites the line after `done` files.
  func update(done: Int, total: Int) {
    guard isShown else { return }
    Diagnostics.writeError("\rlinting \(done)/\(total)")
  }

  /// Clears the line so that what follows starts on a clean one.
  func finish() {
    guard isShown else { return }
    Diagnostics.writeError("\r\u{1B}[K")
  }
}
