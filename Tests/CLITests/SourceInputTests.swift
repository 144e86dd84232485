import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// Device-tree source as input: preprocessed and compiled as the kernel's build does, errors
/// as one line, and findings placed at the lines that wrote them. Build first (`make fixtures`,
/// `swift build`).
@Suite struct SourceInputTests {
  static let base = Fixtures.path("input/base.dts")
  static let kernelStyle = Fixtures.path("sources/kernel-style/board.dts")
  static let kernelInclude = Fixtures.path("sources/kernel-style/include")
  /// The same tree compiled by the Makefile with cpp and dtc, as scripts/Makefile.lib does.
  static let kernelStyleDTB = Fixtures.dtb("sources/kernel-style", "board")

  /// A scratch folder for one test.
  static func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "memmap-source-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  // MARK: - Reading source

  @Test("source is told by content: a .dts under any name, and on standard input, reads as its DTB does")
  func detectedByContent() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let renamed = folder + "/board.txt"
    try FileManager.default.copyItem(atPath: Self.base, toPath: renamed)
    let dtb = try Binary.run(["inspect", "--format", "kernel-log", Fixtures.dtb("input", "base")])
    let named = try Binary.run(["inspect", "--format", "kernel-log", renamed])
    let piped = try Binary.run(["inspect", "--format", "kernel-log", "-"], stdin: try Fixtures.text("input/base.dts"))
    #expect(dtb.status == 0 && named.status == 0 && piped.status == 0, Comment(rawValue: named.stderr + piped.stderr))
    #expect(!dtb.stdout.isEmpty)
    #expect(named.stdout == dtb.stdout)
    #expect(piped.stdout == dtb.stdout)
  }

  @Test("a missing #include is one line naming the file and cpp's words, exit 2, and the next file is still read")
  func missingInclude() throws {
    let run = try Binary.run(["lint", Self.kernelStyle, Fixtures.dtb("input", "base")])
    #expect(run.status == 2)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("memmap: error: \(Self.kernelStyle): cpp failed: ") == true)
    #expect(run.stderr.contains("dt-bindings/memmap/layout.h: No such file or directory"))
    #expect(run.stdout.hasSuffix("2 files (1 unreadable), 0 errors, 0 warnings, 0 notes\n"))
  }

  @Test("dtc's syntax error is one line with dtc's place in the original file, exit 2")
  func syntaxError() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/broken.dts"
    try "/dts-v1/;\n/ {\n\tmodel = \"x\"\n};\n".write(toFile: file, atomically: true, encoding: .utf8)
    let run = try Binary.run(["inspect", file])
    #expect(run.status == 2)
    // dtc reports the error where the next token is: line 4, where `;` was expected.
    #expect(run.stderr == "memmap: error: \(file): dtc failed: \(file):4.1-2 syntax error\n")
  }

  @Test("without cpp on PATH, source input is one line saying what to install, exit 2")
  func missingTool() throws {
    let run = try Binary.run(["lint", Self.base], environment: ["PATH": "/nonexistent"])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(Self.base): cpp failed: cannot run it (not found on PATH); install cpp\n")
  }

  @Test("a source that includes /dev/zero fails on the tools' memory cap, not a hang")
  func endlessInclude() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "/dts-v1/;\n#include \"/dev/zero\"\n/ { };\n".write(toFile: folder + "/zero.dts", atomically: true, encoding: .utf8)
    // (dtc's /incbin/("/dev/zero") meets the same cap, after filling half of it: not run here.)
    let run = try Binary.run(["lint", folder + "/zero.dts"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("memmap: error: \(folder)/zero.dts: cpp failed: cc1: out of memory"))
  }

  @Test("a tool that runs past MEMMAP_TOOL_TIMEOUT is stopped with everything it started")
  func toolTimeout() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    try "/dts-v1/;\n#include \"\(fifo)\"\n/ { };\n".write(toFile: folder + "/fifo.dts", atomically: true, encoding: .utf8)
    let run = try Binary.run(["lint", folder + "/fifo.dts"], environment: ["MEMMAP_TOOL_TIMEOUT": "1"])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(folder)/fifo.dts: cpp failed: cpp: stopped after 1 s without finishing "
      + "(does the input include a device or a FIFO?)\n")
  }

  @Test("a .dtsi (source without /dts-v1/) is refused, not compiled into an empty tree")
  func fragmentRefused() throws {
    let run = try Binary.run(["lint", Fixtures.path("sources/kernel-style/vendor-soc.dtsi")])
    #expect(run.status == 2)
    #expect(run.stderr.contains("device-tree source without /dts-v1/ (a .dtsi?): #include it from a .dts"))
  }

  // MARK: - Findings at source lines

  /// The kernel-style fixture linted from source, in `format`.
  static func lintKernelStyle(_ format: String) throws -> Binary.Run {
    try Binary.run(["lint", "--format", format, "--include", kernelInclude, kernelStyle])
  }

  /// The fixture's text at `file:line:column` (1-based) to the end of the line.
  static func sourceText(_ file: String, line: Int, column: Int) throws -> Substring {
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    return lines[line - 1].dropFirst(column - 1)
  }

  @Test("text: each finding starts at the file, line and column that wrote it, through #includes")
  func textLocations() throws {
    let run = try Self.lintKernelStyle("text")
    #expect(run.status == 1)
    let folder = Fixtures.path("sources/kernel-style")
    let soc = folder + "/vendor-soc.dtsi"
    // Places in the fixture files themselves; each is checked against the text found there.
    let expected: [(String, Int, Int, String, String)] = [
      // The overlap is about optee's reg, written in board.dts.
      (Self.kernelStyle, 22, 3, "MM001 reserved-overlap", "reg = <REGION(DRAM_BASE + 0x80000"),
      // ramoops and its reg come from the SoC's .dtsi, two #includes down.
      (soc, 23, 4, "MM004 outside-memory", "reg = <REGION(0xf0000000"),
      (soc, 21, 3, "MM030 uboot-efi-outside-ram", "ramoops_reserved: ramoops@f0000000 {"),
    ]
    for (file, line, column, rule, text) in expected {
      #expect(try Self.sourceText(file, line: line, column: column).hasPrefix(text))
      let origin = file == Self.kernelStyle ? "" : " (from \(Self.kernelStyle))"
      let match = run.stdout.split(separator: "\n").first { $0.hasPrefix("\(file):\(line):\(column): ") && $0.contains("[\(rule)]") }
      #expect(match?.hasSuffix(origin) == true, Comment(rawValue: run.stdout))
    }
  }

  @Test("findings from source equal the DTB's but for their place")
  func sameFindingsAsDTB() throws {
    func findings(_ arguments: [String]) throws -> [[String: String]] {
      let run = try Binary.run(["lint", "--format", "json"] + arguments)
      let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
      let file = (document["files"] as! [[String: Any]])[0]
      return (file["findings"] as! [[String: Any]]).map { finding in
        ["rule": finding["rule"] as! String, "message": finding["message"] as! String,
         "nodes": (finding["nodes"] as! [String]).joined(separator: " ")]
      }
    }
    let source = try findings(["--include", Self.kernelInclude, Self.kernelStyle])
    let blob = try findings([Self.kernelStyleDTB])
    #expect(source.count == 5)
    #expect(source == blob)
  }

  @Test("GitHub annotations carry file, line and col")
  func githubLocations() throws {
    let run = try Self.lintKernelStyle("github")
    #expect(run.stdout.contains("::error file=\(Self.kernelStyle),line=22,col=3,title=MM001 reserved-overlap::"))
    let soc = Fixtures.path("sources/kernel-style/vendor-soc.dtsi")
    #expect(run.stdout.contains("::warning file=\(soc),line=23,col=4,title=MM004 outside-memory::"))
  }

  @Test("SARIF: schema-valid, a physicalLocation with a region beside the node's logical location")
  func sarifLocations() throws {
    let run = try Self.lintKernelStyle("sarif")
    let problem = try LintSARIFTests.schemaProblem(run.stdout)
    #expect(problem == nil, Comment(rawValue: problem ?? ""))
    let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    let results = ((document["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
    let overlap = try #require(results.first { $0["ruleId"] as? String == "MM001" })
    let location = (overlap["locations"] as! [[String: Any]])[0]
    let physical = location["physicalLocation"] as! [String: Any]
    #expect((physical["artifactLocation"] as! [String: String])["uri"] == "file://" + Self.kernelStyle)
    #expect(physical["region"] as? [String: Int] == ["startLine": 22, "startColumn": 3])
    let logical = (location["logicalLocations"] as! [[String: Any]]).map { $0["fullyQualifiedName"] as! String }
    #expect(logical.first == "/reserved-memory/optee@80080000")
  }

  // MARK: - The annotation reader

  @Test("dtc's annotations: labels skipped, the last '-' ends the place, <no-file> ignored, node moved to its statement")
  func annotationParsing() {
    let map = SourceMap(annotated: """
      / { /* a-b.dts:1:3-9:3 */
      \tlbl: node@1 { /* <stdin>:2:14-4:3, a-b.dts:7:8-7:20 */
      \t\tplab: reg = <0x01>; /* a-b.dts:3:3-3:14 */
      \t\ts = "x /* y */"; /* a-b.dts:8:2-8:9 */
      \t\tphandle = <0x01>; /* <no-file>:<no-line> */
      \t}; /* a-b.dts:2:14-4:3 */
      };
      """)
    #expect(map.location(node: "/node@1", property: "reg") == SourceLocation(file: "a-b.dts", line: 3, column: 3))
    #expect(map.location(node: "/node@1", property: "s") == SourceLocation(file: "a-b.dts", line: 8, column: 2))
    // A property without a place (phandle) falls back to the node; the node's first place
    // that names a file is its definition (the file does not exist, so the column stays).
    #expect(map.location(node: "/node@1", property: "phandle") == SourceLocation(file: "a-b.dts", line: 7, column: 8))
    #expect(map.location(node: "/missing", property: nil) == nil)
  }
}
