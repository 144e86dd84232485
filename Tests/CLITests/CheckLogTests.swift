import Foundation
import MemoryMap
import Testing
import TestSupport

/// `memmap check-log` against the oracle's recorded kernel lines: agreement on the real
/// recordings, and a planted difference is found and reported with exit status 1.
@Suite struct CheckLogTests {
  static func dmesg(_ lines: String) -> String {
    // A raw dmesg: timestamps, unrelated lines around the reserved-memory ones.
    var out = "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]\n"
    var t = 1
    for line in lines.split(separator: "\n") {
      out += "[    0.00\(t)000] \(line)\n"
      t += 1
    }
    return out + "[    0.100000] Zone ranges:\n"
  }

  static func write(_ text: String, _ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "memmap-checklog-\(getpid())-\(name)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("the recorded 6.12 log of 05-overlap-static agrees (Fixtures/kernel, recorded from the real kernel)")
  func agrees() throws {
    let log = try Self.write(Self.dmesg(try Fixtures.text("kernel/05-overlap-static.6.12.txt")), "agree.log")
    let run = try Binary.run(["check-log", Fixtures.dtb("kernel", "05-overlap-static"), log])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("agrees"))
  }

  @Test("a planted difference (a region moved by 1 MiB) is reported line by line, exit 1")
  func plantedDifference() throws {
    var text = try Fixtures.text("kernel/02-dyn-top-down.6.12.txt")
    text = text.replacingOccurrences(of: "0x000000005fc00000..", with: "0x000000005fb00000..")
    let log = try Self.write(Self.dmesg(text), "planted.log")
    let run = try Binary.run(["check-log", Fixtures.dtb("kernel", "02-dyn-top-down"), log])
    #expect(run.status == 1)
    #expect(run.stdout.contains("- OF: reserved mem: 0x000000005fc00000..0x000000005fffffff (4096 KiB) nomap non-reusable dyn_a"))
    #expect(run.stdout.contains("+ OF: reserved mem: 0x000000005fb00000..0x000000005fffffff (4096 KiB) nomap non-reusable dyn_a"))
  }

  @Test("the same log with CRLF line ends (a log saved on Windows or by a serial console) agrees")
  func crlf() throws {
    let text = Self.dmesg(try Fixtures.text("kernel/05-overlap-static.6.12.txt"))
    let log = try Self.write(text.replacingOccurrences(of: "\n", with: "\r\n"), "crlf.log")
    let run = try Binary.run(["check-log", Fixtures.dtb("kernel", "05-overlap-static"), log])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(KernelLogComparison.relevantLines(ofLog: "OF: reserved mem: a\r\nOF: reserved mem: b\r\n")
      == ["OF: reserved mem: a", "OF: reserved mem: b"])
  }

  @Test("the 6.1 profile is compared with a 6.1 log, timestamps or not")
  func oldKernel() throws {
    let log = try Self.write(try Fixtures.text("kernel/12-alloc-fail.6.1.txt"), "plain.log")
    let run = try Binary.run(["check-log", "--kernel", "6.1", Fixtures.dtb("kernel", "12-alloc-fail"), log])
    #expect(run.status == 0, "\(run.stdout)")
    let wrong = try Binary.run(["check-log", "--kernel", "6.12", Fixtures.dtb("kernel", "12-alloc-fail"), log])
    #expect(wrong.status == 1)
  }

