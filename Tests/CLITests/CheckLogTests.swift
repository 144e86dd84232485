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
}
