import MemoryMap

/// The text of `memmap check-log`: agreement in one line, or the differing lines marked
/// `-` (predicted, not in the log) and `+` (in the log, not predicted).
enum CheckLogRenderer {
  /// File names and lines (from the tree and the log) are written through `VisibleText`.
  static func render(_ comparison: KernelLogComparison, dtb: String, log: String,
                     profile: KernelProfile) -> String {
    let (dtb, log) = (VisibleText.escape(dtb), VisibleText.escape(log))
    let count = comparison.lines.count
    if comparison.agrees {
      return "\(log): agrees with the Linux \(profile.name) prediction for \(dtb) (\(count) lines)\n"
    }
    var out = "\(log): differs from the Linux \(profile.name) prediction for \(dtb)\n"
    out += "--- predicted\n+++ logged\n"
    for line in comparison.lines {
      switch line {
      case .same(let text): out += "  " + VisibleText.escape(text) + "\n"
      case .predictedOnly(let text): out += "- " + VisibleText.escape(text) + "\n"
      case .loggedOnly(let text): out += "+ " + VisibleText.escape(text) + "\n"
      }
    }
    return out
  }
}
