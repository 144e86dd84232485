import MemoryMap

/// The text of `memmap check-log`: agreement in one line, or the differing lines marked
/// `-` (predicted, not in the log) and `+` (in the log, not predicted).
enum CheckLogRenderer {
  /// File names and lines (from the tree and the log) are written through `VisibleText`.
  /// With colour, `-` lines are red, `+` lines green and the `---`/`+++` header bold.
  static func render(_ comparison: KernelLogComparison, dtb: String, log: String,
                     profile: KernelProfile, style: Style = Style(enabled: false)) -> String {
    render(comparison, dtb: dtb, log: log, predictor: "Linux \(profile.name)", style: style)
  }

  /// The same for any predictor: `Linux 6.12`, `U-Boot 2026.10`.
  static func render(_ comparison: KernelLogComparison, dtb: String, log: String,
                     predictor: String, style: Style = Style(enabled: false)) -> String {
    style.lines(plain(comparison, dtb: dtb, log: log, predictor: predictor), DiffColours.unified(style))
  }

  static func plain(_ comparison: KernelLogComparison, dtb: String, log: String,
                    profile: KernelProfile) -> String {
    plain(comparison, dtb: dtb, log: log, predictor: "Linux \(profile.name)")
  }

  static func plain(_ comparison: KernelLogComparison, dtb: String, log: String,
                    predictor: String) -> String {
    let (dtb, log) = (VisibleText.escape(dtb), VisibleText.escape(log))
    let count = comparison.lines.count
    if comparison.agrees {
      return "\(log): agrees with the \(predictor) prediction for \(dtb) (\(count) lines)\n"
    }
    var out = "\(log): differs from the \(predictor) prediction for \(dtb)\n"
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

  /// One line on which profile check-log uses when the log's release is not one memmap
  /// recorded, has no `Linux version` line, or `--kernel` overrides it; nil when they agree.
  static func versionNote(logged: KernelLogVersion?, profile: KernelProfile, chosen: Bool) -> String? {
    guard let logged else {
      return "no 'Linux version' line; comparing with the Linux \(profile.label) prediction"
    }
    if chosen {
      return logged.series == profile.name
        ? nil : "the log is from Linux \(logged.text); comparing with Linux \(profile.label) as --kernel says"
    }
    if logged.exactVersion != nil { return nil }
    let order = logged.printsRegionLinesSorted ? " (region lines compared in address order)" : ""
    return "no profile for Linux \(logged.text); comparing with the nearest, Linux \(profile.label)\(order)"
  }
}
