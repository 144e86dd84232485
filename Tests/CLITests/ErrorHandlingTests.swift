import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// Bad input ends in one line on stderr naming the file and libfdt's error, exit status 2,
/// and the other files of the run are still processed.
@Suite struct ErrorHandlingTests {
  static let good = Fixtures.dtb("boards", "example-board")

  static func scratch(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "memmap-test-\(getpid())-\(name)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("a truncated DTB: FDT_ERR_TRUNCATED, exit 2, the next file still inspected")
  func truncated() throws {
    let bytes = try Fixtures.bytes(atPath: Self.good)
    let path = try Self.scratch("truncated.dtb", Array(bytes.prefix(bytes.count / 2)))
    let run = try Binary.run(["inspect", "--format", "json", path, Self.good])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(path): truncated device tree blob (FDT_ERR_TRUNCATED)\n")
    #expect(run.stdout.contains("\"schemaVersion\" : 1"))
  }

  @Test("a text file is not a DTB: FDT_ERR_BADMAGIC")
  func textFile() throws {
    let path = try Self.scratch("text.dtb", Array("hello, this is text\n".utf8))
    let run = try Binary.run(["inspect", path])
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("(FDT_ERR_BADMAGIC)\n"))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test("an empty file is truncated")
  func emptyFile() throws {
    let path = try Self.scratch("empty.dtb", [])
    let run = try Binary.run(["inspect", path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("FDT_ERR_TRUNCATED"))
  }

  @Test("a directory that holds no tree and a missing file are named, with the reason")
  func directoryAndMissing() throws {
    let run = try Binary.run(["inspect", NSTemporaryDirectory(), "/nonexistent/board.dtb"])
    #expect(run.status == 2)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    // A folder is read as a /proc/device-tree-style tree only when it looks like one.
    #expect(lines[0].hasSuffix("a folder that is not a device tree (no #address-cells or compatible file at its top)"))
    #expect(lines[1] == "memmap: error: /nonexistent/board.dtb: cannot read: No such file or directory")
  }

  @Test("a bad flag exits 2, not argument-parser's 64")
  func badFlag() throws {
    let run = try Binary.run(["inspect", "--no-such-flag", Self.good])
    #expect(run.status == 2)
    let kernel = try Binary.run(["inspect", "--kernel", "5.4", Self.good])
    #expect(kernel.status == 2)
  }

  @Test("root #address-cells outside 0...4 is refused with FDT_ERR_BADNCELLS")
  func badCells() throws {
    let run = try Binary.run(["inspect", Fixtures.dtb("errors", "address-cells-5")])
    #expect(run.status == 2)
    #expect(run.stderr.contains("#address-cells must be one cell from 0 to 4 (got 5) (FDT_ERR_BADNCELLS)"))
  }

  @Test("a 2 GiB file: the message names the read limit, not a byte count read so far")
  func hugeFile() throws {
    let path = NSTemporaryDirectory() + "memmap-huge-\(getpid()).dtb"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(truncate(path, 2 << 30) == 0)
    let run = try Binary.run(["inspect", path])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(path): larger than 256 MiB, the most memmap reads as a device tree\n")
  }

  @Test("#address-cells of 0 bytes: the message says its length, not a cell value of 0")
  func cellLength() throws {
    for length in [0, 3, 8] {
      let blob = FDTWriter.blob(.board(rootAddressCells: [UInt8](repeating: 0, count: length)))
      let error = #expect(throws: DeviceTreeError.self) {
        _ = try MemoryDescription.read(try DeviceTreeBlob(bytes: blob, file: "b.dtb"))
      }
      #expect(error.map(ErrorText.line) == "b.dtb: /: #address-cells: #address-cells must be one cell from 0 to 4 "
        + "(it is \(length) bytes long, not 4) (FDT_ERR_BADNCELLS)")
    }
  }

  @Test("a good file exits 0")
  func goodFile() throws {
    let run = try Binary.run(["inspect", Self.good])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }
}
