import DeviceTree
import Foundation
import Testing
import TestSupport

@testable import memmap

/// Overlays (applied with libfdt, refused as a base), FIT images, `/proc/device-tree`-style
/// folders, and `lint DIR`'s report of what it skipped.
@Suite struct OverlayAndImageInputTests {
  static let base = Fixtures.dtb("input", "base")
  static let overlay = Fixtures.path(".dtb/input/add-nomap.dtbo")
  static let badLabel = Fixtures.path(".dtb/input/bad-label.dtbo")
  static let image = Fixtures.path(".dtb/input/image.itb")

  // MARK: - Overlays

  @Test("a bare overlay is refused as a base tree: one line, exit 2, for inspect and lint, blob or source")
  func bareOverlay() throws {
    for input in [Self.overlay, Fixtures.path("input/add-nomap.dtso")] {
      for command in ["inspect", "lint"] {
        let run = try Binary.run([command, input])
        #expect(run.status == 2)
        #expect(run.stderr == "memmap: error: \(input): an overlay: apply it with --overlay to a base tree\n")
      }
    }
  }

  @Test("--overlay: the overlay's region lands in /reserved-memory and overlaps tfa (exit 1)")
  func overlayApplied() throws {
    let clean = try Binary.run(["lint", Self.base])
    #expect(clean.status == 0)
    let run = try Binary.run(["lint", "--overlay", Self.overlay, Self.base])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix(
      "\(Self.base): error: [MM001 reserved-overlap] /reserved-memory/optee@80040000: optee@80040000 [0x80040000, 0x80140000) overlaps tfa@80000000"))
    // The overlay's source gives the same result.
    let fromSource = try Binary.run(["lint", "--overlay", Fixtures.path("input/add-nomap.dtso"), Self.base])
    #expect(fromSource.stdout == run.stdout)
  }

  @Test("__fixups__ and __local_fixups__ are resolved: memory-region holds the new node's phandle")
  func fixupsResolved() throws {
    let settings = InputSettings(overlays: [try InputLoader.overlay(Self.overlay, settings: InputSettings())])
    let tree = try InputLoader.load(Self.base, settings: settings)[0].get()
    let blob = tree.blob
    let optee = try #require(try blob.node(at: "/reserved-memory/optee@80040000"))
    let client = try #require(try blob.node(at: "/firmware/optee"))
    let phandle = try #require(try blob.property("phandle", of: optee)?.u32)
    #expect(phandle != 0)
    #expect(try blob.property("memory-region", of: client)?.u32 == phandle)
  }

  @Test("an overlay that cannot be applied names the fragment, the label and libfdt's code")
  func overlayFailure() throws {
    let run = try Binary.run(["lint", "--overlay", Self.badLabel, Self.base])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(Self.base): cannot apply overlay \(Self.badLabel): fragment@1: "
      + "label 'no_such_label' is not in the base tree's __symbols__ (FDT_ERR_NOTFOUND)\n")
  }

  @Test("a base compiled without -@ has no __symbols__, and the error says how to fix that")
  func baseWithoutSymbols() throws {
    let plain = Fixtures.dtb("lint", "clean")
    let run = try Binary.run(["inspect", "--overlay", Self.overlay, plain])
    #expect(run.status == 2)
    #expect(run.stderr.contains("fragment@0: label 'reserved' is not in the base tree's __symbols__ (it has none: compile it with dtc -@)"))
  }

  @Test("--overlay with a file that is not an overlay stops the run, exit 2")
  func notAnOverlay() throws {
    let run = try Binary.run(["lint", "--overlay", Self.base, Self.base])
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(Self.base): not an overlay"))
    #expect(run.stdout.isEmpty)
  }

  // MARK: - FIT images

  @Test("FIT: each configuration is its own board; conf-2 applies its overlay, conf-3 is gzip-compressed")
  func fitConfigurations() throws {
    let lint = try Binary.run(["lint", Self.image])
    #expect(lint.status == 1)
    let places = Set(lint.stdout.split(separator: "\n").dropLast().map { $0.prefix { $0 != " " } })
    #expect(places == ["\(Self.image):conf-2:"])
    #expect(lint.stdout.hasSuffix("3 files, 1 error, 1 warning, 0 notes\n"))
    let plain = try Binary.run(["inspect", "--format", "kernel-log", Self.base]).stdout
    let inspect = try Binary.run(["inspect", "--format", "kernel-log", Self.image])
    #expect(inspect.status == 0)
    let sections = inspect.stdout.components(separatedBy: "\n\n")
    #expect(sections.count == 3)
    #expect(sections[0] == "==> \(Self.image):conf-1 <==\n" + plain.dropLast())
    #expect(sections[2] == "==> \(Self.image):conf-3 <==\n" + plain)
    #expect(sections[1].contains("OF: reserved mem: OVERLAP DETECTED!"))
  }

  @Test("a FIT image where one tree is expected (render) is refused, not read as its first configuration")
  func fitWhereOneTreeIsExpected() throws {
    let run = try Binary.run(["render", "--output", "-", Self.image])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(Self.image): a FIT image with 3 configurations; this command reads one: name it as \(Self.image):CONF\n")
  }

  @Test("image.itb:conf-2 names one configuration, for every command; an unknown one lists those there are")
  func fitConfigurationByName() throws {
    let whole = try Binary.run(["inspect", "--format", "kernel-log", Self.image]).stdout.components(separatedBy: "\n\n")
    let one = try Binary.run(["inspect", "--format", "kernel-log", Self.image + ":conf-2"])
    #expect(one.status == 0)
    #expect(whole[1] == "==> \(Self.image):conf-2 <==\n" + one.stdout.dropLast())
    let diff = try Binary.run(["diff", Self.image + ":conf-1", Self.image + ":conf-2"])
    #expect(diff.status == 1)
    #expect(diff.stdout.contains("added   /reserved-memory/optee@80040000"))
    let unknown = try Binary.run(["lint", Self.image + ":conf-9"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "memmap: error: \(Self.image):conf-9: no such configuration (the image has: conf-1, conf-2, conf-3)\n")
  }

  @Test("FIT with external data: data-size bytes at data-offset past the tree's 4-aligned end")
  func fitExternalData() throws {
    let folder = NSTemporaryDirectory() + "memmap-fit-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let base = try Fixtures.bytes(atPath: Self.base)
    // As `mkimage -E` lays it out (U-Boot doc/usage/fit/source_file_format.rst, "External data").
    let source = """
      /dts-v1/;
      / {
        images { fdt-1 { type = "flat_dt"; compression = "none"; data-offset = <0>; data-size = <\(base.count)>; }; };
        configurations { default = "conf-1"; conf-1 { fdt = "fdt-1"; }; };
      };
      """
    try source.write(toFile: folder + "/external.its", atomically: true, encoding: .utf8)
    let dtc = Process()
    dtc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    dtc.arguments = ["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", folder + "/external.itb", folder + "/external.its"]
    try dtc.run()
    dtc.waitUntilExit()
    var image = try Fixtures.bytes(atPath: folder + "/external.itb")
    image += [UInt8](repeating: 0, count: (4 - image.count % 4) % 4) + base
    try Data(image).write(to: URL(fileURLWithPath: folder + "/external.itb"))
    let run = try Binary.run(["inspect", "--format", "kernel-log", folder + "/external.itb"])
    #expect(run.status == 0, Comment(rawValue: run.stderr))
    #expect(run.stdout == (try Binary.run(["inspect", "--format", "kernel-log", Self.base])).stdout)
  }

  @Test("FIT configurations memmap cannot read are refused one by one: no fdt, unsupported compression")
  func fitRefusals() throws {
    let folder = NSTemporaryDirectory() + "memmap-fit-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: Self.base, toPath: folder + "/base.dtb")
    let source = """
      /dts-v1/;
      / {
        images {
          fdt-1 { type = "flat_dt"; compression = "none"; data = /incbin/("base.dtb"); };
          fdt-lz4 { type = "flat_dt"; compression = "lz4"; data = /incbin/("base.dtb"); };
          kernel-1 { type = "kernel"; compression = "none"; data = <0>; };
        };
        configurations {
          conf-1 { fdt = "fdt-1"; };
          conf-2 { fdt = "fdt-lz4"; };
          conf-3 { kernel = "kernel-1"; };
        };
      };
      """
    try source.write(toFile: folder + "/image.its", atomically: true, encoding: .utf8)
    let run = try Binary.run(["lint", "--include", folder, folder + "/image.its"])
    #expect(run.status == 2)
    #expect(run.stderr == "memmap: error: \(folder)/image.its:conf-2: image fdt-lz4: lz4 compression is not supported (none and gzip are)\n"
      + "memmap: error: \(folder)/image.its:conf-3: the configuration names no device tree (fdt)\n")
    #expect(run.stdout.hasSuffix("3 files (2 unreadable), 0 errors, 0 warnings, 0 notes\n"))
  }

  // MARK: - Folders

  /// Writes `blob` as Linux shows a tree under /proc/device-tree: a folder per node, a file
  /// per property, plus the `name` file Linux adds to every node.
  static func writeFolder(_ blob: DeviceTreeBlob, node: Node, to path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for property in try blob.properties(of: node).all() {
      try Data(property.value).write(to: URL(fileURLWithPath: path + "/" + property.name))
    }
    let name = node.name.split(separator: "@").first.map(String.init) ?? ""
    try Data(name.utf8 + [0]).write(to: URL(fileURLWithPath: path + "/name"))
    for child in try blob.children(of: node) {
      try writeFolder(blob, node: child, to: path + "/" + child.name)
    }
  }

  @Test("a /proc/device-tree-style folder reads as the tree it shows", arguments: ["reserved-overlap", "clean"])
  func procFolder(_ fixture: String) throws {
    let dtb = Fixtures.dtb("lint", fixture)
    let folder = NSTemporaryDirectory() + "memmap-proc-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let blob = try DeviceTreeBlob.load(path: dtb)
    try Self.writeFolder(blob, node: blob.root, to: folder)
    let fromBlob = try Binary.run(["lint", dtb])
    let fromFolder = try Binary.run(["lint", folder])
    #expect(fromFolder.status == fromBlob.status)
    #expect(fromFolder.stdout == fromBlob.stdout.replacingOccurrences(of: dtb, with: folder))
  }

  @Test("a folder that is neither a tree nor holds any is refused by inspect")
  func plainFolder() throws {
    let run = try Binary.run(["inspect", Fixtures.path("input")])
    #expect(run.status == 2)
    #expect(run.stderr.contains("a folder that is not a device tree"))
  }

  // MARK: - lint DIR

  @Test("lint DIR checks .dtb, .dts and FIT images, and says which overlays and other files it skipped")
  func directoryWalk() throws {
    let run = try Binary.run(["lint", Fixtures.path(".dtb/input")])
    #expect(run.status == 1)
    // base.dtb and image.itb's three configurations.
    #expect(run.stdout.hasSuffix("4 files, 1 error, 1 warning, 0 notes\n"))
    let folder = Fixtures.path(".dtb/input")
    #expect(run.stderr == "memmap: note: \(folder): skipped 2 overlays (\(folder)/add-nomap.dtbo, "
      + "\(folder)/bad-label.dtbo; apply them with --overlay) and 1 other file\n")
  }

  @Test("lint DIR with nothing to check is an error, not a pass of zero files")
  func emptyDirectory() throws {
    let folder = NSTemporaryDirectory() + "memmap-empty-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/README"))
    let run = try Binary.run(["lint", folder])
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("memmap: error: \(folder): nothing to check below it (no .dtb, .dts, .itb or .fit files)\n"))
  }
}
