import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// Every input that is not a device tree fails with `InputError`: one line naming the file,
/// the line when one is to blame, and the problem. The unreadable-file wording is glibc's
/// strerror(ENOENT) ("No such file or directory"), as the C library gives it.
@Suite struct InputErrorTests {
  static let missing = "/nonexistent/input.txt"
  static let enoent = "/nonexistent/input.txt: cannot read: No such file or directory"

  static func scratch(_ name: String, _ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "memmap-input-\(getpid())-\(name)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  // MARK: - A file that cannot be read

  @Test("a missing log, EFI map, script, baseline, saved document or config: the same line")
  func missingFile() {
    #expect(throws: InputError(file: Self.missing, problem: "cannot read: No such file or directory")) {
      try InputFile.text(Self.missing, limit: 1 << 20)
    }
    #expect(throws: InputError(file: Self.missing, problem: "cannot read: No such file or directory")) {
      try EFIMapFile.load(Self.missing)
    }
    #expect(throws: InputError(file: Self.missing, problem: "cannot read: No such file or directory")) {
      try BaselineFile.read(Self.missing)
    }
    #expect(LMBScriptFile.read(Self.missing).failureError?.text == Self.enoent)
    #expect(SnapshotLoader.load(Self.missing, options: MapOptions(), input: InputSettings()).failureError?.text
      == Self.enoent)
    #expect(throws: InputError(file: Self.missing, problem: "cannot read: No such file or directory")) { try Settings.read(Self.missing, folder: "/nonexistent") }
  }

  @Test("a file past its reader's limit: the limit in binary units; a script says what it was read as")
  func tooLarge() {
    // /dev/zero never ends, so every read stops at the limit.
    #expect(throws: InputError(file: "/dev/zero", problem: "cannot read: larger than 4 KiB, the most memmap reads")) {
      try InputFile.read("/dev/zero", limit: 4096)
    }
    #expect(LMBScriptFile.read("/dev/zero").failureError?.text
      == "/dev/zero: larger than 16 MiB, the most memmap reads as a script")
  }

  @Test("a tree's reader still fails with DeviceTreeError, worded the same through InputError")
  func treeErrorsStayTreeErrors() throws {
    let results = InputLoader.load(Self.missing, settings: InputSettings())
    let error = try #require(results.first?.failureError)
    #expect(error == DeviceTreeError(file: Self.missing, reason: .unreadable("No such file or directory")))
    #expect(InputError(error).text == ErrorText.line(for: error))
    #expect(InputError(error).text == Self.enoent)
  }

  // MARK: - Bad content, with the line

  @Test("an EFI map's first bad line is named as FILE:LINE")
  func efiMapLine() {
    let path = Fixtures.path("efi/garbage.efi.txt")
    #expect(throws: InputError(file: path, line: 4, problem: "expected TYPE START-END [ATTRIBUTES]")) {
      try EFIMapFile.load(path)
    }
  }

  @Test("a saved document that is not inspect JSON, and a baseline that is not memmap's")
  func documents() throws {
    let json = try Self.scratch("not-inspect.json", "[1, 2]\n")
    defer { try? FileManager.default.removeItem(atPath: json) }
    let snapshot = SnapshotLoader.load(json, options: MapOptions(), input: InputSettings()).failureError
    #expect(snapshot?.file == json && snapshot?.line == nil)
    #expect(snapshot?.problem.hasPrefix("not an 'inspect --format json' document of one file (") == true)
    let baseline = try Self.scratch("not-baseline.json", "{\"tool\": \"other\"}\n")
    defer { try? FileManager.default.removeItem(atPath: baseline) }
    #expect(throws: InputError(file: baseline, problem: "not a memmap baseline (write one with --write-baseline)")) {
      try BaselineFile.read(baseline)
    }
  }

  @Test("a live board's file not in the kernel's format names its line")
  func liveFileLine() throws {
    let folder = NSTemporaryDirectory() + "memmap-input-\(getpid())-live"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Linux mm/memblock.c, memblock_debug_show: "%4d: %pa..%pa %4d %s"; an end below its base is not one.
    try "   0: 0x40000000..0x3fffffff    0 NONE\n".write(toFile: folder + "/memblock-reserved", atomically: true,
                                                       encoding: .utf8)
    try "".write(toFile: folder + "/dmesg", atomically: true, encoding: .utf8)
    var notes: [String] = []
    do {
      _ = try LiveFiles.saved(in: folder).read(notes: &notes)
      Issue.record("read a malformed memblock file")
    } catch {
      #expect(error.file == folder + "/memblock-reserved" && error.line == 1)
      #expect(error.problem.hasPrefix("not in the kernel's format: "))
    }
  }
}