  @Test("syslog levels and timestamps are stripped; unrelated lines ignored")
  func relevantLines() {
    let text = "<6>[    0.000000] OF: reserved mem: initialized node a, compatible id b\nrandom\n<3>OF: fdt: Reserved memory: unsupported node format, ignoring\n"
    #expect(KernelLogComparison.relevantLines(ofLog: text) == [
      "OF: reserved mem: initialized node a, compatible id b",
      "OF: fdt: Reserved memory: unsupported node format, ignoring",
    ])
  }

  // MARK: - What people paste

  /// Raw serial console captures of the oracle's QEMU boots of `Fixtures/kernel/49-multi-reg-later-entries`
  /// (scripts/oracle-console.sh): CRLF line ends, the boot messages, then the initramfs' dmesg copy.
  @Test("raw CRLF console captures (console, then a dmesg copy) agree, and the version is detected",
        arguments: ["6.1", "6.12", "7.2"])
  func consoleCapture(_ version: String) throws {
    let capture = Fixtures.path("checklog/49-multi-reg-later-entries.\(version).console.txt")
    let text = try Fixtures.text("checklog/49-multi-reg-later-entries.\(version).console.txt")
    #expect(text.contains("\r\n"))
    #expect(KernelLogVersion.find(in: text)?.series == version)
    let run = try Binary.run(["check-log", Fixtures.dtb("kernel", "49-multi-reg-later-entries"), capture])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("agrees with the Linux \(version) prediction"))
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    // The lines counted once although the capture holds them twice (console and dmesg).
    let recorded = try Fixtures.text("kernel/49-multi-reg-later-entries.\(version).txt")
    #expect(KernelLogComparison.relevantLines(ofLog: text).joined(separator: "\n") + "\n" == recorded)
  }

  @Test("--kernel overrides the detected version, with a note; the wrong profile differs")
  func versionOverride() throws {
    let capture = Fixtures.path("checklog/49-multi-reg-later-entries.7.2.console.txt")
    let run = try Binary.run(["check-log", "--kernel", "6.12", Fixtures.dtb("kernel", "49-multi-reg-later-entries"), capture])
    #expect(run.status == 1)
    #expect(run.stderr.contains("the log is from Linux 7.2.13+deb14-arm64; comparing with Linux 6.12 as --kernel says"))
  }

  @Test("a release without a profile is compared with the nearest, said in one line")
  func nearestProfile() throws {
    let lines = try Fixtures.text("kernel/02-dyn-top-down.6.12.txt")
    let log = try Self.write("[    0.000000] Linux version 6.18.3 (builder@host) #1 SMP\n" + Self.dmesg(lines), "nearest.log")
    let run = try Binary.run(["check-log", Fixtures.dtb("kernel", "02-dyn-top-down"), log])
    #expect(run.stderr == "memmap: note: \(log): no profile for Linux 6.18.3; comparing with the nearest, Linux 6.12\n")
    #expect(run.status == 0, "\(run.stdout)")
    let none = try Self.write(Self.dmesg(lines), "noversion.log")
    let plain = try Binary.run(["check-log", Fixtures.dtb("kernel", "02-dyn-top-down"), none])
    #expect(plain.stderr.contains("no 'Linux version' line; comparing with the Linux 7.2 prediction"))
  }

  /// Kernels 6.3 to 6.12.12 print the region lines after sorting the table (spec: the old flow's
  /// fdt_init_reserved_mem runs after __rmem_check_for_overlap sorts it), so three top-down
  /// dynamic regions come in ascending order, not in scan order as 6.12.118 printed them.
  @Test("6.3 to 6.12.12: region lines in address order are not a difference")
  func sortedRegionLines() throws {
    let scanOrder = try Fixtures.text("kernel/02-dyn-top-down.6.12.txt")
    let sorted = scanOrder.split(separator: "\n").sorted().joined(separator: "\n")
    #expect(sorted + "\n" != scanOrder)
    for (release, agrees) in [("6.6.63", true), ("6.12.12", true), ("6.12.13", false)] {
      let log = try Self.write("[    0.000000] Linux version \(release) (builder@host) #1 SMP\n" + Self.dmesg(sorted), "sorted-\(release).log")
      let run = try Binary.run(["check-log", Fixtures.dtb("kernel", "02-dyn-top-down"), log])
      #expect((run.status == 0) == agrees, "\(release): \(run.stdout)")
    }
  }
}
