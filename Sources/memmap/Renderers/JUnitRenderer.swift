import MemoryMap

/// `memmap lint --format junit`: one test suite per file, one test case per enabled rule, so
/// that passing rules show as passed tests in GitLab, Jenkins and the like.
///
/// A rule fails its test case when it fired at or above `--fail-on`; findings below it are
/// listed in the case's `system-out`. An unreadable file is a suite with one `error`; the rules
/// that need RAM are `skipped` for a file whose RAM is unknown.
enum JUnitRenderer {
  static func render(_ report: LintReport) -> String {
    let rules = report.selection.rules
    let suites = report.files.map { suite($0, rules: rules, selection: report.selection) }
    let failures = suites.reduce(0) { $0 + $1.failures }
    let errors = suites.reduce(0) { $0 + $1.errors }
    let tests = suites.reduce(0) { $0 + $1.tests }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<testsuites name=\"memmap lint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
      + suites.map(\.xml).joined() + "</testsuites>\n"
  }

  /// One suite's XML and counts.
  struct Suite {
    var xml: String
    var tests: Int
    var failures: Int
    var errors: Int
  }

  static func suite(_ file: LintedFile, rules: [Rule], selection: RuleSelection) -> Suite {
    let name = XML.attribute(file.path)
    if let error = file.error {
      let message = XML.attribute(ErrorText.line(for: error))
      let xml = "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
        + "    <testcase classname=\"\(XML.attribute(className(file.path)))\" name=\"load\">"
        + "<error message=\"\(message)\" type=\"unreadable\"/></testcase>\n  </testsuite>\n"
      return Suite(xml: xml, tests: 1, failures: 0, errors: 1)
    }
    var cases = ""
    var failures = 0
    for rule in rules {
      let found = file.findings.filter { $0.rule == rule }
      let failing = found.filter(selection.fails)
      if !failing.isEmpty { failures += 1 }
      if !file.ramKnown && RuleCatalogue.needingRAM.contains(rule) {
        cases += skippedCase(rule, file: file.path)
        continue
      }
      cases += testCase(rule, file: file.path, failing: failing, other: found.filter { !selection.fails($0) })
    }
    let xml = "  <testsuite name=\"\(name)\" tests=\"\(rules.count)\" failures=\"\(failures)\" errors=\"0\">\n"
      + cases + "  </testsuite>\n"
    return Suite(xml: xml, tests: rules.count, failures: failures, errors: 0)
  }

  /// A rule's test case: a `failure` with every failing finding, `system-out` with the rest.
  static func testCase(_ rule: Rule, file: String, failing: [Finding], other: [Finding]) -> String {
    let open = "    <testcase classname=\"\(XML.attribute(className(file)))\""
      + " name=\"\(XML.attribute(FindingLine.title(rule)))\""
    if failing.isEmpty && other.isEmpty { return open + "/>\n" }
    var out = open + ">\n"
    if let first = failing.first {
      let body = failing.map { LintTextRenderer.line($0, file: file) }
      out += "      <failure message=\"\(XML.attribute(first.message))\" type=\"\(first.severity.rawValue)\">"
        + XML.lines(body) + "</failure>\n"
    }
    if !other.isEmpty {
      let body = other.map { LintTextRenderer.line($0, file: file) }
      out += "      <system-out>" + XML.lines(body) + "</system-out>\n"
    }
    return out + "    </testcase>\n"
  }

  /// A rule that needs RAM, for a file whose RAM is unknown: not checked.
  static func skippedCase(_ rule: Rule, file: String) -> String {
    "    <testcase classname=\"\(XML.attribute(className(file)))\""
      + " name=\"\(XML.attribute(FindingLine.title(rule)))\"><skipped message=\"RAM unknown\"/></testcase>\n"
  }

  /// `memmap.boards.foo` for `boards/foo.dtb`: reporters read the part before the last dot as
  /// a package, so the path becomes dotted, without its extension and leading dots.
  static func className(_ path: String) -> String {
    let name = path.hasSuffix(".dtb") ? path.dropLast(4) : Substring(path)
    let parts = name.split(separator: "/").map { $0.drop { $0 == "." } }.filter { !$0.isEmpty }
    return (["memmap"] + parts.map(String.init)).joined(separator: ".")
  }
}
