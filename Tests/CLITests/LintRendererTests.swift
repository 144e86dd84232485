import DeviceTree
import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// The lint formats on fixtures, against golden files beside them
/// (`Fixtures/lint/NAME.text.txt`, `.json`, `.sarif.json`, `.github.txt`, `.junit.xml`,
/// `.codequality.json`).
@Suite struct LintRendererGoldenTests {
  static let fixtures = ["reserved-overlap", "range-wraps"]

  /// The report `memmap lint lint/NAME.dtb` builds, with that relative path as the file name.
  static func report(_ fixtures: [String], selection: RuleSelection = .all) throws -> LintReport {
    let files = try fixtures.map { name in
      let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("lint", name))
      let report = try MapReport.make(blob, options: MapOptions())
      return LintedFile(report, path: "lint/\(name).dtb", selection: selection)
    }
    return LintReport(files: files, selection: selection, kernel: "6.12")
  }

  static func check(_ text: String, golden: String) {
    if let problem = Golden.mismatch(text, golden: golden) { Issue.record(Comment(rawValue: problem)) }
  }

  /// JSON is compared as values, so that key order and spacing do not matter.
  static func checkJSON(_ text: String, golden: String) throws {
    let expected = try? Fixtures.text(golden)
    let record = ProcessInfo.processInfo.environment["MEMMAP_RECORD"] == "1"
    if !record, let expected, try parse(expected) == parse(text) { return }
    check(text, golden: golden)
  }

  static func parse(_ text: String) throws -> NSObject {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
  }

  @Test("text", arguments: fixtures)
  func text(_ name: String) throws {
    Self.check(LintTextRenderer.render(try Self.report([name])), golden: "lint/\(name).text.txt")
  }

  @Test("json", arguments: fixtures)
  func json(_ name: String) throws {
    try Self.checkJSON(LintJSONRenderer.render(try Self.report([name])), golden: "lint/\(name).json")
  }

  @Test("sarif", arguments: fixtures)
  func sarif(_ name: String) throws {
    try Self.checkJSON(SARIFRenderer.render(try Self.report([name])), golden: "lint/\(name).sarif.json")
  }

  @Test("github", arguments: fixtures)
  func github(_ name: String) throws {
    Self.check(GitHubRenderer.render(try Self.report([name])), golden: "lint/\(name).github.txt")
  }

  @Test("junit", arguments: fixtures)
  func junit(_ name: String) throws {
    Self.check(JUnitRenderer.render(try Self.report([name])), golden: "lint/\(name).junit.xml")
  }

  @Test("codequality", arguments: fixtures)
  func codeQuality(_ name: String) throws {
    let text = CodeQualityRenderer.render(try Self.report([name]))
    try Self.checkJSON(text, golden: "lint/\(name).codequality.json")
    // GitLab's required fields (docs: "Code Quality report format"): one issue per finding.
    let issues = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(issues.count == (try Self.report([name])).findings.count)
    for issue in issues {
      #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
      #expect((issue["location"] as? [String: Any])?["path"] as? String == "lint/\(name).dtb")
      #expect(((issue["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 1)
    }
    #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == issues.count)
  }
}

/// SARIF against the OASIS 2.1.0 schema (`Fixtures/schemas`), with python3's `jsonschema`.
@Suite struct LintSARIFTests {
  /// Validates `sarif` and returns nil, or the validator's complaint.
  static func schemaProblem(_ sarif: String) throws -> String? {
    try Python.problem(
      with: sarif, suffix: ".json",
      script: "import jsonschema, json, sys; "
        + "jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))",
      arguments: [Fixtures.path("schemas/sarif-schema-2.1.0.json")])
  }


  @Test("every fixture's SARIF, and a run with an unreadable file, validate against the schema")
  func schema() throws {
    var report = try LintRendererGoldenTests.report(Fixtures.names(in: "lint", suffix: ".dts"))
    let odd = "odd name%,:.dtb"
    report.files.append(LintedFile(path: odd, result: .failure(DeviceTreeError(file: odd, reason: .fdt(.truncated)))))
    let problem = try Self.schemaProblem(SARIFRenderer.render(report))
    #expect(problem == nil, Comment(rawValue: problem ?? ""))
  }

