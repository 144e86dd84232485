import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// The riscv64 conformance suite: every tree in `Fixtures/kernel-riscv64`, booted by
/// `scripts/oracle-record-riscv.sh` under Debian's riscv64 6.12 and 7.2 kernels (QEMU virt with
/// its OpenSBI). What the kernel received (`NAME.VERSION.received.dts`, with OpenSBI's
/// `mmode_resv0` and QEMU's `/chosen`) goes through memmap with its defaults, the architecture
/// and QEMU's riscv layout taken from the tree: a boot (`NAME.VERSION.outcome` "boot") must
/// print exactly `NAME.VERSION.txt` and predict no panic; a panic must be predicted, for the
/// recorded reason.
@Suite struct RiscvConformanceTests {
  static let area = "kernel-riscv64"
  /// The case trees (`NN-name.dts`); `NAME.VERSION.received.dts` are recordings, not cases.
  static let cases = Fixtures.names(in: area, suffix: ".dts").filter { !$0.contains(".") }
  static let versions = ["6.12", "7.2"]
  /// Cases whose lines depend on the blob's byte layout, which the received tree's source does
  /// not keep: an empty `reg` makes the kernel read the bytes after it (the next property's
  /// header, whose string offset differs once dtc recompiles the tree). On the saved
  /// `/sys/firmware/fdt` blob memmap printed the recorded line exactly; here the other lines
  /// must match and that node's line must be the bogus entry's.
  static let layoutDependent: [String: String] = ["40-reg-empty": "e@90000000"]

  /// The tree the kernel received, or the case tree when the kernel died before /init (then
  /// the received tree was never saved).
  static func tree(_ name: String, _ version: String) -> String {
    let received = Fixtures.dtb(area, "\(name).\(version).received")
    return FileManager.default.fileExists(atPath: received) ? received : Fixtures.dtb(area, name)
  }

  static func report(_ name: String, _ version: String) throws -> MapReport {
    let profile = try #require(KernelProfile.named(version))
    let blob = try DeviceTreeBlob.load(path: tree(name, version))
    return try MapReport.make(blob, options: MapOptions(profile: profile))
  }

