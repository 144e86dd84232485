import Foundation
import Testing
import TestSupport

/// Issue #15: a report that cannot be written is an error, and `render -o` never destroys an
/// input and never leaves a half-written file.
@Suite struct OutputWriteTests {
  static let board = Fixtures.dtb("boards", "example-board")

  /// One command line per command that writes a report to standard output.
  static let commands: [[String]] = [
    ["inspect", board], ["inspect", "--format", "json", board], ["inspect", "--format", "kernel-log", board],
    ["lint", board], ["lint", "--format", "sarif", board], ["rules"], ["rules", "--format", "markdown"],
    ["diff", board, Fixtures.dtb("kernel", "05-overlap-static")],
    ["diff", "--matrix", board, Fixtures.dtb("kernel", "05-overlap-static")],
    ["render", "-o", "-", board],
    ["check-log", Fixtures.dtb("kernel", "05-overlap-static"), Fixtures.path("kernel/05-overlap-static.6.12.txt")],
    ["lmb", Fixtures.path("lmb/" + (Fixtures.names(in: "lmb", suffix: ".lmb").first ?? "none") + ".lmb")],
  ]

  @Test("standard output on a full disk (/dev/full): one error line, exit 2", arguments: commands)
  func fullDisk(_ arguments: [String]) throws {
    let run = try Binary.run(arguments, stdoutPath: "/dev/full")
    #expect(run.status == 2, "\(arguments): exit \(run.status)")
    #expect(run.stderr.hasSuffix("memmap: error: standard output: cannot write: No space left on device\n"),
            "\(arguments): \(run.stderr)")
  }

  /// A directory with a copy of the example board.
  static func workspace() throws -> (directory: String, dtb: String) {
    let directory = NSTemporaryDirectory() + "memmap-output-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let dtb = directory + "/board.dtb"
    try FileManager.default.copyItem(atPath: board, toPath: dtb)
    return (directory, dtb)
  }

  @Test("render -o INPUT, directly or through a symbolic link: refused, the input unchanged")
  func refuseInput() throws {
    let (directory, dtb) = try Self.workspace()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try Data(contentsOf: URL(fileURLWithPath: dtb))
    try FileManager.default.createSymbolicLink(atPath: directory + "/map.svg", withDestinationPath: "board.dtb")
    for output in [dtb, directory + "/map.svg"] {
      let run = try Binary.run(["render", "--format", "svg", dtb, "-o", output])
      #expect(run.status == 2)
      #expect(run.stderr == "memmap: error: \(output): is the input \(dtb); not overwriting it\n")
      #expect(try Data(contentsOf: URL(fileURLWithPath: dtb)) == original)
    }
    // The second input of a side-by-side render counts too.
    let pair = try Binary.run(["render", Self.board, dtb, "-o", directory + "/map.svg"])
    #expect(pair.status == 2)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dtb)) == original)
  }

  @Test("render -o replaces the file a link points at, keeps its mode, leaves no temporary file")
  func atomicReplace() throws {
    let (directory, dtb) = try Self.workspace()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/real.svg"
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
    try FileManager.default.createSymbolicLink(atPath: directory + "/link.svg", withDestinationPath: "real.svg")
    let run = try Binary.run(["render", dtb, "-o", directory + "/link.svg"])
    #expect(run.status == 0, "\(run.stderr)")
    let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/link.svg")
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("<svg "))
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
    #expect(mode == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["board.dtb", "link.svg", "real.svg"])
  }

  /// A rename over `-o /dev/null` put a regular file in place of the device (for the whole
  /// machine); a FIFO stands in for it here, so that a regression cannot do that again.
  @Test("render -o FIFO writes into the FIFO and leaves it a FIFO; -o /dev/full reports the error")
  func specialFiles() throws {
    let (directory, dtb) = try Self.workspace()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fifo = directory + "/out.svg"
    #expect(mkfifo(fifo, 0o644) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let pipe = Pipe()
    reader.standardOutput = pipe
    try reader.run()
    let run = try Binary.run(["render", dtb, "-o", fifo])
    var info = stat()
    let isFIFO = stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    #expect(isFIFO, "the FIFO was replaced")
    if !isFIFO { reader.terminate() }  // nobody will write to the FIFO cat waits on
    let received = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    reader.waitUntilExit()
    #expect(run.status == 0, "\(run.stderr)")
    #expect(received.contains("<svg "))
    let full = try Binary.run(["render", dtb, "-o", "/dev/full", "--format", "svg"])
    #expect(full.status == 2)
    #expect(full.stderr == "memmap: error: /dev/full: cannot write: No space left on device\n")
  }

  @Test("render -o into a missing directory: one error line, exit 2")
  func missingDirectory() throws {
    let output = NSTemporaryDirectory() + "memmap-no-such-dir-\(getpid())/map.svg"
    let run = try Binary.run(["render", Self.board, "-o", output])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(output): cannot write: No such file or directory\n")
  }

  @Test("a step summary that cannot be written: a note, the annotations still written")
  func stepSummary() throws {
    let run = try Binary.run(["lint", "--format", "github", Self.board], environment: ["GITHUB_STEP_SUMMARY": "/dev/full"])
    #expect(run.stderr.contains("memmap: note: cannot write the step summary: /dev/full: cannot write: No space left on device"))
    #expect(run.stdout.hasSuffix("1 file, 0 errors, 3 warnings, 0 notes\n"))
  }
}
