import Foundation
import Testing

@testable import memmap

/// How lint's folders become inputs: device trees below them, sorted, and what was passed over.
@Suite struct InputExpansionTests {
  @Test("a folder: its trees sorted by path, overlays and other files counted, a FIFO named, files kept in place")
  func folder() throws {
    let root = NSTemporaryDirectory() + "memmap-expand-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/boards/sub", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/nothing", withIntermediateDirectories: true)
    for file in ["boards/z.dtb", "boards/sub/a.dts", "boards/b.itb", "boards/c.dtbo", "boards/readme.txt",
                 "nothing/notes.txt"] {
      try "".write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
    }
    #expect(mkfifo(root + "/boards/pipe.dtb", 0o600) == 0)
    let expansion = InputExpansion(["-", root + "/boards", root + "/nothing/", "single.dtb"])
    #expect(expansion.files == ["-", root + "/boards/b.itb", root + "/boards/sub/a.dts", root + "/boards/z.dtb",
                                "single.dtb"])
    #expect(expansion.empty == [root + "/nothing/"])
    #expect(expansion.notRegular.map(\.path) == [root + "/boards/pipe.dtb"])
    #expect(expansion.notRegular.map(\.kind) == ["a FIFO"])
    #expect(expansion.skipped.map(\.folder) == [root + "/boards", root + "/nothing/"])
    #expect(expansion.skipped.map(\.overlays) == [[root + "/boards/c.dtbo"], []])
    #expect(expansion.skipped.map(\.others) == [1, 1])
    #expect(LintTextRenderer.walkNotes(expansion) == [
      "\(root)/boards: skipped 1 overlay (\(root)/boards/c.dtbo; apply them with --overlay) and 1 other file",
      "\(root)/nothing/: skipped 1 other file",
      "\(root)/boards/pipe.dtb: skipped: a FIFO, not a regular file",
    ])
  }

  @Test("a folder in /proc/device-tree form is one input, not a folder to search")
  func treeFolder() throws {
    let root = NSTemporaryDirectory() + "memmap-expand-\(getpid())-tree"
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/memory", withIntermediateDirectories: true)
    // Linux exports every node as a folder and every property as a file (drivers/of/base.c).
    try Data([0, 0, 0, 2]).write(to: URL(fileURLWithPath: root + "/#address-cells"))
    try "".write(toFile: root + "/memory/x.dtb", atomically: true, encoding: .utf8)
    let expansion = InputExpansion([root])
    #expect(expansion.files == [root] && expansion.skipped.isEmpty && expansion.empty.isEmpty)
  }
}