  @Test("the suite holds at least 30 trees, each recorded under both kernels")
  func suiteSize() throws {
    #expect(Self.cases.count >= 30)
    for name in Self.cases {
      for version in Self.versions {
        #expect(FileManager.default.fileExists(atPath: Fixtures.path("\(Self.area)/\(name).\(version).outcome")),
                "\(name) has no \(version) recording")
      }
    }
  }

  @Test("The real riscv64 kernel prints what memmap predicts, or panics where memmap says",
        arguments: cases, versions)
  func kernel(_ name: String, _ version: String) throws {
    let outcome = try Fixtures.text("\(Self.area)/\(name).\(version).outcome")
    let report = try Self.report(name, version)
    #expect(report.kernel.profile.architecture == .riscv64)
    if outcome.hasPrefix("boot") {
      #expect(report.kernel.panic == nil, "\(name) boots under \(version), memmap predicts \(String(describing: report.kernel.panic))")
      var expected = try Fixtures.text("\(Self.area)/\(name).\(version).txt")
      var actual = KernelLogRenderer.render(report.kernel)
      if let node = Self.layoutDependent[name] {
        func other(_ text: String) -> String {
          text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix(" map non-reusable \(node)") ? "BOGUS \(node)" : String($0) }
            .joined(separator: "\n")
        }
        expected = other(expected)
        actual = other(actual)
      }
      #expect(actual == expected,
              "\(name) under \(version): \n\(Golden.lineDiff(expected: expected, actual: actual))")
      #expect(Self.defaultCMA(report) == Self.recordedCMA(outcome), "\(name) under \(version)")
    } else if outcome.contains("cannot resize") {
      guard case .memblockFull? = report.kernel.panic?.cause else {
        Issue.record("\(name) under \(version): \(outcome), memmap predicts \(String(describing: report.kernel.panic))")
        return
      }
    } else {
      #expect(outcome.contains("access fault"), "\(name): an outcome this suite does not know: \(outcome)")
      guard case .firmwareRegionLost? = report.kernel.panic?.cause else {
        Issue.record("\(name) under \(version): \(outcome), memmap predicts \(String(describing: report.kernel.panic))")
        return
      }
    }
  }

  /// The default CMA area memmap places after the scan, as `cma: Reserved` prints it.
  static func defaultCMA(_ report: MapReport) -> AddressRange? {
    report.kernel.regions.first { $0.kind == .boot && $0.reusable && $0.status == .reserved }?.range
  }

  /// `cma: Reserved 128 MiB at 0x00000000b7e00000` (the outcome's second line), as a range.
  static func recordedCMA(_ outcome: String) -> AddressRange? {
    guard let line = outcome.split(separator: "\n").first(where: { $0.hasPrefix("cma: Reserved ") }) else {
      return nil
    }
    let words = line.split(separator: " ")
    guard words.count >= 6, let mib = UInt64(words[2]), let base = NumberSyntax.parse(words[5]) else {
      return nil
    }
    return AddressRange(base: base, size: mib << 20)
  }

  @Test("QEMU's riscv virt layout is the one the kernels reserved (NAME.VERSION.layout)",
        arguments: versions)
  func bootLayout(_ version: String) throws {
    let layout = try Fixtures.text("\(Self.area)/01-static-basic.\(version).layout")
    let report = try Self.report("01-static-basic", version)
    let boot = report.kernel.regions.filter { $0.kind == .boot }.compactMap(\.range)
    // rv-layout.py: "kernel image  0x80200000+0x2000000 ...", "DTB  0xbfe00000+0x1672 ..."
    for line in layout.split(separator: "\n") where line.hasPrefix("kernel image") || line.hasPrefix("DTB") {
      let numbers = line.split(separator: " ", omittingEmptySubsequences: true)[line.hasPrefix("DTB") ? 1 : 2]
        .split(separator: "+").compactMap { NumberSyntax.parse($0) }
      let recorded = try #require(numbers.count == 2 ? numbers : nil)
      // The received tree is recompiled from its source, so the DTB's size differs; its base does not.
      #expect(boot.contains { $0.base == recorded[0] && (line.hasPrefix("DTB") || $0.size == recorded[1]) },
              "\(line) is not among \(boot.map { Hex.range($0) })")
    }
  }

  /// `Fixtures/kernel-riscv64/6x-nomap-holes-COUNT`: the boundary the real kernels showed.
  @Test("memblock-full fires exactly on the trees that panicked",
        arguments: ["60-nomap-holes-59", "61-nomap-holes-60", "62-nomap-holes-70", "08-static-70"])
  func memblockFinding(_ name: String) throws {
    for version in Self.versions {
      let outcome = try Fixtures.text("\(Self.area)/\(name).\(version).outcome")
      let fired = try Self.report(name, version).findings.filter { $0.rule.id == "MM063" }.count
      #expect(fired == (outcome.contains("cannot resize") ? 1 : 0), "\(name) \(version): \(outcome)")
    }
  }

  @Test("--arch riscv64 refuses releases and page sizes no riscv64 kernel was recorded with")
  func refusedCombinations() throws {
    let tree = Fixtures.dtb(Self.area, "01-static-basic")
    for flags in [["--kernel", "6.1"], ["--page-size", "16K"]] {
      let run = try Binary.run(["inspect", "--arch", "riscv64"] + flags + [tree])
      #expect(run.status == 2, "\(flags): \(run.stderr)")
      #expect(run.stderr.contains("--arch riscv64"), "\(run.stderr)")
    }
    #expect(try Binary.run(["inspect", "--arch", "riscv64", "--kernel", "7.2", tree]).status == 0)
    // Without --arch the tree says riscv64: predicted, with a note that says what was mixed.
    let detected = try Binary.run(["inspect", "--kernel", "6.1", tree])
    #expect(detected.status == 0)
    #expect(detected.stderr.contains("no riscv64 6.1 kernel with 4K pages was recorded"), "\(detected.stderr)")
    #expect(try Binary.run(["inspect", "--kernel", "6.12", tree]).stderr.isEmpty)
  }
}
