import MemoryMap

/// The formats of `memmap lint`.
enum LintFormat: String, CaseIterable {
  case text
  case json
  case sarif
  case github
  case junit
  /// GitLab's Code Quality report.
  case codequality

  /// `style` colours the text format; the machine formats never carry colour.
  func render(_ report: LintReport, style: Style = Style(enabled: false)) -> String {
    switch self {
    case .text: return LintTextRenderer.render(report, style: style)
    case .json: return LintJSONRenderer.render(report)
    case .sarif: return SARIFRenderer.render(report)
    case .github: return GitHubRenderer.render(report)
    case .junit: return JUnitRenderer.render(report)
    case .codequality: return CodeQualityRenderer.render(report)
    }
  }
}
