import MemoryMap

/// The text of `memmap check-live`: one line per check (agrees, differs, not compared), the
/// differing ranges under it marked `-` (predicted only) and `+` (running kernel only), and
/// the kernel log's differing lines as check-log shows them.
enum CheckLiveRenderer {
  static func render(_ comparison: LiveComparison, tree: String, live: String, profile: KernelProfile) -> String {
    let (tree, live) = (VisibleText.escape(tree), VisibleText.escape(live))
    let verdict = comparison.agrees ? "agrees with" : "differs from"
    var out = "\(live): \(verdict) the Linux \(profile.label) prediction for \(tree)\n"
    if let log = comparison.log {
      out += row(log.agrees, "kernel log", "\(log.lines.count) reserved-memory lines")
      for line in log.lines {
        switch line {
        case .same: continue
        case .predictedOnly(let text): out += "    - " + VisibleText.escape(text) + "\n"
        case .loggedOnly(let text): out += "    + " + VisibleText.escape(text) + "\n"
        }
      }
    }
    for check in comparison.ranges {
      out += row(check.agrees, "\(subject(check.subject)) (\(check.source.rawValue))", detail(check))
      out += check.predictedOnly.map { "    - \(Hex.range($0)) predicted only\n" }.joined()
      out += check.liveOnly.map { "    + \(Hex.range($0)) in the running kernel only\n" }.joined()
    }
    for skipped in comparison.skipped { out += "  not compared  \(skipped.what): \(skipped.why)\n" }
    return out
  }

  static func row(_ agrees: Bool, _ what: String, _ detail: String) -> String {
    "  \(agrees ? "agrees " : "differs") \(what): \(detail)\n"
  }

  static func subject(_ subject: LiveComparison.Subject) -> String {
    switch subject {
    case .memory: return "RAM"
    case .noMap: return "no-map"
    case .reserved: return "reserved regions"
    }
  }

  static func detail(_ check: LiveComparison.RangeCheck) -> String {
    switch check.subject {
    case .reserved: return "\(LintTextRenderer.counted(check.compared, "region")) predicted reserved"
    case .memory, .noMap: return "\(LintTextRenderer.counted(check.compared, "range")) predicted"
    }
  }
}
