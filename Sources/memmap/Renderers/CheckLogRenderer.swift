import MemoryMap

/// The text of `memmap check-log`: agreement in one line, or the differing lines marked
/// `-` (predicted, not in the log) and `+` (in the log, not predicted).
enum CheckLogRenderer {
  static func render(_ comparison: KernelLogComparison, dtb: String, log: String,
                     profile: KernelProfile) -> String {
    let count = comparison.lines.count
    if comparison.agrees {
      return "\(log): agrees with the Linux \(profile.name) prediction for \(dtb) (\(count) lines)\n"
    }
    var out = "\(log): differs from the Linux \(profile.name) prediction for \(dtb)\n"
    out += "--- predicted\n+++ logged\n"
    for line in comparison.lines {
      switch line {
      case .same(let text): out += "  " + text + "\n"
      case .predictedOnly(let text): out += "- " + text + "\n"
      case .loggedOnly(let text): out += "+ " + text + "\n"
      }
    }
    return out
  }
}
