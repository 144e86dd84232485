import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// The conformance suite: for every tree in `Fixtures/kernel`, memmap's `--format kernel-log`
/// must equal, line for line, what Debian's real arm64 kernel printed when QEMU booted it
/// (recorded by `make oracle` into `NAME.VERSION.txt`).
@Suite struct KernelConformanceTests {
  static let cases = Fixtures.names(in: "kernel", suffix: ".dts")

  /// What sat in memblock.reserved before the scan on QEMU's virt board, per kernel
  /// (`Fixtures/kernel/boot.VERSION.reserve`, derived from the booted kernels).
  static func bootReservations(_ version: String) -> [BootReservation] {
    guard let text = try? Fixtures.text("kernel/boot.\(version).reserve") else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 2, !line.hasPrefix("#"), let base = NumberSyntax.parse(fields[0]),
        let size = NumberSyntax.parse(fields[1])
      else { return nil }
      return BootReservation(name: fields.count > 2 ? String(fields[2]) : "boot",
                             range: AddressRange(base: base, size: size))
    }
  }

  /// The prediction with memmap's defaults: on QEMU's virt board the loader's layout
  /// (`BootLayout.qemuVirt`) applies without any flag, as it would for a user.
  static func predict(_ name: String, _ profile: KernelProfile) throws -> String {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", name))
    return KernelLogRenderer.render(try MapReport.make(blob, options: MapOptions(profile: profile)).kernel)
  }

  @Test("QEMU's virt layout is the one measured on the real kernels (boot.VERSION.reserve)",
        arguments: ["6.1", "6.12", "7.2"])
  func bootLayout(_ version: String) throws {
    let profile = try #require(KernelProfile.named(version))
    let measured = Self.bootReservations(version)
    let layout = BootLayout.qemuVirt(profile: profile, blobSize: 7793)  // 01-static-basic.dtb
    #expect(layout.map(\.range) == measured.map(\.range))
  }

  /// The releases whose recordings the suite holds, every case under each.
  static let recorded = ["6.1", "6.12", "7.2"]

  @Test("The real kernel prints what memmap predicts (NAME.VERSION.txt)",
        arguments: cases, recorded)
  func kernel(_ name: String, _ version: String) throws {
    let profile = try #require(KernelProfile.named(version))
    let expected = try Fixtures.text("kernel/\(name).\(version).txt")
    let actual = try Self.predict(name, profile)
    #expect(actual == expected,
            "\(name) under \(version): \n\(Golden.lineDiff(expected: expected, actual: actual))")
  }

  @Test("A panic is predicted exactly when the real kernel died (NAME.VERSION.panic.txt, earlycon)",
        arguments: cases, recorded)
  func panic(_ name: String, _ version: String) throws {
    let profile = try #require(KernelProfile.named(version))
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", name))
    let report = try MapReport.make(blob, options: MapOptions(profile: profile))
    let path = Fixtures.path("kernel/\(name).\(version).panic.txt")
    let recorded = FileManager.default.fileExists(atPath: path) ? try Fixtures.text("kernel/\(name).\(version).panic.txt") : nil
    #expect((report.kernel.panic != nil) == (recorded != nil), "\(name) under \(version)")
    #expect(report.findings.contains { $0.rule.id == "MM034" } == (recorded != nil))
    guard let recorded, let panic = report.kernel.panic else { return }
    // "Unable to handle kernel paging request at virtual address ffff45fe7fffffc0": the linear
    // map's offset is a multiple of 1 GiB, so the low 30 bits are those of the physical address.
    let line = try #require(recorded.split(separator: "\n").first { $0.contains("virtual address ") })
    let virtual = try #require(UInt64(line.split(separator: " ").last ?? "", radix: 16))
    let address = try #require(panic.address)
    #expect(virtual & 0x3fff_ffff == address.base & 0x3fff_ffff, "\(line)")
  }

  // MARK: - Page sizes

  /// The cases recorded under Debian's 16K-page 7.2 kernel (linux-image-7.2.13+deb14-arm64-16k,
  /// QEMU -cpu max): `NAME.7.2.16K.txt`.
  static let sixteenK = Fixtures.names(in: "kernel", suffix: ".7.2.16K.txt")

  @Test("Debian's 16K-page 7.2 kernel prints what memmap predicts with --page-size 16K",
        arguments: sixteenK)
  func kernel16K(_ name: String) throws {
    let profile = KernelProfile(version: .v7_2, pageSize: .k16)
    let expected = try Fixtures.text("kernel/\(name).7.2.16K.txt")
    let actual = try Self.predict(name, profile)
    #expect(actual == expected, "\(name) under 7.2 16K: \n\(Golden.lineDiff(expected: expected, actual: actual))")
    let panicked = FileManager.default.fileExists(atPath: Fixtures.path("kernel/\(name).7.2.16K.panic.txt"))
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", name))
    #expect((try MapReport.make(blob, options: MapOptions(profile: profile)).kernel.panic != nil) == panicked)
  }

  @Test("the 16K kernel's CMA alignment is 32 MiB: a 4 MiB pool is refused (22-cma-dynamic.7.2.16K.txt)")
  func cma16K() throws {
    let recorded = try Fixtures.text("kernel/22-cma-dynamic.7.2.16K.txt")
    #expect(recorded.hasPrefix("Reserved memory: incorrect alignment of CMA region\n"))
    #expect(KernelProfile(version: .v7_2, pageSize: .k16).cmaAlignment == 32 << 20)
  }
}
