import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// `diff` and `render` read standard input once and then as any file: a blob, source, an
/// overlay (refused) or a FIT image, with `--overlay` applied. Before, the bytes were taken as
/// a blob and modelled as they were.
@Suite struct SnapshotLoaderTests {
  static let base = Fixtures.dtb("input", "base")
  static let overlay = Fixtures.path(".dtb/input/add-nomap.dtbo")

  static func stdin(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test("an overlay on standard input is refused, as the same file is (it was modelled as a board without RAM)")
  func overlayRefused() throws {
    let run = try Binary.run(["diff", "-", Self.base, "--no-config"], stdinData: try Self.stdin(Self.overlay))
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: -: an overlay: apply it with --overlay to a base tree\n")
    let file = try Binary.run(["diff", Self.overlay, Self.base, "--no-config"])
    #expect(file.stderr == "memmap: error: \(Self.overlay): an overlay: apply it with --overlay to a base tree\n")
  }

  @Test("--overlay applies to the tree on standard input too: the same tree twice does not differ")
  func overlayApplied() throws {
    let run = try Binary.run(["diff", "-", Self.base, "--overlay", Self.overlay, "--no-config"],
                             stdinData: try Self.stdin(Self.base))
    // Before, standard input's side lacked the overlay's no-map region: exit 1, one region added.
    #expect(run.status == 0, "\(run.stdout)")
  }

  @Test("source on standard input is compiled, as inspect - compiles it")
  func source() throws {
    let run = try Binary.run(["diff", "-", Self.base, "--no-config"], stdin: try Fixtures.text("input/base.dts"))
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test("a FIT image on standard input: one board is wanted, and only a file can name it")
  func fitImage() throws {
    let run = try Binary.run(["diff", "-", Self.base, "--no-config"],
                             stdinData: try Self.stdin(Fixtures.path(".dtb/input/image.itb")))
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: -: a FIT image with 3 configurations; this command reads one: "
      + "save it to a file and name it as FILE:CONF\n")
  }
}

extension SnapshotLoaderTests {
  @Test("a tree in /proc/device-tree form is compared as inspect reads it (it was 'cannot read: Is a directory')")
  func folderTree() throws {
    let folder = NSTemporaryDirectory() + "memmap-snapshot-\(getpid())-fs"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Linux exports each node as a folder and each property as a file of its raw bytes
    // (fs/proc/proc_devtree.c, now drivers/of/kobj.c): 2/2 cells, 1 GiB of RAM at 0x40000000.
    try FileManager.default.createDirectory(atPath: folder + "/memory@40000000", withIntermediateDirectories: true)
    let cells: [UInt8] = [0, 0, 0, 2]
    try Data(cells).write(to: URL(fileURLWithPath: folder + "/#address-cells"))
    try Data(cells).write(to: URL(fileURLWithPath: folder + "/#size-cells"))
    try Data("memory\0".utf8).write(to: URL(fileURLWithPath: folder + "/memory@40000000/device_type"))
    try Data([0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0])
      .write(to: URL(fileURLWithPath: folder + "/memory@40000000/reg"))
    let snapshot = try SnapshotLoader.load(folder, options: MapOptions(), input: InputSettings()).get()
    #expect(snapshot.memory.map(\.base) == [0x4000_0000] && snapshot.memory.map(\.size) == [0x4000_0000])
    let run = try Binary.run(["diff", folder, folder, "--no-config"])
    #expect(run.status == 0, "\(run.stderr)")
  }
}