  @Test("a document the schema rejects is rejected (the validator really runs)")
  func validatorRuns() throws {
    #expect(try Self.schemaProblem(#"{"version": "2.0.0", "runs": []}"#) != nil)
  }

  @Test("rules come from the catalogue; results point at their rule, file and nodes")
  func structure() throws {
    let log = SARIFRenderer.log(try LintRendererGoldenTests.report(["reserved-overlap"]))
    let driver = log.runs[0].tool.driver
    #expect(driver.rules.map(\.id) == RuleCatalogue.all.map(\.id))
    #expect(driver.rules[0].help.text.contains("docs/rules.md#mm001"))
    let result = try #require(log.runs[0].results.first)
    #expect(result.ruleId == "MM001" && driver.rules[result.ruleIndex].id == "MM001")
    #expect(result.locations[0].physicalLocation.artifactLocation.uri == "lint/reserved-overlap.dtb")
    #expect(result.locations[0].logicalLocations?.map(\.fullyQualifiedName)
            == ["/reserved-memory/mailbox@50100000", "/reserved-memory/firmware@50000000"])
  }

  @Test("fingerprints ignore the message, and differ by rule, file, node and occurrence")
  func fingerprints() {
    let a = Finding(rule: RuleCatalogue.zeroSize, message: "at 0x1", nodes: ["/reserved-memory/x"])
    var moved = a
    moved.message = "at 0x2"
    let print = { (f: Finding, file: String, n: Int) in FindingFingerprint.of(f, file: file, occurrence: n) }
    #expect(print(a, "a.dtb", 0) == print(moved, "a.dtb", 0))
    #expect(print(a, "a.dtb", 0) != print(a, "b.dtb", 0))
    #expect(print(a, "a.dtb", 0) != print(a, "a.dtb", 1))
    var other = a
    other.nodes = ["/reserved-memory/y"]
    #expect(print(a, "a.dtb", 0) != print(other, "a.dtb", 0))
    #expect(print(a, "a.dtb", 0).count == 16 + 2)
  }

  @Test("file names become URI references")
  func uris() {
    #expect(SARIFRenderer.uri("boards/foo.dtb") == "boards/foo.dtb")
    #expect(SARIFRenderer.uri("/tmp/a b.dtb") == "file:///tmp/a%20b.dtb")
    #expect(SARIFRenderer.uri("x:y%.dtb") == "x%3Ay%25.dtb")
  }
}

