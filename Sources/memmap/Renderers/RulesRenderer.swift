import MemoryMap

/// The rule catalogue as text (`memmap rules`) and as `docs/rules.md`
/// (`memmap rules --format markdown --fixtures Fixtures`), so the docs page is generated from
/// the same list as SARIF's `rules[]` and never drifts from it.
enum RulesRenderer {
  /// One line per rule: `MM001  reserved-overlap  error  Two reserved regions overlap.`
  static func text(_ rules: [Rule]) -> String {
    var table = TextTable(["ID", "NAME", "SEVERITY", "FOR", "SUMMARY"])
    for rule in rules {
      table.add([rule.id, rule.name, rule.defaultSeverity.rawValue, rule.consumer.rawValue, rule.summary])
    }
    return table.render(indent: 0)
  }

  /// The docs page. `fixture` returns the text of a fixture (`lint/reserved-overlap.dts`)
  /// to show as the rule's example, or nil to leave the example out.
  static func markdown(_ rules: [Rule], fixture: (String) -> String?) -> String {
    var out = """
      # memmap lint rules

      <!-- Generated from Sources/MemoryMap/Findings/RuleCatalogue.swift by \
      `memmap rules --format markdown --fixtures Fixtures`; do not edit. -->

      Every finding names a rule: a stable id (`MM` and three digits, never reused), a name, \
      a default severity and whose behaviour it predicts. `memmap lint` checks all of them; \
      `--enable` and `--disable` take an id or a name. Each rule says why it matters and \
      where the behaviour it predicts is defined (kernel and U-Boot source files and \
      functions, specification sections); its example is its fixture under `Fixtures/`, \
      which the test suite lints.


      """
    var index = TextTable(["Id", "Name", "Severity", "For", "Summary"])
    for rule in rules {
      index.add(["[\(rule.id)](#\(rule.id.lowercased()))", "`\(rule.name)`", rule.defaultSeverity.rawValue,
                 rule.consumer.rawValue, rule.summary])
    }
    out += index.renderMarkdown()
    for rule in rules { out += "\n" + section(rule, example: fixture(rule.fixture)) }
    return out
  }

  /// One rule's section, with an anchor `#mm001` that SARIF's `helpUri` points at.
  static func section(_ rule: Rule, example: String?) -> String {
    var out = "<a id=\"\(rule.id.lowercased())\"></a>\n\n"
    out += "## \(FindingLine.title(rule))\n\n"
    out += "\(rule.summary)\n\n"
    out += "- Severity: \(rule.defaultSeverity.rawValue)\n"
    out += "- For: \(rule.consumer.rawValue)\n"
    out += "- Fixture: [`Fixtures/\(rule.fixture)`](../Fixtures/\(rule.fixture))\n\n"
    out += "\(rule.rationale)\n"
    if !rule.sources.isEmpty {
      out += "\nSources:\n\n" + rule.sources.map { "- \($0)\n" }.joined()
    }
    if let example { out += "\n```dts\n" + example + (example.hasSuffix("\n") ? "" : "\n") + "```\n" }
    return out
  }
}
