import DeviceTree
import MemoryMap
import Testing
import TestSupport

/// `--efi-map` on what people capture from a board's serial console: the U-Boot conformance
/// recordings (`Fixtures/uboot/*.log`, U-Boot 2026.10-rc5 and 2025.01 under QEMU, with the
/// terminal escapes U-Boot printed), given back their CRLF line ends as a terminal saves them.
@Suite struct EFIMapCaptureTests {
  /// The recording with CRLF line ends restored (the oracle strips the CRs).
  static func capture(_ name: String) throws -> String {
    try Fixtures.text("uboot/\(name)").replacingOccurrences(of: "\n", with: "\r\n")
  }

  /// The lines of `text` between the marker lines `from` and `to`, as a bare map.
  static func section(_ text: String, from: String, to: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: Substring(from)),
      let end = lines[start...].firstIndex(of: Substring(to))
    else { return "" }
    return lines[(start + 1)..<end].joined(separator: "\n")
  }

  @Test("a CRLF capture of U-Boot and Linux: the map the kernel printed is the one used")
  func linuxWins() throws {
    let log = try Fixtures.text("uboot/01-plain.2026.10.linux.log")
    let map = try EFIMapParser.parse(try Self.capture("01-plain.2026.10.linux.log"), file: "c").get()
    #expect(map.format == .linuxDebug)
    // The kernel's own lines, read alone, are the same map.
    let kernelLines = log.split(separator: "\n").filter { $0.contains("efi:   0x") }.joined(separator: "\n")
    #expect(map.descriptors == (try EFIMapParser.parse(kernelLines, file: "k").get().descriptors))
    #expect(map.descriptors.count == 22)  // uboot.sh's footer: efi-map-lines=22
    // U-Boot's `efidebug memmap` before the kernel was found too, and named.
    #expect(map.othersFound.map(\.format) == [.efidebug])
    let origin = try #require(map.origin)
    #expect(log.split(separator: "\n", omittingEmptySubsequences: false)[origin.firstLine - 1].contains("efi:   0x"))
  }

  @Test("a U-Boot capture: the last efidebug table (after bootefi) is used, escapes and all",
        arguments: ["2026.10", "2025.01"])
  func lastTable(_ version: String) throws {
    let log = try Fixtures.text("uboot/01-plain.\(version).log")
    let map = try EFIMapParser.parse(try Self.capture("01-plain.\(version).log"), file: "c").get()
    #expect(map.format == (version == "2026.10" ? .efidebug : .efidebugLegacy))
    let after = Self.section(log, from: "@@EFI-POST", to: "@@BDINFO-POST")
    #expect(map.descriptors == (try EFIMapParser.parse(after, file: "a").get().descriptors))
    #expect(map.othersFound.count == 1)
    // The first table sits on lines that follow terminal escape sequences (README of the oracle).
    #expect(log.contains("\u{1b}[999;999H"))
  }

  @Test("a bad row inside a captured table is an error on its line")
  func badRow() throws {
    let text = "U-Boot 2026.10\r\nType                    Start            End              Attributes\r\n"
      + "======================= ================ ================ ==========\r\n"
      + "ConventionalMemory      0000000040000000-000000004e000000 WB\r\n"
      + "Bogus                   000000004e000000-0000000050000000 WB\r\n"
    guard case .failure(let error) = EFIMapParser.parse(text, file: "b") else {
      Issue.record("parsed")
      return
    }
    #expect(error.line == 5)
  }

  @Test("RAM comes from the map's usable descriptors when /memory is size 0; CMA is placed")
  func ramFromMap() throws {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("inspect", "memory-size-zero"))
    func pool(_ report: MapReport) -> KernelRegion? {
      report.kernel.regions.first { $0.path == "/reserved-memory/pool" }
    }
    let without = try MapReport.make(blob, options: MapOptions())
    // Without a map the 32 MiB pool has no RAM to go to.
    #expect(pool(without)?.range == nil)
    let map = try EFIMapParser.parse(try Self.capture("01-plain.2026.10.linux.log"), file: "c").get()
    let report = try MapReport.make(blob, options: MapOptions(efiMap: map))
    #expect(pool(report)?.status == .reserved)
    #expect(pool(report)?.range != nil)
    #expect(report.memorySource == .efiMap)
    #expect(map.ram.memory.first?.base == 0x4000_0000)
  }
}
