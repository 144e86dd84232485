import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// `memmap render`: golden SVG and HTML beside `Fixtures/render/`, every output well-formed XML,
/// escaping, and the command's files, formats and errors.
@Suite struct RenderGoldenTests {
  /// The report of `Fixtures/<area>/<name>.dts`, its file named without the folder.
  static func report(_ area: String, _ name: String) throws -> MapReport {
    var report = try MapReport.make(try DeviceTreeBlob.load(path: Fixtures.dtb(area, name)), options: MapOptions())
    report.file = name + ".dtb"
    return report
  }

  static func diff(_ a: String, _ b: String) throws -> MapDiff {
    MapDiff.compare(MapSnapshot(try report("diff", a)), MapSnapshot(try report("diff", b)))
  }

  /// nil when `text` parses as XML (python3's minidom), else the parser's complaint.
  static func xmlProblem(_ text: String) throws -> String? {
    try Python.problem(with: text, suffix: ".svg",
                       script: "import xml.dom.minidom, sys; xml.dom.minidom.parse(sys.argv[1])")
  }


  static func check(_ text: String, golden: String) throws {
    if let problem = Golden.mismatch(text, golden: golden) { Issue.record(Comment(rawValue: problem)) }
    if golden.hasSuffix(".svg"), let problem = try xmlProblem(text) {
      Issue.record(Comment(rawValue: "\(golden) is not well-formed XML: \(problem)"))
    }
  }

  @Test("one map's SVG matches its golden file and is well-formed XML",
        arguments: [("boards", "example-board"), ("render", "many-regions")])
  func single(_ area: String, _ name: String) throws {
    try Self.check(SVGRenderer.render(MapPicture(try Self.report(area, name))), golden: "render/\(name).svg")
  }

  @Test("a diff's SVG matches its golden file and is well-formed XML", arguments: ["moved", "finding"])
  func diff(_ variant: String) throws {
    try Self.check(SVGRenderer.render(try Self.diff("base", variant)), golden: "render/diff-\(variant).svg")
  }

  @Test("the HTML page matches its golden file, embeds the SVG and the table, fetches nothing")
  func html() throws {
    let text = HTMLRenderer.render(try Self.report("boards", "example-board"))
    try Self.check(text, golden: "render/example-board.html")
    #expect(text.hasPrefix("<!DOCTYPE html>"))
    #expect(text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(text.contains("<td>/reserved-memory/optee@fe000000</td>"))
    for external in ["src=", "href=", "<link", "@import", "url(http"] { #expect(!text.contains(external)) }
    // The page's SVG is the standalone picture without its XML declaration.
    let svg = SVGRenderer.render(MapPicture(try Self.report("boards", "example-board")))
    #expect(text.contains(String(svg.dropFirst(SVGRenderer.xmlDeclaration.count))))
  }

  @Test("rendering is deterministic: the same input gives the same bytes")
  func deterministic() throws {
    let report = try Self.report("render", "many-regions")
    #expect(SVGRenderer.render(MapPicture(report)) == SVGRenderer.render(MapPicture(report)))
    #expect(HTMLRenderer.render(report) == HTMLRenderer.render(report))
  }

  @Test("names with & < > and quotes are escaped; the SVG stays well-formed")
  func escaping() throws {
    let block = MapPicture.Block(KernelRegion(
      name: "a&b<c>\"d'", path: "/reserved-memory/a&b<c>\"d'", kind: .static,
      range: AddressRange(base: 0x1000, size: 0x1000), size: 0x1000, noMap: true,
      compatible: ["<details & more>"], status: .reserved))
    let picture = MapPicture(
      file: "odd <&> \"name\".dtb", kernel: "6.12",
      banks: [.init(range: AddressRange(base: 0, size: 0x10000), source: "/memory@0 \"<&>\"")],
      blocks: [block], totals: "RAM 64 KiB")
    let svg = SVGRenderer.render(picture)
    #expect(try Self.xmlProblem(svg) == nil)
    #expect(svg.contains("a&amp;b&lt;c&gt;\"d'"))
    #expect(!svg.contains("a&b"))
  }
}

/// The command: files, formats, standard output and errors.
@Suite struct RenderCommandTests {
  static let board = Fixtures.dtb("boards", "example-board")

  static func scratch(_ name: String) -> String {
    NSTemporaryDirectory() + "memmap-render-\(getpid())-\(name)"
  }

  @Test("-o map.svg writes the SVG, -o map.html the page; nothing on stdout, exit 0")
  func files() throws {
    for (name, start) in [("map.svg", "<?xml version=\"1.0\""), ("map.html", "<!DOCTYPE html>")] {
      let path = Self.scratch(name)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let run = try Binary.run(["render", Self.board, "-o", path])
      #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
      #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(start))
    }
  }

  @Test("two inputs draw both maps; '-o -' writes to standard output; --format overrides")
  func diffToStdout() throws {
    let run = try Binary.run(["render", Fixtures.dtb("diff", "base"), Fixtures.dtb("diff", "moved"), "-o", "-"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("A: \(Fixtures.dtb("diff", "base"))") && run.stdout.contains("[moved]"))
    let html = try Binary.run(["render", Self.board, "-o", "-", "--format", "html"])
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
  }

  @Test("a bad input: one error line, exit 2, no output file")
  func badInput() throws {
    let input = Self.scratch("text.dtb")
    try "not a tree\n".write(toFile: input, atomically: true, encoding: .utf8)
    let output = Self.scratch("bad.svg")
    let run = try Binary.run(["render", input, "-o", output])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(input): not a device tree blob (bad magic) (FDT_ERR_BADMAGIC)\n")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("usage errors exit 2: unknown extension, three inputs, unwritable output")
  func usage() throws {
    #expect(try Binary.run(["render", Self.board, "-o", "map.png"]).status == 2)
    #expect(try Binary.run(["render", Self.board, Self.board, Self.board, "-o", "x.svg"]).status == 2)
    let run = try Binary.run(["render", Self.board, "-o", "/nonexistent-dir/map.svg"])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: /nonexistent-dir/map.svg: cannot write: No such file or directory\n")
  }
}
