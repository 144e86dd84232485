import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// The U-Boot conformance suite: every tree in `Fixtures/uboot` was booted by Debian's real
/// U-Boot 2026.10-rc5 and 2025.01 under QEMU (`scripts/uboot-record.sh`, logs
/// `NAME.VERSION.log`). Where U-Boot reached its prompt, memmap's `--format uboot` for the tree
/// U-Boot received (`NAME.seen.dts`) must equal its ERROR lines and its first `bdinfo` LMB dump,
/// with no U-Boot flags; where it hung or crashed, memmap must say so with an error finding. Its
/// EFI map before `bootefi` (`@@EFI-PRE`) must equal memmap's, the EFI loader's own pages left
/// out, and after `bootefi` (`@@EFI-POST`) type each tree region as memmap's carve-out does.
@Suite struct UBootConformanceTests {
  static let cases = Fixtures.names(in: "uboot", suffix: ".dts").filter { !$0.hasSuffix(".seen") }
  static let versions = UBootVersion.all.map(\.name)

  /// What one recorded boot shows.
  struct Recording {
    /// The oracle's verdict: `ok`, `hang`, `crash`, ...
    var result: String
    /// The `ERROR: reserving fdt memory region failed` lines U-Boot printed while starting,
    /// then the `lmb_dump_all` of the first `bdinfo`.
    var bootText: String
    /// True when `bootefi hello` left no EFI map to print (`@@EFI-POST` right before the next
    /// marker).
    var efiBootBroken: Bool
  }

  static func recording(_ name: String, _ version: String) throws -> Recording {
    let log = try Fixtures.text("uboot/\(name).\(version).log")
    let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let result = lines.last { $0.hasPrefix("===UBOOT-ORACLE result=") }?
      .split(separator: " ")[1].dropFirst("result=".count) ?? "missing"
    let start = lines.firstIndex(of: "@@VERSION") ?? lines.count
    var text = lines[..<start].filter { $0.hasPrefix("ERROR: reserving") }.map { $0 + "\n" }.joined()
    if let bdinfo = lines.firstIndex(of: "@@BDINFO"), let end = lines[bdinfo...].firstIndex(of: "@@EFI-PRE") {
      text += lines[bdinfo..<end].filter {
        $0 == "lmb_dump_all:" || $0.hasPrefix(" memory") || $0.hasPrefix(" reserved")
      }.map { $0 + "\n" }.joined()
    }
    let post = lines.firstIndex(of: "@@EFI-POST")
    let broken = post.map { $0 + 1 < lines.count && lines[$0 + 1].hasPrefix("@@") } ?? false
    return Recording(result: String(result), bootText: text, efiBootBroken: broken)
  }

  static func report(_ name: String, _ version: String) throws -> MapReport {
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("uboot", name + ".seen"))
    let uboot = UBootOptions(version: try #require(UBootVersion.named(version)))
    return try MapReport.make(blob, options: MapOptions(uboot: uboot))
  }

