import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// A run's flags and config files are resolved once, when it starts, into one `RunSettings`
/// that every input's options come from.
@Suite struct RunSettingsTests {
  /// A scratch folder holding `files` (name -> text), removed by the caller.
  static func folder(_ name: String, _ files: [String: String]) throws -> String {
    let folder = NSTemporaryDirectory() + "memmap-run-\(getpid())-\(name)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (file, text) in files { try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8) }
    return folder
  }

  @Test("--efi-map is read when the run starts: every input's options carry that one reading")
  func efiMapReadOnce() throws {
    let map = try String(contentsOfFile: Fixtures.path("efi/clean.efidebug.txt"), encoding: .utf8)
    let folder = try Self.folder("efi", ["map.txt": map])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try RunSettings(model: try ModelOptions.parse(["--efi-map", folder + "/map.txt", "--no-config"]),
                              input: nil)
    // Gone after the start: the three inputs' options can only come from the first reading.
    try FileManager.default.removeItem(atPath: folder + "/map.txt")
    let maps = try ["a.dtb", "b.dtb", "c.dtb"].map { try run.mapOptions(for: $0).efiMap }
    #expect(maps.allSatisfy { $0 != nil && $0 == maps[0] })
  }

  @Test("a missing --efi-map stops the run at its start, naming the file")
  func efiMapMissing() throws {
    #expect(throws: InputError(file: "/nonexistent/map.txt", problem: "cannot read: No such file or directory")) {
      _ = try RunSettings(model: try ModelOptions.parse(["--efi-map", "/nonexistent/map.txt", "--no-config"]),
                          input: nil)
    }
  }

  @Test("diff --to-uboot: the other release's defaults, but the config's dram-banks still applies")
  func otherUBootRelease() throws {
    // Fixed bug: the second input took --dram-banks from the flag alone, so a config's
    // dram-banks was dropped for it while its uboot-reserve was kept.
    let folder = try Self.folder("to-uboot", [".memmap.yml": "uboot: \"2025.01\"\ndram-banks: 2\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try RunSettings(model: try ModelOptions.parse(["--config", folder + "/.memmap.yml"]), input: nil)
    let a = try run.mapOptions(for: folder + "/board.dtb")
    let b = try run.mapOptions(for: folder + "/board.dtb", kernel: .v6_1, uboot: UBootChoice.v2026_10.version)
    #expect(a.uboot.version.name == "2025.01" && a.uboot.dramBanks == 2)
    #expect(b.uboot.version.name == "2026.10" && b.uboot.dramBanks == 2)
    // The other release's own build numbers (its qemu_arm64 values), not the first's.
    #expect(b.uboot.build == UBootChoice.v2026_10.version.qemuBuild)
    #expect(b.profile.version == .v6_1 && a.profile.version == .v7_2)
  }
}

extension RunSettingsTests {
  @Test("check-log: the log's release applies unless --kernel or a config file sets one")
  func logRelease() throws {
    // The banner Linux prints first (init/version.c, linux_banner); Debian 6.1's release string.
    let logged = try #require(KernelLogVersion.find(in: "[    0.000000] Linux version 6.1.0-28-arm64 (debian-kernel@lists.debian.org)\n"))
    let plain = try RunSettings(model: try ModelOptions.parse(["--no-config"]), input: nil)
    let fromLog = try plain.mapOptions(for: "board.dtb", loggedBy: logged)
    #expect(fromLog.options.profile.version == .v6_1 && !fromLog.chosen)
    let noLog = try plain.mapOptions(for: "board.dtb", loggedBy: nil)
    #expect(noLog.options.profile.version == .v7_2 && !noLog.chosen)
    let flagged = try RunSettings(model: try ModelOptions.parse(["--no-config", "--kernel", "6.12"]), input: nil)
    let byFlag = try flagged.mapOptions(for: "board.dtb", loggedBy: logged)
    #expect(byFlag.options.profile.version == .v6_12 && byFlag.chosen)
    let folder = try Self.folder("log-release", [".memmap.yml": "kernel: \"7.2\"\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let configured = try RunSettings(model: try ModelOptions.parse(["--config", folder + "/.memmap.yml"]), input: nil)
    let byConfig = try configured.mapOptions(for: folder + "/board.dtb", loggedBy: logged)
    #expect(byConfig.options.profile.version == .v7_2 && byConfig.chosen)
  }
}
