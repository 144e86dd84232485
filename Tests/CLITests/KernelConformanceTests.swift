import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// The conformance suite: for every tree in `Fixtures/kernel`, memmap's `--format kernel-log`
/// must equal, line for line, what Debian's real arm64 kernel printed when QEMU booted it
/// (recorded by `make oracle` into `NAME.6.1.txt` and `NAME.6.12.txt`).
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

  static func predict(_ name: String, _ profile: KernelProfile) throws -> String {
    let path = Fixtures.dtb("kernel", name)
    let blob = try DeviceTreeBlob.load(path: path)
    // QEMU hands the kernel the blob in a buffer of 2 * (file size + 10000) bytes, and that is
    // its totalsize, so the DTB's reservation depends on the case (boot.*.reserve explains).
    let dtbSize = UInt64(2 * (try Fixtures.bytes(atPath: path).count + 10000))
    let reservations = bootReservations(profile.name).map { reservation in
      reservation.name == "dtb"
        ? BootReservation(name: "dtb", range: AddressRange(base: reservation.range.base, size: dtbSize))
        : reservation
    }
    let options = MapOptions(profile: profile, inputs: KernelInputs(reservations: reservations))
    return KernelLogRenderer.render(try MapReport.make(blob, options: options).kernel)
  }

  @Test("Linux 6.1 prints what memmap predicts", arguments: cases)
  func kernel61(_ name: String) throws {
    let expected = try Fixtures.text("kernel/\(name).6.1.txt")
    let actual = try Self.predict(name, .v6_1)
    #expect(actual == expected, "\(name): \n\(Golden.lineDiff(expected: expected, actual: actual))")
  }

  @Test("Linux 6.12 prints what memmap predicts", arguments: cases)
  func kernel612(_ name: String) throws {
    let expected = try Fixtures.text("kernel/\(name).6.12.txt")
    let actual = try Self.predict(name, .v6_12)
    #expect(actual == expected, "\(name): \n\(Golden.lineDiff(expected: expected, actual: actual))")
  }
}