/// GitHub workflow commands: actions/toolkit's escaping, severity order, the step summary.
@Suite struct LintGitHubTests {
  @Test("data escapes %, CR and LF; properties also : and ,")
  func escaping() {
    #expect(GitHubRenderer.escapeData("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad")
    #expect(GitHubRenderer.escapeProperty("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad")
    // A line break in a message is untrusted text: shown as `\n` by VisibleText before
    // GitHub's escaping, so the log viewer shows it and an ESC cannot colour the log.
    #expect(GitHubRenderer.command("error", file: "dir,1/a:b%.dtb", title: "MM001 x", "line1\nline2 50%\u{1B}[2J")
            == "::error file=dir%2C1/a%3Ab%25.dtb,title=MM001 x::line1\\nline2 50%25\\x1b[2J")
  }

  @Test("errors first, then warnings, then notes as notices; one line per finding")
  func order() {
    let finding = { (rule: Rule, node: String) in Finding(rule: rule, message: "m: 1,\n2", nodes: [node]) }
    let files = [
      LintedFile(path: "a.dtb", result: .success([finding(RuleCatalogue.regAndSize, "/n"),
                                                  finding(RuleCatalogue.zeroSize, "/w")])),
      LintedFile(path: "b,c.dtb", result: .success([finding(RuleCatalogue.reservedOverlap, "/e")])),
    ]
    let text = GitHubRenderer.render(LintReport(files: files, selection: .all, kernel: "6.12"))
    #expect(text == """
      ::error file=b%2Cc.dtb,title=MM001 reserved-overlap::/e: m: 1,\\n2
      ::warning file=a.dtb,title=MM017 zero-size::/w: m: 1,\\n2
      ::notice file=a.dtb,title=MM022 reg-and-size::/n: m: 1,\\n2
      2 files, 1 error, 1 warning, 1 note

      """)
  }

  @Test("the step summary counts per rule and per file, with | escaped")
  func stepSummary() {
    let f = Finding(rule: RuleCatalogue.zeroSize, message: "m", nodes: ["/w"])
    let files = [LintedFile(path: "a|b.dtb", result: .success([f, f])),
                 LintedFile(path: "clean.dtb", result: .success([]))]
    let text = GitHubRenderer.stepSummary(LintReport(files: files, selection: .all, kernel: "6.12"))
    #expect(text.contains("| MM017 zero-size | warning | 2 |"))
    #expect(text.contains("| a\\|b.dtb | 0 | 2 | 0 |"))
    #expect(!text.contains("clean.dtb"))
  }
}

/// JUnit: one suite per file, one case per enabled rule, XML escaped.
@Suite struct LintJUnitTests {
  @Test("escapes & < > \" ' in attributes and text; controls visible, line breaks only between lines")
  func escaping() {
    #expect(XML.attribute("a&b<c>\"d'\ne") == "a&amp;b&lt;c&gt;&quot;d&apos;\\ne")
    #expect(XML.text("a&b<c>\"d'\ne") == "a&amp;b&lt;c&gt;\"d'\\ne")
    #expect(XML.text("bell\u{7}\u{202E}") == "bell\\x07\\u{202e}")
    #expect(XML.lines(["a\nb", "c"]) == "a\\nb\nc")
  }

  @Test("the document parses, fails only rules at or above fail-on, names unreadable files")
  func structure() throws {
    let findings = [
      Finding(rule: RuleCatalogue.reservedOverlap, message: "<&\"'>", nodes: ["/a"]),
      Finding(rule: RuleCatalogue.zeroSize, message: "w", nodes: ["/b"]),
    ]
    let files = [
      LintedFile(path: "dir/x&y.dtb", result: .success(findings)),
      LintedFile(path: "bad.dtb", result: .failure(DeviceTreeError(file: "bad.dtb", reason: .fdt(.badMagic)))),
    ]
    let selection = try RuleSelection(enable: ["MM001", "MM017", "MM002"])
    let xml = JUnitRenderer.render(LintReport(files: files, selection: selection, kernel: "6.12"))
    let parser = XMLParser(data: Data(xml.utf8))
    #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))\n\(xml)")
    #expect(xml.contains(#"<testsuites name="memmap lint" tests="4" failures="1" errors="1">"#))
    #expect(xml.contains(#"<testsuite name="dir/x&amp;y.dtb" tests="3" failures="1" errors="0">"#))
    #expect(xml.contains(#"<failure message="&lt;&amp;&quot;&apos;&gt;" type="error">"#))
    #expect(xml.contains(#"<testcase classname="memmap.dir.x&amp;y" name="MM002 memreserve-overlap"/>"#))
    #expect(xml.contains("<system-out>dir/x&amp;y.dtb: warning: [MM017 zero-size] /b: w</system-out>"))
    #expect(xml.contains(#"<error message="bad.dtb: not a device tree blob (bad magic) (FDT_ERR_BADMAGIC)""#))
  }
}

/// `docs/rules.md` is generated from the catalogue and its fixtures; this keeps it current
/// (`MEMMAP_RECORD=1` rewrites it).
@Suite struct LintRulesDocTests {
  @Test("docs/rules.md equals `memmap rules --format markdown --fixtures Fixtures`")
  func docsPage() {
    let page = RulesRenderer.markdown(RuleCatalogue.all) { try? Fixtures.text($0) }
    if let problem = Golden.mismatch(page, golden: "../docs/rules.md") { Issue.record(Comment(rawValue: problem)) }
  }

  @Test("every rule has a section with its anchor, summary, rationale and example")
  func sections() {
    let page = RulesRenderer.markdown(RuleCatalogue.all) { try? Fixtures.text($0) }
    for rule in RuleCatalogue.all {
      #expect(page.contains("<a id=\"\(rule.id.lowercased())\"></a>\n\n## \(rule.id) \(rule.name)\n"))
      #expect(page.contains(rule.rationale))
    }
    #expect(page.components(separatedBy: "```dts").count == RuleCatalogue.all.count + 1)
  }
}
