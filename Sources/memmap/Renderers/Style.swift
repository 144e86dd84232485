import MemoryMap

/// ANSI styling, active only when colour is wanted (`TerminalOptions.colour`). Styles wrap
/// text that is already escaped (`VisibleText`); a renderer never styles raw tree bytes.
struct Style {
  var enabled: Bool

  func bold(_ text: String) -> String { paint(text, "1") }
  func red(_ text: String) -> String { paint(text, "31") }
  func green(_ text: String) -> String { paint(text, "32") }
  func yellow(_ text: String) -> String { paint(text, "33") }
  func cyan(_ text: String) -> String { paint(text, "36") }

  func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return red(severity.rawValue)
    case .warning: return yellow(severity.rawValue)
    case .note: return cyan(severity.rawValue)
    }
  }

  /// `text` with each line painted by `colour(line)`: a diff's `-`/`+` lines, for example.
  func lines(_ text: String, _ colour: (Substring) -> ((String) -> String)?) -> String {
    guard enabled else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in colour(line).map { $0(String(line)) } ?? String(line) }
      .joined(separator: "\n")
  }

  private func paint(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

/// Which colour each line of a difference gets.
enum DiffColours {
  /// Unified-diff lines: `---`/`+++` headers bold, `-` red, `+` green.
  static func unified(_ style: Style) -> (Substring) -> ((String) -> String)? {
    { line in
      if line.hasPrefix("--- ") || line.hasPrefix("+++ ") { return style.bold }
      if line.hasPrefix("-") { return style.red }
      if line.hasPrefix("+") { return style.green }
      return nil
    }
  }

  /// `memmap diff --format text`: the headers bold, `-` and `+` lines red and green, region
  /// rows by their change: added green, removed red, any other change yellow.
  static func diff(_ style: Style) -> (Substring) -> ((String) -> String)? {
    let words = Set(MapDiff.Change.allCases.map(\.rawValue))
    return { line in
      if line.hasPrefix("--- ") || line.hasPrefix("+++ ") { return style.bold }
      if line.hasPrefix("  - ") { return style.red }
      if line.hasPrefix("  + ") { return style.green }
      guard line.hasPrefix("  ") else { return nil }
      let changes = line.dropFirst(2).prefix { $0 != " " }.split(separator: ",").map(String.init)
      guard !changes.isEmpty, changes.allSatisfy(words.contains) else { return nil }
      return changes == ["added"] ? style.green : changes == ["removed"] ? style.red : style.yellow
    }
  }
}