  @Test("the suite holds at least 30 trees, each recorded under both releases")
  func coverage() throws {
    #expect(Self.cases.count >= 30)
    for name in Self.cases {
      for version in Self.versions {
        #expect(FileManager.default.fileExists(atPath: Fixtures.path("uboot/\(name).\(version).log")),
                "\(name) has no \(version) recording")
      }
      #expect(FileManager.default.fileExists(atPath: Fixtures.path("uboot/\(name).seen.dts")))
    }
  }

  @Test("U-Boot prints what memmap predicts, or stops where memmap says it does",
        arguments: cases, versions)
  func boot(_ name: String, _ version: String) throws {
    let recorded = try Self.recording(name, version)
    let report = try Self.report(name, version)
    let stops = report.findings.filter { ["MM040", "MM041"].contains($0.rule.id) }
    switch recorded.result {
    case "ok":
      let actual = UBootRenderer.boot(report.uboot)
      #expect(actual == recorded.bootText,
              "\(name) \(version):\n\(Golden.lineDiff(expected: recorded.bootText, actual: actual))")
      #expect(stops.isEmpty, "\(name) \(version) booted, but memmap says: \(stops.map(\.message))")
    case "hang":
      #expect(stops.map(\.rule.id) == ["MM040"], "\(name) \(version) hung: \(stops.map(\.message))")
    case "crash":
      #expect(stops.map(\.rule.id) == ["MM041"], "\(name) \(version) crashed: \(stops.map(\.message))")
    default:
      Issue.record("\(name) \(version): the recording ends in result=\(recorded.result)")
    }
  }

  /// The trees with 65 memtop entries (their sources say so): each booted under 2026.10
  /// (the `boot` test checks their bdinfo); 2025.01 has no memtop table.
  static let onePastCases = ["38-mixed-32-33", "45-one-past-top", "47-mixed-63-2"]

  @Test("a 65th memtop entry is a warning exactly where U-Boot 2026.10 booted with it", arguments: cases)
  func memtopOnePast(_ name: String) throws {
    for version in Self.versions {
      let rules = try Self.report(name, version).findings.map(\.rule.id)
      let expected = version == "2026.10" && Self.onePastCases.contains(name)
      #expect(rules.contains("MM043") == expected, "\(name) \(version): \(rules)")
    }
  }

  @Test("45-one-past-top: U-Boot relocates as if the lost top entry were not there")
  func onePastMovesRamTop() throws {
    // Recordings: 45-one-past-top.2026.10.log relocaddr 0x7f480000 (ram_top 0x7fe00000, the
    // top window that holds the lost entry at 0x7ff00000); 46-table-full-top.2026.10.log,
    // the same tree with one child fewer, relocaddr 0x7f380000 (ram_top 0x7fd00000).
    let lost = try Self.report("45-one-past-top", "2026.10")
    let kept = try Self.report("46-table-full-top", "2026.10")
    #expect(lost.uboot.layout?.relocationAddress == 0x7f48_0000)
    #expect(kept.uboot.layout?.relocationAddress == 0x7f38_0000)
    let finding = try #require(lost.findings.first { $0.rule.id == "MM043" })
    #expect(finding.nodes == ["/memreserve/"])
    #expect(finding.message.contains("0x7ff00000") && finding.message.contains("ram_top moves from 0x7fd00000 to 0x7fe00000"),
            "\(finding.message)")
  }

  @Test("on a riscv64 tree U-Boot's own memory and its memtop table are not modelled")
  func riscvLeavesOwnMemoryOut() throws {
    // Debian's u-boot-qemu 2026.10~rc5-1 ships config.qemu-riscv64 and
    // config.qemu-riscv64_smode without CONFIG_RELOC_ADDR_TOP (and with
    // CONFIG_SYS_MALLOC_LEN=0x800000, not qemu_arm64's 0x1000000): no memtop table, and
    // memmap has no numbers to place the riscv build. The tree's regions still go to LMB.
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("uboot", "31-children-65.seen"))
    var profile = KernelProfile.v7_2
    profile.architecture = .riscv64
    let report = try MapReport.make(blob, options: MapOptions(profile: profile, detectArchitecture: false))
    #expect(report.uboot.ownMemoryNotModelledFor == .riscv64)
    #expect(report.uboot.layout == nil && report.uboot.memtop == .fits(entries: 0))
    #expect(!report.findings.contains { ["MM040", "MM041", "MM042", "MM043"].contains($0.rule.id) })
    #expect(report.uboot.reservations.count == 65 && report.uboot.reservations.allSatisfy { $0.source != .ubootImage })
    let arm64 = try MapReport.make(blob, options: MapOptions(detectArchitecture: false))
    #expect(arm64.uboot.ownMemoryNotModelledFor == nil)
    #expect(arm64.findings.contains { $0.rule.id == "MM040" })
  }

  @Test("after bootefi, U-Boot's EFI map types each tree region as memmap's carve-out does",
        arguments: cases, versions)
  func carveOut(_ name: String, _ version: String) throws {
    let recorded = try Self.recording(name, version)
    guard recorded.result == "ok", !recorded.efiBootBroken else { return }
    let log = try Fixtures.text("uboot/\(name).\(version).log")
    let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
    let post = try #require(lines.firstIndex(of: "@@EFI-POST"))
    let end = try #require(lines[post...].firstIndex(of: "@@BDINFO-POST"))
    let real = try EFIMapParser.parse(lines[(post + 1)..<end].joined(separator: "\n"), file: name).get()
    let report = try Self.report(name, version)
    let ram = report.uboot.banks
    func types(_ descriptors: [EFIDescriptor], over range: AddressRange) -> Set<String> {
      Set(descriptors.filter { $0.range.overlaps(range) }.compactMap(\.type.name))
    }
    for item in report.efi.uboot.carveOuts where item.range.size != 0 {
      let pages = item.pageRange
      guard ram.contains(where: { $0.contains(pages.base) && pages.saturatedEnd <= $0.saturatedEnd }) else { continue }
      #expect(types(real.descriptors, over: pages) == types(report.efi.uboot.atBoot.ascending, over: pages),
              "\(name) \(version): \(item.source) \(Hex.range(pages))")
    }
  }

  /// The EFI allocator's own pages in a recording, which memmap does not model: every
  /// `no-notify` LMB entry of either `bdinfo` (`efi_allocate_pages` takes its pages from LMB
  /// with `LMB_NONOTIFY | LMB_NOOVERWRITE`, `lib/efi_loader/efi_memory.c`; the second dump, after
  /// `bootefi hello`, still holds what `efi_init_obj_list` took before the first map), rounded
  /// outward to pages. On every recording these cover the allocator's BootServicesData
  /// descriptors: in 2026.10 at the top of RAM, above `ram_top`; in 2025.01, whose own
  /// reservation runs to the end of RAM, just below U-Boot's region. The second dump also holds
  /// pages taken after the first map; those the recorded map still shows free stay compared.
  static func allocatorPages(_ lines: [Substring]) -> [AddressRange] {
    lines.compactMap { line -> AddressRange? in
      // ` reserved[N]\t[0xFIRST-0xLAST], SIZE bytes, flags: no-notify, no-overwrite`
      guard line.hasPrefix(" reserved["), line.contains("no-notify"),
            let bounds = line.split(separator: "\t").dropFirst().first?.dropFirst().split(separator: "]").first,
            case let ends = bounds.split(separator: "-"), ends.count == 2,
            let first = UInt64(ends[0].dropFirst(2), radix: 16), let last = UInt64(ends[1].dropFirst(2), radix: 16)
      else { return nil }
      let span = EFIMemoryMap.pageSpan(start: first, size: last &- first &+ 1)
      return AddressRange(base: span.start, size: span.pages &<< 12)
    }
  }

  /// Descriptor types no LMB notification writes and memmap does not model: the 64 KiB-aligned
  /// runtime section inside U-Boot's image (RuntimeServicesCode, `add_u_boot_and_runtime` in
  /// `lib/efi_loader/efi_memory.c`) and what the EFI loader allocates for itself
  /// (RuntimeServicesData in every recording; ACPI and Loader types would be its too). The
  /// recordings hold no other type than these, BootServicesCode/Data and ConventionalMemory.
  static let allocatorTypes: Set<EFIMemoryType> = [
    .runtimeServicesCode, .runtimeServicesData, .acpiReclaim, .acpiNVS, .loaderCode, .loaderData,
  ]

  /// `descriptors` as `START-END Type` runs over the intervals between `cuts`, without those
  /// `dropped` says to leave out, equal neighbours joined.
  static func runs(_ descriptors: [EFIDescriptor], cuts: [UInt64],
                   dropped: (_ start: UInt64, _ end: UInt64) -> Bool) -> String {
    var out: [(start: UInt64, end: UInt64, type: EFIMemoryType?)] = []
    for (a, b) in zip(cuts, cuts.dropFirst()) where a < b && !dropped(a, b) {
      let type = descriptors.first { $0.start <= a && b <= $0.end }?.type
      if let last = out.last, last.end == a, last.type == type {
        out[out.count - 1].end = b
      } else {
        out.append((a, b, type))
      }
    }
    return out.map { "\(Hex.padded($0.start))-\(Hex.padded($0.end)) \($0.type?.name ?? "none")\n" }.joined()
  }

  @Test("before bootefi, U-Boot's EFI map is RAM and LMB's reservations as memmap builds them",
        arguments: cases, versions)
  func efiBeforeBoot(_ name: String, _ version: String) throws {
    let recorded = try Self.recording(name, version)
    guard recorded.result == "ok" else { return }
    let log = try Fixtures.text("uboot/\(name).\(version).log")
    let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
    let pre = try #require(lines.firstIndex(of: "@@EFI-PRE"))
    let hello = try #require(lines[pre...].firstIndex(of: "@@HELLO"))
    let real = try EFIMapParser.parse(lines[(pre + 1)..<hello].joined(separator: "\n"), file: name).get()
    let model = try Self.report(name, version).efi.uboot.beforeBoot.ascending
    // Left out: the allocator's own descriptor types, and the allocator's LMB pages unless the
    // recorded map still shows them free (Fixtures/uboot/*.log: every recording that booted).
    let allocated = Self.allocatorPages(lines)
    func recordedType(_ a: UInt64, _ b: UInt64) -> EFIMemoryType? {
      real.descriptors.first { $0.start <= a && b <= $0.end }?.type
    }
    func dropped(_ a: UInt64, _ b: UInt64) -> Bool {
      let type = recordedType(a, b)
      if let type, Self.allocatorTypes.contains(type) { return true }
      return type != .conventional && allocated.contains { $0.base <= a && b <= $0.wrappingEnd }
    }
    var cuts = Set<UInt64>()
    for d in real.descriptors + model { cuts.formUnion([d.start, d.end]) }
    for range in allocated { cuts.formUnion([range.base, range.wrappingEnd]) }
    let sorted = cuts.sorted()
    let expected = Self.runs(real.descriptors, cuts: sorted, dropped: dropped)
    let actual = Self.runs(model, cuts: sorted, dropped: dropped)
    #expect(actual == expected, "\(name) \(version):\n\(Golden.lineDiff(expected: expected, actual: actual))")
  }

  @Test("diff --to-uboot shows what an upgrade changes: 31-children-65 boots 2025.01, hangs 2026.10")
  func upgradeDiff() throws {
    #expect(try Self.recording("31-children-65", "2025.01").result == "ok")
    #expect(try Self.recording("31-children-65", "2026.10").result == "hang")
    let tree = Fixtures.dtb("uboot", "31-children-65.seen")
    let run = try Binary.run(["diff", "--uboot", "2025.01", "--to-uboot", "2026.10", tree])
    #expect(run.status == 1)
    #expect(run.stdout.contains("+ [MM040 uboot-memtop-table-full]"))
    #expect(try Binary.run(["diff", "--to-uboot", "2026.10", tree]).status == 0)
  }

  @Test("check-log agrees with each console capture that reached the prompt", arguments: versions)
  func checkLog(_ version: String) throws {
    for name in Self.cases where try Self.recording(name, version).result == "ok" {
      let run = try Binary.run(["check-log", "--uboot", version, Fixtures.dtb("uboot", name + ".seen"),
                                Fixtures.path("uboot/\(name).\(version).log")])
      #expect(run.status == 0, "\(name) \(version): \(run.stdout)")
      #expect(run.stdout.contains("agrees with the U-Boot \(version) prediction"))
    }
  }

  @Test("--efi-map on a capture of U-Boot and Linux says which map it used")
  func efiMapNote() throws {
    let run = try Binary.run(["inspect", "--efi-map", Fixtures.path("uboot/01-plain.2026.10.linux.log"),
                              Fixtures.dtb("uboot", "01-plain.seen")])
    #expect(run.status == 0)
    #expect(run.stderr.contains("using the linux efi=debug map at lines 65-86, the map the kernel received; "
                                + "also found: efidebug memmap table at lines 27-42"))
  }

  @Test("check-log names the ERROR line another release would not print")
  func checkLogOtherRelease() throws {
    // 18-straddle-end.2026.10.log has one ERROR line; 2025.01 prints none.
    let run = try Binary.run(["check-log", "--uboot", "2025.01", Fixtures.dtb("uboot", "18-straddle-end.seen"),
                              Fixtures.path("uboot/18-straddle-end.2026.10.log")])
    #expect(run.status == 1)
    #expect(run.stdout.contains("+ ERROR: reserving fdt memory region failed (addr=7ff00000 size=200000 flags=2): -22"))
  }

  @Test("bootefi breaks exactly where memmap reports MM042", arguments: cases, versions)
  func efiBoot(_ name: String, _ version: String) throws {
    let recorded = try Self.recording(name, version)
    guard recorded.result == "ok" else { return }
    let report = try Self.report(name, version)
    let predicted = report.findings.contains { $0.rule.id == "MM042" }
    #expect(predicted == recorded.efiBootBroken, "\(name) \(version)")
  }
}
