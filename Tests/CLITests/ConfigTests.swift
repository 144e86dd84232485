import Foundation
import Testing
import TestSupport

/// `.memmap.yml` end to end: where it is found, how each setting is resolved (flag, then the
/// last matching board entry, then the top level, then the built-in default), suppressions,
/// rule lists, and errors that name the file and line.
@Suite struct ConfigTests {
  /// RAM left to the boot loader; with RAM [0x40000000, 0x50000000) mmio-pool@90000000 is
  /// outside it (MM004, MM024, MM030: see Fixtures/config/ram-unknown.dts).
  static let tree = Fixtures.dtb("config", "ram-unknown")

  /// A fresh folder holding `config` as `.memmap.yml` and the fixture tree at each of `boards`.
  static func workspace(_ config: String, boards: [String] = ["qcom/sc8280xp-x13s.dtb", "arm/fvp.dtb"])
    throws -> String
  {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("memmap-config-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for board in boards {
      let path = root + "/" + board
      try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                              withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: tree, toPath: path)
    }
    try config.write(toFile: root + "/.memmap.yml", atomically: true, encoding: .utf8)
    return root
  }

  static let example = """
    kernel: "7.2"
    memory: ["0x40000000:128M"]
    boards:
      - match: "qcom/sc8280xp-*.dtb"
        memory: ["0x40000000:256M"]
      - match: "*.dtb"
        page-size: 16K
      - match: "qcom/*.dtb"
        page-size: 64K
    suppress:
      - rule: MM004
        node: /reserved-memory/mmio-pool@90000000
        files: "arm/fvp*.dtb"
        reason: "the MMIO pool lives outside DRAM on this model"
    """

  /// The `VALUE` and `FROM` of `setting` in `config --explain` output.
  static func row(_ setting: String, in text: String) -> (value: String, from: String)? {
    for line in text.split(separator: "\n") {
      let cells = line.split(separator: "  ", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      if cells.first == setting, cells.count >= 3 { return (cells[1], cells[2...].joined(separator: "  ")) }
    }
    return nil
  }

  // MARK: - Resolution

  @Test("each setting: flag, else the last matching board, else the top level, else the default")
  func precedence() throws {
    let root = try Self.workspace(Self.example)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try Binary.run(["config", "--explain", "qcom/sc8280xp-x13s.dtb", "arm/fvp.dtb"], directory: root)
    #expect(run.status == 0, "\(run.stderr)")
    let parts = run.stdout.components(separatedBy: "arm/fvp.dtb: config")
    let qcom = parts[0]
    let fvp = try #require(parts.last)
    #expect(Self.row("kernel", in: qcom)?.value == "7.2")
    #expect(Self.row("kernel", in: qcom)?.from == ".memmap.yml:1 (top level)")
    #expect(Self.row("memory", in: qcom)?.value == "0x40000000:256M")
    #expect(Self.row("memory", in: qcom)?.from == ".memmap.yml:5 (boards[0], match \"qcom/sc8280xp-*.dtb\")")
    #expect(Self.row("memory", in: fvp)?.value == "0x40000000:128M")
    // Both later entries match qcom/...; the last one that sets page-size wins. A pattern
    // without '/' matches the file name in any folder.
    #expect(Self.row("page-size", in: qcom)?.value == "64K")
    #expect(Self.row("page-size", in: fvp)?.value == "16K")
    #expect(Self.row("page-size", in: qcom)?.from != "built-in default")
    // dram-banks has no fixed default: it is the U-Boot release's (README, U-Boot).
    #expect(Self.row("dram-banks", in: fvp)?.from == "not set: the U-Boot release's qemu_arm64 value")
    #expect(Self.row("uboot", in: fvp)?.from == "built-in default")
    // Nothing sets the architecture: it comes from each tree (README, riscv64).
    #expect(Self.row("arch", in: fvp)?.from == "not set: from the tree's CPUs or root compatible, else arm64")
    #expect(Self.row("suppress", in: fvp) != nil)
    #expect(Self.row("suppress", in: qcom) == nil, "files: limits a suppression")
    let flagged = try Binary.run(["config", "--explain", "--kernel", "6.1", "--memory", "0x0:1G",
                                  "qcom/sc8280xp-x13s.dtb"], directory: root)
    #expect(Self.row("kernel", in: flagged.stdout)! == ("6.1", "command line"))
    #expect(Self.row("memory", in: flagged.stdout)! == ("0x0:1G", "command line"))
  }

  @Test("the config's RAM is used as --memory would be, and named as the memory's source")
  func memoryFromConfig() throws {
    let root = try Self.workspace(Self.example)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lint = try Binary.run(["lint", "qcom/sc8280xp-x13s.dtb"], directory: root)
    let flag = try Binary.run(["lint", "--no-config", "--kernel", "7.2", "--page-size", "64K",
                               "--memory", "0x40000000:256M", "qcom/sc8280xp-x13s.dtb"], directory: root)
    #expect(lint.stdout == flag.stdout)
    #expect(lint.stdout.contains("[MM004 outside-memory]"))
    let inspect = try Binary.run(["inspect", "--format", "json", "qcom/sc8280xp-x13s.dtb"], directory: root)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])
    let sources = (object["memory"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
    #expect(sources == [".memmap.yml"])
    #expect(object["kernel"] as? String == "7.2")
    #expect(object["pageSize"] as? String == "64K")
  }

  @Test("found upward from the input, from any working folder; --config and --no-config")
  func discovery() throws {
    let root = try Self.workspace(Self.example)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let elsewhere = try Binary.run(["lint", root + "/arm/fvp.dtb"], directory: "/")
    #expect(elsewhere.stdout.hasSuffix("1 suppressed\n"), "\(elsewhere.stdout)")
    let none = try Binary.run(["lint", "--no-config", root + "/arm/fvp.dtb"], directory: "/")
    #expect(none.stdout.contains("MM019"))
    let other = try Self.workspace("kernel: \"6.1\"\n", boards: [])
    defer { try? FileManager.default.removeItem(atPath: other) }
    let given = try Binary.run(["config", "--explain", "--config", other + "/.memmap.yml", root + "/arm/fvp.dtb"])
    #expect(Self.row("kernel", in: given.stdout)?.value == "6.1")
    #expect(Self.row("memory", in: given.stdout)?.value == "-")
  }

  // MARK: - Suppressions and rules

  @Test("a suppression removes that rule on that node only, and is counted")
  func suppression() throws {
    let root = try Self.workspace(Self.example)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try Binary.run(["lint", "arm/fvp.dtb", "qcom/sc8280xp-x13s.dtb"], directory: root)
    let lines = run.stdout.split(separator: "\n")
    #expect(!lines.contains { $0.hasPrefix("arm/fvp.dtb") && $0.contains("MM004") })
    #expect(lines.contains { $0.hasPrefix("arm/fvp.dtb") && $0.contains("MM024") })
    #expect(lines.contains { $0.hasPrefix("qcom/sc8280xp-x13s.dtb") && $0.contains("MM004") })
    #expect(run.stdout.hasSuffix(" notes, 1 suppressed\n"))
    let inspect = try Binary.run(["inspect", "arm/fvp.dtb"], directory: root)
    #expect(inspect.stdout.contains("(1 suppressed by the config file)"))
    #expect(!inspect.stdout.contains("MM004"))
  }

  @Test("enable and disable from the config; the flag of the same name replaces the list")
  func ruleLists() throws {
    let root = try Self.workspace(Self.example + "\ndisable: [MM024, uboot-efi-outside-ram]\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try Binary.run(["lint", "qcom/sc8280xp-x13s.dtb"], directory: root)
    #expect(run.stdout.contains("MM004"))
    #expect(!run.stdout.contains("MM024") && !run.stdout.contains("MM030"))
    let flagged = try Binary.run(["lint", "--disable", "MM004", "qcom/sc8280xp-x13s.dtb"], directory: root)
    #expect(!flagged.stdout.contains("MM004") && flagged.stdout.contains("MM024"))
  }

  // MARK: - Errors

  @Test("a bad config: one line with the file and line, exit 2", arguments: [
    ("kernal: \"7.2\"\n", ".memmap.yml:1: unknown key 'kernal' (known: kernel, "),
    ("kernel: 6.2\n", ".memmap.yml:1: kernel: '6.2' is not 6.1, 6.12 or 7.2"),
    ("memory: 16G\n", ".memmap.yml:1: memory: '16G' is not BASE:SIZE"),
    ("dram-banks: 0\n", ".memmap.yml:1: dram-banks: '0' is not 1 to 64"),
    ("kernel: \"7.2\"\nkernel: \"6.1\"\n", ".memmap.yml:1: not YAML: 'kernel' given twice"),
    ("boards:\n  - memory: 0x0:1G\n", ".memmap.yml:2: a board entry needs match: a file pattern"),
    ("boards:\n  - match: x\n    rules: all\n", ".memmap.yml:3: unknown key 'rules' (known: "),
    ("suppress:\n  - rule: MM004\n    node: /a\n", ".memmap.yml:2: suppress needs reason: why the finding is accepted"),
    ("suppress:\n  - rule: MM404\n    node: /a\n    reason: r\n", ".memmap.yml:2: suppress needs rule: a known rule id or name"),
    ("disable: [MM999]\n", ".memmap.yml:1: disable: unknown rule 'MM999'"),
    ("kernel: [7.2\n", ".memmap.yml:2: not YAML: "),
    ("uboot: 2024.04\n", ".memmap.yml:1: uboot: '2024.04' is not 2025.01 or 2026.10"),
    ("efi-map: missing.txt\n", ".memmap.yml:1: efi-map: missing.txt: cannot read: No such file or directory"),
    ("arch: riscv64\npage-size: 64K\n",
     "arm/fvp.dtb: arch riscv64 (.memmap.yml:1 (top level)) has no 64K pages (.memmap.yml:2 (top level))"),
  ])
  func badConfig(_ text: String, _ expected: String) throws {
    let root = try Self.workspace(text)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = try Binary.run(["lint", "arm/fvp.dtb", "qcom/sc8280xp-x13s.dtb"], directory: root)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("memmap: error: " + expected), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "one line for the run, not one per file")
    #expect(run.stdout.isEmpty)
  }
}
