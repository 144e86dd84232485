import Foundation
import Testing
import TestSupport
import Yams

/// The CI integrations users copy: `action.yml`, `.pre-commit-hooks.yaml` and the GitLab job in
/// docs/ci.md. Each parses, has the keys its host requires, names only memmap flags that exist,
/// and its commands run against fixtures with the exit statuses CI relies on.
@Suite struct IntegrationFileTests {
  static let repository: String = (Fixtures.root as NSString).deletingLastPathComponent
  static let clean = Fixtures.dtb("lint", "clean")
  static let overlap = Fixtures.dtb("lint", "reserved-overlap")

  static func yaml(_ relative: String) throws -> Node {
    let text = try String(contentsOfFile: repository + "/" + relative, encoding: .utf8)
    return try #require(try Yams.compose(yaml: text))
  }

  /// The `--flags` that follow `memmap lint` in `script`.
  static func lintFlags(_ script: String) -> [String] {
    script.components(separatedBy: "\n").filter { $0.contains("lint") }.flatMap { line in
      line.split(separator: " ").filter { $0.hasPrefix("--") }.map(String.init)
    }
  }

  /// Fails for each flag `memmap lint --help` does not list.
  static func expectLintFlagsExist(_ flags: [String]) throws {
    let help = try Binary.run(["lint", "--help"]).stdout
    for flag in Set(flags) { #expect(help.contains(flag + " ") || help.contains(flag + "\n"), "\(flag)") }
  }

  /// Runs a step's bash script as GitHub would, with the step's env (inputs substituted).
  static func runStep(_ script: String, env: [String: String]) throws -> (status: Int32, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-e", "-c", script]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("memmap-action-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["GITHUB_OUTPUT"] = folder.path + "/output"
    environment["GITHUB_STEP_SUMMARY"] = folder.path + "/summary"
    for (key, value) in env { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  // MARK: - GitHub Action

  @Test("action.yml: a composite action whose steps have shells and use only declared inputs")
  func actionShape() throws {
    let action = try Self.yaml("action.yml")
    for key in ["name", "description", "inputs", "runs"] { #expect(action[key] != nil, "\(key)") }
    let inputs = Set(action["inputs"]?.mapping?.keys.compactMap(\.string) ?? [])
    #expect(inputs == ["paths", "args", "upload-sarif", "memmap"])
    #expect(action["inputs"]?["paths"]?["required"]?.bool == true)
    #expect(action["runs"]?["using"]?.string == "composite")
    let steps = try #require(action["runs"]?["steps"]?.sequence)
    let text = try String(contentsOfFile: Self.repository + "/action.yml", encoding: .utf8)
    for match in text.matches(of: /inputs\.([a-z-]+)/) { #expect(inputs.contains(String(match.1))) }
    for step in steps {
      guard let run = step["run"]?.string else {
        #expect(step["uses"]?.string == "github/codeql-action/upload-sarif@v3")
        continue
      }
      // Composite run steps must name their shell; inputs reach scripts only through env.
      #expect(step["shell"]?.string == "bash")
      #expect(!run.contains("${{"), "an expression inside a script is a script injection")
    }
    try Self.expectLintFlagsExist(Self.lintFlags(steps.compactMap { $0["run"]?.string }.joined(separator: "\n")))
  }

  @Test("action.yml: the lint steps gate on findings and write SARIF", arguments: [(false, Int32(0)), (true, Int32(1))])
  func actionLintSteps(_ withOverlap: Bool, _ gateStatus: Int32) throws {
    let steps = try #require(try Self.yaml("action.yml")["runs"]?["steps"]?.sequence)
    let env = ["MEMMAP": Binary.path, "MEMMAP_ARGS": "--kernel 6.12",
               "MEMMAP_PATHS": Self.clean + (withOverlap ? " " + Self.overlap : "")]
    let gate = try #require(steps.first { $0["name"]?.string == "Lint (annotations and step summary)" }?["run"]?.string)
    let annotations = try Self.runStep(gate, env: env)
    #expect(annotations.status == gateStatus)
    #expect(annotations.stdout.contains("::error ") == withOverlap)
    let sarif = try #require(steps.first { $0["id"]?.string == "sarif" }?["run"]?.string)
    // The SARIF step succeeds on findings (the gate reports them) and leaves the file.
    let written = try Self.runStep(sarif + "\ntest -s memmap.sarif && python3 -c 'import json; json.load(open(\"memmap.sarif\"))'", env: env)
    #expect(written.status == 0)
    let broken = try Self.runStep(sarif, env: env.merging(["MEMMAP_PATHS": "/nonexistent.dtb"]) { $1 })
    #expect(broken.status == 2, "an unusable input fails the step")
  }

  // MARK: - pre-commit

  @Test(".pre-commit-hooks.yaml: valid hooks that lint the changed trees pre-commit passes")
  func preCommit() throws {
    let hooks = try #require(try Self.yaml(".pre-commit-hooks.yaml").sequence)
    #expect(hooks.compactMap { $0["id"]?.string } == ["memmap-lint", "memmap-lint-system"])
    for hook in hooks {
      for key in ["id", "name", "entry", "language"] { #expect(hook[key]?.string != nil, "\(key)") }
      // pre-commit's languages that build or find a binary (pre-commit docs, "Supported languages").
      #expect(["swift", "system"].contains(hook["language"]?.string ?? ""))
      let files = try Regex(try #require(hook["files"]?.string))
      #expect(("board.dtb").contains(files) && ("arch/arm64/boot/dts/a/b.dts").contains(files))
      #expect(!("README.md").contains(files) && !("soc.dtsi").contains(files))
      // pre-commit runs `entry args... file...`: `memmap lint` then the changed files.
      let entry = try #require(hook["entry"]?.string).split(separator: " ").map(String.init)
      #expect(entry.first == "memmap")
      let clean = try Binary.run(Array(entry.dropFirst()) + [Self.clean])
      let dirty = try Binary.run(Array(entry.dropFirst()) + [Self.clean, Self.overlap])
      #expect(clean.status == 0 && dirty.status == 1)
    }
  }

  // MARK: - GitLab

  @Test("docs/ci.md's GitLab job: valid YAML, its reports are the files its script writes")
  func gitLab() throws {
    let text = try String(contentsOfFile: Self.repository + "/docs/ci.md", encoding: .utf8)
    let after = try #require(text.components(separatedBy: "<!-- memmap:gitlab-ci -->").last)
    let block = try #require(after.components(separatedBy: "```yaml\n").dropFirst().first?
      .components(separatedBy: "```").first)
    let job = try #require(try Yams.compose(yaml: block)?["memmap"])
    let lines = try #require(job["script"]?.sequence)
    let script = lines.compactMap { $0.string }
    let reports = try #require(job["artifacts"]?["reports"])
    #expect(job["artifacts"]?["when"]?.string == "always")
    for (kind, format) in [("codequality", "codequality"), ("junit", "junit")] {
      let file = try #require(reports[kind]?.string)
      #expect(script.contains { $0.contains("--format \(format)") && $0.contains("> \(file)") }, "\(kind)")
    }
    #expect(script.last?.contains("memmap lint") == true, "the last command decides the job")
    try Self.expectLintFlagsExist(Self.lintFlags(script.joined(separator: "\n")))
  }
}
