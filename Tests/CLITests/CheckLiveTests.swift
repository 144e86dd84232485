import Foundation
import MemoryMap
import Testing
import TestSupport

/// `memmap check-live` against the oracle's recordings: QEMU boots of Debian's arm64 and
/// riscv64 kernels whose initramfs printed /proc/iomem, debugfs memblock and dmesg
/// (the oracle's boot.sh and boot-riscv.sh; split into Fixtures/live/[riscv64-]CASE.VERSION
/// by scripts/live-split.sh).
@Suite struct CheckLiveTests {
  /// Every recording's folder name: `CASE.VERSION`, riscv64 ones prefixed `riscv64-`.
  static let recordings: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("live"))) ?? []
    return names.sorted()
  }()

  /// The tree a recording booted: the arm64 fixture, or on riscv64 the tree the kernel
  /// received (OpenSBI adds its region), recorded beside the riscv64 fixtures.
  static func tree(of recording: String) -> (tree: String, kernel: String) {
    let dot = recording.firstIndex(of: ".")!
    let (name, kernel) = (String(recording[..<dot]), String(recording[recording.index(after: dot)...]))
    if name.hasPrefix("riscv64-") {
      return (Fixtures.dtb("kernel-riscv64", "\(name.dropFirst(8)).\(kernel).received"), kernel)
    }
    return (Fixtures.dtb("kernel", name), kernel)
  }

  static func run(_ folder: String, tree: String, kernel: String) throws -> Binary.Run {
    try Binary.run(["check-live", "--kernel", kernel, "--from", folder, Fixtures.dtb("kernel", tree)])
  }

  @Test("there are recordings of several cases under every kernel and both architectures")
  func recordingsExist() {
    #expect(Self.recordings.count >= 13)
    #expect(Set(Self.recordings.map { Self.tree(of: $0).kernel }) == ["6.1", "6.12", "7.2"])
    #expect(Self.recordings.contains { $0.hasPrefix("riscv64-") })
  }

  @Test("each recording agrees with the prediction for the tree it booted, every check made", arguments: recordings)
  func agrees(_ recording: String) throws {
    let (tree, kernel) = Self.tree(of: recording)
    let run = try Binary.run(["check-live", "--kernel", kernel, "--from", Fixtures.path("live/" + recording), tree])
    #expect(run.status == 0, Comment(rawValue: run.stdout + run.stderr))
    let lines = run.stdout.split(separator: "\n")
    // The architecture comes from the tree (its CPUs), and the verdict names it when not arm64.
    let profile = recording.hasPrefix("riscv64-") ? kernel + " riscv64 4K" : kernel
    #expect(lines.first?.contains(": agrees with the Linux \(profile) prediction for ") == true)
    // Log, RAM, no-map and reserved from memblock and /proc/iomem: 7 checks; Linux 6.1 prints
    // no memblock flags, so its memblock no-map check is said not to be made.
    let agreeing = lines.filter { $0.hasPrefix("  agrees ") }.count
    #expect(agreeing == (kernel == "6.1" ? 6 : 7))
    #expect(lines.contains { $0.hasPrefix("  not compared  memblock no-map") } == (kernel == "6.1"))
  }

  /// A copy of a recording with `edit` applied to its files.
  static func planted(_ name: String, _ edit: (String) throws -> Void) throws -> String {
    let folder = NSTemporaryDirectory() + "memmap-live-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: Fixtures.path("live/\(name)"), toPath: folder)
    try edit(folder)
    return folder
  }

  static func replace(_ file: String, _ old: String, _ new: String) throws {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains(old))
    try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
  }

  @Test("the tree can be saved in the folder as fdt, as /sys/firmware/fdt is")
  func treeInFolder() throws {
    let (tree, kernel) = Self.tree(of: "riscv64-01-static-basic.7.2")
    let folder = try Self.planted("riscv64-01-static-basic.7.2") { folder in
      try FileManager.default.copyItem(atPath: tree, toPath: folder + "/fdt")
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try Binary.run(["check-live", "--kernel", kernel, "--from", folder])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("\(folder): agrees with the Linux 7.2 riscv64 4K prediction for \(folder)/fdt\n"))
  }

  @Test("a planted difference: fw@50000000 not no-map in memblock, and missing from the log")
  func plantedDifference() throws {
    let folder = try Self.planted("01-static-basic.6.12") { folder in
      try Self.replace(folder + "/memblock-memory", "0x00000000500fffff    0 NOMAP", "0x00000000500fffff    0 NONE")
      try Self.replace(folder + "/dmesg", "OF: reserved mem: 0x0000000050000000", "OF: reserved mem: 0x0000000050010000")
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try Self.run(folder, tree: "01-static-basic", kernel: "6.12")
    #expect(run.status == 1)
    #expect(run.stdout.contains(": differs from the Linux 6.12 prediction for "))
    #expect(run.stdout.contains("""
        differs no-map (memblock): 1 range predicted
          - [0x50000000, 0x50100000) predicted only

      """))
    #expect(run.stdout.contains("    - OF: reserved mem: 0x0000000050000000..0x00000000500fffff (1024 KiB) nomap non-reusable fw@50000000\n"))
    #expect(run.stdout.contains("    + OF: reserved mem: 0x0000000050010000..0x00000000500fffff (1024 KiB) nomap non-reusable fw@50000000\n"))
    // Untouched: /proc/iomem still shows the no-map region as the prediction does.
    #expect(run.stdout.contains("  agrees  no-map (/proc/iomem)"))
  }

  @Test("the wrong tree for a recording differs: 01's tree against 05's boot")
  func wrongTree() throws {
    let run = try Self.run(Fixtures.path("live/05-overlap-static.7.2"), tree: "01-static-basic", kernel: "7.2")
    #expect(run.status == 1)
    #expect(run.stdout.contains("    + [0x50100000, 0x50300000) in the running kernel only\n"))
    #expect(run.stdout.contains("    - [0x51000000, 0x51400000) predicted only\n"))
  }

  @Test("iomem read without root (all addresses zero) is a note, not a silent agreement")
  func hiddenIOMem() throws {
    let folder = try Self.planted("01-static-basic.6.12") { folder in
      let text = try String(contentsOfFile: folder + "/iomem", encoding: .utf8)
      let zeroed = text.split(separator: "\n").map { line in
        let indent = line.prefix { $0 == " " }
        return indent + "00000000-00000000 : " + (line.components(separatedBy: " : ").last ?? "")
      }.joined(separator: "\n")
      try zeroed.write(toFile: folder + "/iomem", atomically: true, encoding: .utf8)
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try Self.run(folder, tree: "01-static-basic", kernel: "6.12")
    #expect(run.status == 0)
    #expect(run.stderr == "memmap: note: \(folder)/iomem: addresses hidden (read it as root); not compared\n")
    #expect(!run.stdout.contains("/proc/iomem"))
  }

  @Test("nothing readable to compare is an error, exit 2")
  func nothingToCompare() throws {
    let folder = NSTemporaryDirectory() + "memmap-live-empty-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try Self.run(folder, tree: "01-static-basic", kernel: "6.12")
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("memmap: error: \(folder): nothing to compare (no memblock, /proc/iomem or kernel log could be read)\n"))
  }

  @Test("a file that is not in the kernel's format is an error naming the line")
  func malformed() throws {
    let folder = try Self.planted("01-static-basic.6.12") { folder in
      try "   0: 0x40000000..0x3fffffff    0 NONE\n".write(toFile: folder + "/memblock-reserved", atomically: true, encoding: .utf8)
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try Self.run(folder, tree: "01-static-basic", kernel: "6.12")
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(folder)/memblock-reserved:1: not in the kernel's format: "))
  }

  // MARK: - Parsers

  @Test("memblock debugfs: 6.12's node and flags columns, 6.1's bare ranges, inclusive ends")
  func memblockFormats() throws {
    // Lines as recorded (Fixtures/live/01-static-basic.6.12 and 02-dyn-top-down.6.1).
    let new = try LiveRecord.parseMemblock("   1: 0x0000000050000000..0x00000000500fffff    0 NOMAP\n   2: 0x0000000050100000..0x000000007fffffff    0 NONE\n")
    #expect(new.flags)
    #expect(new.regions == [MemblockRegion(base: 0x5000_0000, size: 0x10_0000, flags: .noMap),
                            MemblockRegion(base: 0x5010_0000, size: 0x2ff0_0000)])
    let old = try LiveRecord.parseMemblock("   0: 0x0000000040000000..0x000000005f7fffff\n")
    #expect(!old.flags)
    #expect(old.regions == [MemblockRegion(base: 0x4000_0000, size: 0x1f80_0000)])
    #expect(throws: LiveParseError.self) { try LiveRecord.parseMemblock("garbage\n") }
  }

  @Test("/proc/iomem: depth from indentation, inclusive ends, names after ' : '")
  func iomemFormat() throws {
    let entries = try LiveRecord.parseIOMem("40000000-4fffffff : System RAM\n  40200000-41f0ffff : Kernel code\n")
    #expect(entries == [
      IOMemEntry(depth: 0, range: AddressRange(base: 0x4000_0000, size: 0x1000_0000), name: "System RAM"),
      IOMemEntry(depth: 1, range: AddressRange(base: 0x4020_0000, size: 0x1d1_0000), name: "Kernel code"),
    ])
  }

  @Test("range unions join overlapping and adjacent ranges; uncovered gives the gaps")
  func rangeUnion() {
    let union = RangeUnion([AddressRange(base: 0x3000, size: 0x1000), AddressRange(base: 0x1000, size: 0x1000),
                            AddressRange(base: 0x2000, size: 0x800), AddressRange(base: 0x5000, size: 0)])
    // [0x1000, 0x2000) and [0x2000, 0x2800) touch and join; [0x3000, 0x4000) stays apart.
    #expect(union.ranges == [AddressRange(base: 0x1000, size: 0x1800), AddressRange(base: 0x3000, size: 0x1000)])
    #expect(union.uncovered(AddressRange(base: 0x0, size: 0x5000)) == [
      AddressRange(base: 0x0, size: 0x1000), AddressRange(base: 0x2800, size: 0x800), AddressRange(base: 0x4000, size: 0x1000),
    ])
  }
}
