import Foundation
import Testing
import TestSupport

/// The JSON of inspect, lint and diff, run over the fixtures, against the schemas users get in
/// `docs/schemas` (docs/json.md). `--strict` also fails on a key the schema does not list, so a
/// new key cannot appear without being documented.
@Suite struct JSONSchemaTests {
  static let repository = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().path
  static let checker = repository + "/scripts/check-schema.py"

  /// Nil when `json` is valid against `docs/schemas/<schema>`, else the checker's complaint.
  static func problem(_ json: String, schema: String) throws -> String? {
    try Python.problem(
      with: json, suffix: ".json",
      script: "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
      arguments: [checker, "--strict", repository + "/docs/schemas/" + schema])
  }

  /// Every compiled fixture, sorted: trees that load and trees that do not.
  static var allDTBs: [String] {
    let root = Fixtures.dtbRoot
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix(".dtb") }.sorted().map { root + "/" + $0 }
  }

  @Test("inspect --format json of every fixture, for each kernel profile", arguments: ["6.1", "6.12"])
  func inspect(kernel: String) throws {
    let dtbs = Self.allDTBs
    try #require(dtbs.count > 50, "run `make fixtures` first")
    let run = try Binary.run(["inspect", "--format", "json", "--kernel", kernel] + dtbs)
    #expect(run.stdout.hasPrefix("["))
    if let problem = try Self.problem(run.stdout, schema: "inspect.schema.json") { Issue.record(Comment(rawValue: problem)) }
  }

  @Test("inspect --format json with each firmware map: efiSource firmware")
  func inspectWithFirmwareMap() throws {
    let maps = Fixtures.names(in: "efi", suffix: ".txt").filter { $0.contains(".efi") && !$0.hasPrefix("garbage") }
    try #require(!maps.isEmpty)
    for map in maps {
      let tree = String(map.prefix { $0 != "." })
      let run = try Binary.run(["inspect", "--format", "json", "--efi-map", Fixtures.path("efi/\(map).txt"),
                                Fixtures.dtb("efi", tree)])
      #expect(run.stdout.contains("\"efiSource\" : \"firmware\""), "\(map)")
      if let problem = try Self.problem(run.stdout, schema: "inspect.schema.json") {
        Issue.record(Comment(rawValue: "\(map): \(problem)"))
      }
    }
  }

  @Test("lint --format json of every fixture, unreadable ones included")
  func lint() throws {
    let run = try Binary.run(["lint", "--format", "json", "--fail-on", "note", Fixtures.dtbRoot])
    #expect(run.status == 2)  // Fixtures/errors holds trees memmap refuses
    #expect(run.stdout.contains("\"error\" : "))
    if let problem = try Self.problem(run.stdout, schema: "lint.schema.json") { Issue.record(Comment(rawValue: problem)) }
  }

  @Test("diff --format json of the base tree against each changed one, and --matrix")
  func diff() throws {
    let cases = Fixtures.names(in: "diff", suffix: ".dts").filter { $0 != "base" }
    try #require(!cases.isEmpty)
    for name in cases {
      let run = try Binary.run(["diff", "--format", "json", Fixtures.dtb("diff", "base"), Fixtures.dtb("diff", name)])
      #expect(run.status == 1, "\(name) differs from base")
      if let problem = try Self.problem(run.stdout, schema: "diff.schema.json") {
        Issue.record(Comment(rawValue: "\(name): \(problem)"))
      }
    }
    let matrix = try Binary.run(["diff", "--matrix", "--format", "json"] + (["base"] + cases).map { Fixtures.dtb("diff", $0) })
    #expect(matrix.stdout.contains("\"board-specific\"") || matrix.stdout.contains("\"varies\""))
    if let problem = try Self.problem(matrix.stdout, schema: "diff.schema.json") { Issue.record(Comment(rawValue: problem)) }
  }

  /// A side of a diff is inspect's region object: an unplaced dynamic region has `base: null`
  /// (Fixtures/kernel/49-multi-reg-later-entries: `dyn` fails under 6.12, 7.2 places it).
  @Test("diff --format json with an unplaced region on one side")
  func diffUnplaced() throws {
    let run = try Binary.run(["diff", "--format", "json", "--kernel", "6.12", "--to-kernel", "7.2",
                              Fixtures.dtb("kernel", "49-multi-reg-later-entries")])
    #expect(run.status == 1)
    #expect(run.stdout.contains("\"base\" : null"))
    if let problem = try Self.problem(run.stdout, schema: "diff.schema.json") { Issue.record(Comment(rawValue: problem)) }
  }

  @Test("the schemas refuse what the format forbids: a number for an address, an unknown status")
  func schemasCanFail() throws {
    let good = try Binary.run(["inspect", "--format", "json", Fixtures.dtb("boards", "example-board")]).stdout
    #expect(try Self.problem(good, schema: "inspect.schema.json") == nil)
    let numericBase = good.replacingOccurrences(of: "\"base\" : \"0x80000000\"", with: "\"base\" : 2147483648")
    #expect(numericBase != good)
    #expect(try Self.problem(numericBase, schema: "inspect.schema.json") != nil)
    let badStatus = good.replacingOccurrences(of: "\"status\" : \"disabled\"", with: "\"status\" : \"off\"")
    #expect(badStatus != good)
    #expect(try Self.problem(badStatus, schema: "inspect.schema.json") != nil)
    let extraKey = good.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 1, \"undocumented\" : 0")
    #expect(try Self.problem(extraKey, schema: "inspect.schema.json") != nil)
  }
}
