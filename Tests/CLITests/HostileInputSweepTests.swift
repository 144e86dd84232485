import DeviceTree
import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// Issue #8: every input, however broken or hostile, ends in a report or in one
/// `DeviceTreeError` line, quickly, and a report is internally consistent.
///
/// Inputs are the compiled fixtures and trees written with `FDTWriter`, truncated, with bytes
/// changed, with header fields corrupted, with impossible cell counts and property lengths,
/// with ranges that wrap, and nested deeper than libfdt's `FDT_MAX_DEPTH`. Each one goes
/// through the in-process pipeline: `DeviceTreeBlob(bytes:file:)`, `MapReport.make` under
/// both kernel profiles, and the table, JSON, kernel-log and U-Boot renderers.
@Suite struct HostileInputSweepTests {
  // MARK: - The pipeline and what every run must satisfy

  /// What one input came to.
  enum Outcome {
    case reports([MapReport])
    case error(DeviceTreeError)

    var reports: [MapReport] {
      if case .reports(let reports) = self { return reports }
      return []
    }
  }

  /// The default options and a second set that reaches the 6.1 flow, `--memory` and `--reserve`.
  static let optionSets: [MapOptions] = [
    MapOptions(),
    MapOptions(
      profile: .v6_1,
      inputs: KernelInputs(
        memory: [AddressRange(base: 0x4000_0000, size: 0x1_0000_0000)],
        reservations: [
          BootReservation(name: "kernel", range: AddressRange(base: 0x4020_0000, size: 0x200_0000))
        ]),
      impliedBootLayout: false),
  ]

  /// Work that grows far faster than the input shows in the size of what comes out, which is
  /// measured exactly, unlike time on a shared machine (speed is `make bench`'s job): each
  /// region has at most 8 overlap pairs spelled out plus one summary (OverlapAnalysis), and a
  /// handful of other rules; so findings stay below 16 per input entry.
  static func findingBound(_ report: MapReport) -> Int {
    16 * (report.kernel.regions.count + report.description.memoryNodes.count + 4)
  }

  /// Runs `bytes` through the whole pipeline and records an issue for every broken promise.
  @discardableResult
  static func sweep(_ bytes: [UInt8], _ label: @autoclosure () -> String) -> Outcome {
    let outcome = run(bytes)
    switch outcome {
    case .error(let error):
      let line = ErrorText.line(for: error)
      #expect(!line.contains("\n") && !line.isEmpty, "\(label()): error text \(line.debugDescription)")
    case .reports(let reports):
      for report in reports {
        checkInvariants(report, label())
        #expect(report.findings.count <= findingBound(report),
                "\(label()): \(report.findings.count) findings for \(report.kernel.regions.count) regions")
      }
    }
    return outcome
  }

  static func run(_ bytes: [UInt8]) -> Outcome {
    do {
      let blob = try DeviceTreeBlob(bytes: bytes, file: "hostile.dtb")
      var reports: [MapReport] = []
      for options in optionSets { reports.append(try MapReport.make(blob, options: options)) }
      for format in InspectFormat.allCases {
        let text = InspectRenderer.render(reports, format: format, colour: format == .table)
        if format != .kernelLog { #expect(!text.isEmpty, "\(format) rendered nothing") }
      }
      for report in reports { _ = InspectRenderer.render([report], format: .json, colour: false) }
      return .reports(reports)
    } catch {
      return .error(error)
    }
  }

  /// What must hold of any report, whatever the tree said: memblock's lists are sorted,
  /// disjoint, non-empty and inside 64 bits; the totals add up without wrapping; a region
  /// reported as reserved has a place.
  static func checkInvariants(_ report: MapReport, _ label: @autoclosure () -> String) {
    for (name, list) in [("memory", report.kernel.memblock.memory),
                         ("reserved", report.kernel.memblock.reserved)] {
      var previousEnd: UInt64 = 0
      for (index, region) in list.enumerated() {
        let (end, overflow) = region.base.addingReportingOverflow(region.size)
        let ordered = index == 0 || region.base >= previousEnd
        #expect(region.size > 0 && !overflow && ordered,
                "\(label()): memblock.\(name)[\(index)] \(region)")
        previousEnd = end
      }
    }
    let s = report.summary
    let (used, overflow) = s.noMap.addingReportingOverflow(s.free)
    #expect(!overflow && used <= s.ram, "\(label()): summary \(s)")
    for region in report.kernel.regions where region.status == .reserved {
      #expect(region.range != nil, "\(label()): \(region.name) reserved but not placed")
    }
  }

  // MARK: - Seeds

  /// Every compiled fixture (`make fixtures`), sorted by path.
  static let fixtureBlobs: [(name: String, bytes: [UInt8])] = {
    let root = URL(fileURLWithPath: Fixtures.dtbRoot)
    let paths = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
      .filter { $0.hasSuffix(".dtb") }.sorted()
    return paths.compactMap { path in
      (try? Fixtures.bytes(atPath: root.appendingPathComponent(path).path)).map { (path, $0) }
    }
  }()

  /// Small trees written here: a board with static, dynamic and CMA regions, and the same
  /// with `/memreserve/` entries and `/chosen`.
  static let craftedBlobs: [(name: String, bytes: [UInt8])] = {
    let reserved = [
      FDTNode("tfa@80000000", [("reg", FDTWriter.pairs(0x8000_0000, 0x20_0000)), ("no-map", [])]),
      FDTNode("pool", [("compatible", FDTWriter.strings("shared-dma-pool")),
                       ("size", FDTWriter.pairs(0x80_0000)), ("alignment", FDTWriter.pairs(0x10_0000)),
                       ("alloc-ranges", FDTWriter.pairs(0x9000_0000, 0x1000_0000))]),
      FDTNode("cma", [("compatible", FDTWriter.strings("shared-dma-pool")), ("reusable", []),
                      ("size", FDTWriter.pairs(0x100_0000)), ("linux,cma-default", [])]),
    ]
    let chosen = FDTNode("chosen", [("linux,initrd-start", FDTWriter.cells(0x8800_0000)),
                                    ("linux,initrd-end", FDTWriter.cells(0x8840_0000))])
    return [
      ("crafted-board", FDTWriter.blob(.board(reserved: reserved))),
      ("crafted-memreserve", FDTWriter.blob(
        .board(reserved: reserved, extra: [chosen]),
        memoryReservations: [(0x8000_0000, 0x1_0000), (0xffff_ffff_ffff_0000, 0x2_0000)])),
    ]
  }()

  @Test("the fixtures are there to sweep")
  func seedsExist() {
    #expect(Self.fixtureBlobs.count >= 20, "run `make fixtures` first")
    for seed in Self.fixtureBlobs + Self.craftedBlobs {
      if case .error(let error) = Self.sweep(seed.bytes, seed.name) {
        // A few fixtures are deliberately unreadable (Fixtures/errors); all others must load.
        #expect(seed.name.hasPrefix("errors/"), "\(seed.name): \(ErrorText.line(for: error))")
      }
    }
  }

  // MARK: - Truncation

  @Test("truncated at every offset (small blobs) or at 48 offsets (the rest)")
  func truncation() {
    let smallest = Self.fixtureBlobs.filter { !$0.name.hasPrefix("errors/") }
      .min { $0.bytes.count < $1.bytes.count }
    let everyOffset = Self.craftedBlobs + (smallest.map { [$0] } ?? [])
    for seed in everyOffset {
      for cut in 0..<seed.bytes.count {
        let prefix = Array(seed.bytes.prefix(cut))
        let outcome = Self.sweep(prefix, "\(seed.name) cut at \(cut)")
        #expect(outcome.reports.isEmpty, "\(seed.name) cut at \(cut) still loaded")
        // The same prefix with a header that claims exactly what is there.
        if cut >= 40 {
          Self.sweep(FDTWriter.patching(prefix, .totalSize, to: UInt32(cut)),
                     "\(seed.name) cut at \(cut), totalsize patched")
        }
      }
    }
    for seed in Self.fixtureBlobs {
      let step = max(1, seed.bytes.count / 48)
      for cut in stride(from: 0, to: seed.bytes.count, by: step) {
        Self.sweep(Array(seed.bytes.prefix(cut)), "\(seed.name) cut at \(cut)")
      }
    }
  }

  // MARK: - Changed bytes

  /// Changes one to four bytes (a new value or one flipped bit) at seeded offsets.
  static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
    var copy = bytes
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      let at = Int.random(in: 0..<copy.count, using: &random)
      if Bool.random(using: &random) {
        copy[at] = UInt8.random(in: 0...255, using: &random)
      } else {
        copy[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
      }
    }
    return copy
  }

  @Test("bytes changed at seeded offsets: 24 mutants per fixture, 400 per crafted tree")
  func byteFlips() {
    var random = SplitMix64(seed: 0x6d65_6d6d_6170_0008)
    for seed in Self.fixtureBlobs {
      for i in 0..<24 {
        Self.sweep(Self.mutate(seed.bytes, using: &random), "\(seed.name) mutant \(i)")
      }
    }
    for seed in Self.craftedBlobs {
      for i in 0..<400 {
        Self.sweep(Self.mutate(seed.bytes, using: &random), "\(seed.name) mutant \(i)")
      }
    }
  }

  // MARK: - Header fields

  @Test("every header field set to boundary and hostile values", arguments: FDTWriter.HeaderField.allCases)
  func headerField(_ field: FDTWriter.HeaderField) {
    let seeds = Self.craftedBlobs + Self.fixtureBlobs.filter { $0.name.hasPrefix("boards/") }.prefix(4)
    for seed in seeds {
      let original = FDTWriter.field(seed.bytes, field)
      let total = UInt32(seed.bytes.count)
      let values: [UInt32] = [
        0, 1, 3, 4, 7, 8, 16, 17, 18, 0x27, 0x28, 0x29, 0x30, total - 1, total, total + 1,
        total / 2, original &- 1, original &+ 1, original &- 4, original &+ 4, original &+ 8,
        original << 1, 0x7fff_ffff, 0x8000_0000, 0xffff_fff8, 0xffff_ffff,
      ]
      for value in values {
        Self.sweep(FDTWriter.patching(seed.bytes, field, to: value), "\(seed.name) \(field) = \(value)")
      }
    }
  }

  /// Found by `make fuzz` (issue #15): a version 4 blob on which libfdt 1.6.1's
  /// fdt_check_full reads a null pointer (SIGSEGV). Versions before 16 are refused first.
  @Test("a blob of version 4 that crashed libfdt's fdt_check_full: FDT_ERR_BADVERSION")
  func oldVersion() throws {
    let bytes = try Fixtures.bytes(atPath: Fixtures.path("hostile/check-full-version-4.bin"))
    guard case .error(let error) = Self.sweep(bytes, "check-full-version-4.bin") else {
      Issue.record("loaded")
      return
    }
    #expect(error.code == .badVersion)
    for version: UInt32 in [0, 1, 2, 3, 15] {
      let blob = FDTWriter.patching(Self.craftedBlobs[0].bytes, .version, to: version)
      guard case .error(let error) = Self.sweep(blob, "version \(version)") else {
        Issue.record("version \(version) loaded")
        continue
      }
      #expect(error.code == .badVersion)
    }
  }

  // MARK: - Cell counts

  static let cellValues: [UInt32] = [0, 1, 2, 3, 4, 5, 0xffff_ffff]

  @Test("root #address-cells and #size-cells outside 1...2: a report up to 4, one error above")
  func rootCells() throws {
    for address in Self.cellValues {
      for size in Self.cellValues {
        let blob = FDTWriter.blob(.board(rootAddressCells: FDTWriter.cells(address),
                                         rootSizeCells: FDTWriter.cells(size)))
        let outcome = Self.sweep(blob, "root cells \(address)/\(size)")
        if address <= 4 && size <= 4 {
          #expect(outcome.reports.count == 2, "root cells \(address)/\(size)")
        } else if case .error(let error) = outcome {
          #expect(error.code == .badNCells)
        } else {
          Issue.record("root cells \(address)/\(size) gave a report")
        }
      }
    }
    for length in [0, 1, 2, 3, 5, 8] {
      let value = [UInt8](repeating: 0, count: length)
      let outcome = Self.sweep(FDTWriter.blob(.board(rootAddressCells: value)), "root #address-cells of \(length) bytes")
      guard case .error(let error) = outcome else {
        Issue.record("#address-cells of \(length) bytes gave a report")
        continue
      }
      #expect(error.code == .badNCells)
    }
  }

  @Test("/reserved-memory cells that differ from the root's: every child skipped, said so")
  func reservedMemoryCells() {
    let reserved = [FDTNode("fw@80000000", [("reg", FDTWriter.pairs(0x8000_0000, 0x1000))]),
                    FDTNode("dyn", [("size", FDTWriter.pairs(0x1000))])]
    for address in Self.cellValues {
      for size in Self.cellValues {
        let blob = FDTWriter.blob(.board(reservedAddressCells: FDTWriter.cells(address),
                                         reservedSizeCells: FDTWriter.cells(size), reserved: reserved))
        let label = "/reserved-memory cells \(address)/\(size)"
        let reports = Self.sweep(blob, label).reports
        #expect(reports.count == 2, "\(label)")
        for report in reports {
          let children = report.kernel.regions.filter { $0.path != nil }
          let expected: RegionStatus = address == 2 && size == 2 ? .reserved : .skipped(.unsupportedParent)
          #expect(children.allSatisfy { $0.status == expected }, "\(label): \(children.map(\.status))")
        }
      }
    }
    for length in [0, 1, 3, 5, 8, 12] {
      let value = [UInt8](repeating: 0, count: length)
      Self.sweep(FDTWriter.blob(.board(reservedAddressCells: value, reservedSizeCells: value, reserved: reserved)),
                 "/reserved-memory cells of \(length) bytes")
    }
  }

  // MARK: - Property lengths

  static let oddLengths = Array(1...7) + [9, 12, 15, 17, 20, 23, 24, 31, 33]

  /// The status a kernel flow gives a child whose `property` has a malformed length. From 6.19
  /// (the 7.2 profile) a malformed alloc-ranges is ignored and the region placed anywhere
  /// (Fixtures/kernel/13-invalid-dyn-props.7.2.txt).
  static func expectedStatus(_ property: String, _ profile: KernelProfile) -> RegionStatus {
    if property == "alloc-ranges" && profile.ignoresInvalidAllocRanges { return .reserved }
    switch property {
    case "reg": return .skipped(.invalidReg)
    case "size": return .skipped(.invalidSize)
    case "alignment": return .skipped(.invalidAlignment)
    default: return .skipped(.invalidAllocRanges)
    }
  }

  @Test("reg, size, alignment and alloc-ranges of odd lengths: skipped with the reason (7.2 places the last anywhere)",
        arguments: ["reg", "size", "alignment", "alloc-ranges"])
  func oddLengths(_ property: String) {
    var random = SplitMix64(seed: UInt64(property.utf8.count))
    // No length in the list is a whole number of entries: 8 for size and alignment, 16 for
    // reg and alloc-ranges with 2/2 cells.
    for length in Self.oddLengths {
      let value = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      var properties: [(name: String, value: [UInt8])] = [(property, value)]
      if property != "reg" && property != "size" { properties.append(("size", FDTWriter.pairs(0x1000))) }
      let blob = FDTWriter.blob(.board(reserved: [FDTNode("odd", properties)]))
      let label = "\(property) of \(length) bytes"
      let reports = Self.sweep(blob, label).reports
      #expect(reports.count == 2, "\(label)")
      for report in reports {
        let status = report.kernel.regions.first { $0.name == "odd" }?.status
        #expect(status == Self.expectedStatus(property, report.kernel.profile),
                "\(label): \(String(describing: status))")
      }
    }
  }

  @Test("/memory reg and linux,usable-memory of odd lengths")
  func oddMemoryLengths() {
    for length in [0] + Self.oddLengths {
      let value = [UInt8](repeating: 0x40, count: length)
      Self.sweep(FDTWriter.blob(.board(memory: value)), "memory reg of \(length) bytes")
      let usable = FDTNode("memory@0", [("device_type", FDTWriter.strings("memory")),
                                        ("linux,usable-memory", value), ("reg", FDTWriter.pairs(0, 0x1000_0000))])
      Self.sweep(FDTWriter.blob(.board(extra: [usable])), "usable-memory of \(length) bytes")
    }
  }

  // MARK: - Numbers at the edges

  @Test("reg entries that wrap past 2^64, zero and huge sizes, hostile alignments")
  func edgeNumbers() {
    let top = UInt64.max
    let pairs: [(UInt64, UInt64)] = [
      (top - 0xfff, 0x2000), (top, 1), (top, top), (0, top), (1, top), (0, 0), (top, 0),
      (0x8000_0000, 0), (0x8000_0000, top), (0x8000_0000, 1 << 63), (1 << 63, 1 << 63),
      (0xffff_ffff_0000_0000, 0x1_0000_0000),
    ]
    let alignments: [UInt64] = [0, 1, 3, 0x1001, 1 << 63, top, 0x20_0000]
    for (base, size) in pairs {
      let memory = FDTWriter.pairs(0x8000_0000, 0x8000_0000, base, size)
      let reserved = [
        FDTNode("static", [("reg", FDTWriter.pairs(base, size))]),
        FDTNode("nomap", [("reg", FDTWriter.pairs(base, size)), ("no-map", [])]),
        FDTNode("dynamic", [("size", FDTWriter.pairs(size)), ("alloc-ranges", FDTWriter.pairs(base, size))]),
        FDTNode("cma", [("compatible", FDTWriter.strings("shared-dma-pool")), ("reusable", []),
                        ("size", FDTWriter.pairs(size))]),
      ]
      let chosen = FDTNode("chosen", [("linux,initrd-start", FDTWriter.pairs(base)),
                                      ("linux,initrd-end", FDTWriter.pairs(base &+ size))])
      Self.sweep(FDTWriter.blob(.board(memory: memory, reserved: reserved, extra: [chosen]),
                                memoryReservations: [(base, size), (0x9000_0000, 0x1000)]),
                 "entry (\(base), \(size))")
      for align in alignments {
        let aligned = [FDTNode("aligned", [("size", FDTWriter.pairs(size)), ("alignment", FDTWriter.pairs(align)),
                                           ("alloc-ranges", FDTWriter.pairs(base, size, 0x8000_0000, 0x8000_0000))])]
        Self.sweep(FDTWriter.blob(.board(memory: memory, reserved: aligned)),
                   "dynamic (\(base), \(size)) aligned to \(align)")
      }
    }
  }

  @Test("a 64-bit address space full of memory, reservations and dynamic regions")
  func fullAddressSpace() throws {
    // 64 memory banks of 2^58 bytes tile the whole space; the last one ends exactly at 2^64.
    let memory = FDTWriter.pairs((0..<64).flatMap { [UInt64($0) << 58, 1 << 58] } as [UInt64])
    var reserved: [FDTNode] = []
    for i in 0..<200 {
      let base = UInt64(i) << 56 | 0x1000 * UInt64(i)
      var properties: [(name: String, value: [UInt8])] = [("reg", FDTWriter.pairs(base, 0x10_0000 << (i % 20)))]
      if i % 3 == 0 { properties.append(("no-map", [])) }
      reserved.append(FDTNode("s\(i)@\(String(base, radix: 16))", properties))
    }
    for i in 0..<80 {
      reserved.append(FDTNode("d\(i)", [("size", FDTWriter.pairs(0x1000 << (i % 40))),
                                        ("alloc-ranges", FDTWriter.pairs(UInt64(i) << 57, 1 << 57))]))
    }
    let memreserve = (0..<100).map { (UInt64($0) << 57 | 0x4000, UInt64(0x1000)) }
    let blob = FDTWriter.blob(.board(reserved: reserved), memoryReservations: memreserve)
    let patched = FDTWriter.blob(
      FDTNode("", [("#address-cells", FDTWriter.cells(2)), ("#size-cells", FDTWriter.cells(2))],
              children: [FDTNode("memory", [("device_type", FDTWriter.strings("memory")), ("reg", memory)]),
                         FDTNode("reserved-memory", [("#address-cells", FDTWriter.cells(2)),
                                                     ("#size-cells", FDTWriter.cells(2)), ("ranges", [])],
                                 children: reserved)]),
      memoryReservations: memreserve)
    for (name, bytes) in [("full space, one bank", blob), ("full space, 64 banks", patched)] {
      let reports = Self.sweep(bytes, name).reports
      #expect(reports.count == 2, "\(name)")
    }
  }

  // MARK: - Depth

  @Test("nodes nested around and far beyond FDT_MAX_DEPTH (64)", arguments: [10, 63, 64, 65, 100, 2000])
  func deepNesting(_ depth: Int) throws {
    let chain = try #require(FDTNode.chain(depth: depth))
    let deepChild = FDTNode("deep", [("reg", FDTWriter.pairs(0x9000_0000, 0x1000))], children: [chain])
    let blob = FDTWriter.blob(.board(reserved: [deepChild], extra: [chain]))
    let reports = Self.sweep(blob, "depth \(depth)").reports
    #expect(reports.count == 2, "depth \(depth)")
    for report in reports {
      #expect(report.kernel.regions.first { $0.name == "deep" }?.status == .reserved)
    }
  }

  // MARK: - Lengths that libfdt reads as negative

  /// Regression for the fuzzer's first crash (an empty `ranges` whose length field says
  /// 0xffffffff, under `/reserved-memory`): libfdt 1.6.1's `fdt_check_full` wraps such a length
  /// back to the value's start and accepts the blob, then `fdt_getprop` returns the length as
  /// -1, which trapped in `LibFDT.property`. Now the door refuses the blob (0xfffffff8...c) or
  /// the read gives FDT_ERR_BADSTRUCTURE naming the property (0xfffffffd...f).
  @Test("property lengths 0xfffffff8...0xffffffff: FDT_ERR_BADSTRUCTURE, no trap",
        arguments: ["ranges", "reg", "size", "#address-cells", "compatible", "device_type",
                    "linux,initrd-start", "no-map", "status"])
  func negativeLengths(_ property: String) {
    let reserved = [FDTNode("fw@80000000", [("reg", FDTWriter.pairs(0x8000_0000, 0x1000)), ("no-map", []),
                                            ("status", FDTWriter.strings("okay"))]),
                    FDTNode("dyn", [("size", FDTWriter.pairs(0x1000))])]
    let chosen = FDTNode("chosen", [("linux,initrd-start", FDTWriter.cells(0x8800_0000)),
                                    ("linux,initrd-end", FDTWriter.cells(0x8840_0000))])
    let tree = FDTNode.board(reserved: reserved, extra: [chosen])
    for length in UInt32(0xffff_fff8)...UInt32.max {
      let label = "\(property) of declared length \(String(length, radix: 16))"
      let outcome = Self.sweep(FDTWriter.blob(tree, declaredLength: (property, length)), label)
      guard case .error(let error) = outcome else {
        Issue.record("\(label): loaded")
        continue
      }
      let atDoor = error.nodePath == nil && error.property == nil
      #expect(error.code == .badStructure && (length >= 0xffff_fffd ? error.property == property : atDoor),
              "\(label): \(ErrorText.line(for: error))")
    }
  }

  // MARK: - The real binary

  /// A seeded sample of mutants, each through `memmap inspect` in one of its formats: the exit
  /// status matches the in-process outcome, and an unreadable file gets exactly one stderr line.
  @Test("a sample of mutants through the built memmap")
  func binarySample() throws {
    var random = SplitMix64(seed: 0x00b1_0a2e)
    let seeds = Self.craftedBlobs + Self.fixtureBlobs.filter { !$0.name.hasPrefix("errors/") }
    let directory = NSTemporaryDirectory() + "memmap-hostile-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let formats = InspectFormat.allCases.map(\.rawValue)
    for i in 0..<36 {
      let seed = seeds[Int.random(in: 0..<seeds.count, using: &random)]
      var bytes = Self.mutate(seed.bytes, using: &random)
      if i % 3 == 0 { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random))) }
      if i % 3 == 1 {
        let field = FDTWriter.HeaderField.allCases.randomElement(using: &random)!
        bytes = FDTWriter.patching(bytes, field, to: UInt32.random(in: 0...UInt32.max, using: &random))
      }
      let path = directory + "/mutant-\(i).dtb"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let expectError: Bool
      if case .error = Self.run(bytes) { expectError = true } else { expectError = false }
      let run = try Binary.run(["inspect", "--format", formats[i % formats.count], path])
      let label = "mutant \(i) of \(seed.name)"
      #expect(run.status == (expectError ? 2 : 0), "\(label): exit \(run.status), stderr \(run.stderr)")
      if run.status == 2 {
        #expect(run.stderr.hasPrefix("memmap: error: \(path): ") && run.stderr.hasSuffix("\n")
                && run.stderr.dropLast().firstIndex(of: "\n") == nil, "\(label): \(run.stderr)")
      }
    }
  }
}

/// Thousands of regions at one address must not turn into millions of findings.
@Suite struct OverlapFloodTests {
  @Test("1,000 identical regions: at most 8 pairs spelled out per region, the rest counted")
  func flood() throws {
    var dts = "/dts-v1/;\n/ {\n\t#address-cells = <2>;\n\t#size-cells = <2>;\n"
    dts += "\tmemory@40000000 { device_type = \"memory\"; reg = <0x0 0x40000000 0x0 0x40000000>; };\n"
    dts += "\treserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n\t\tranges;\n"
    for i in 0..<1000 { dts += "\t\tr\(i)@50000000 { reg = <0x0 0x50000000 0x0 0x1000>; };\n" }
    dts += "\t};\n};\n"
    let dir = NSTemporaryDirectory() + "memmap-flood-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try dts.write(toFile: dir + "/flood.dts", atomically: true, encoding: .utf8)
    let dtc = Process()
    dtc.executableURL = URL(fileURLWithPath: "/usr/bin/dtc")
    dtc.arguments = ["-q", "-I", "dts", "-O", "dtb", "-o", dir + "/flood.dtb", dir + "/flood.dts"]
    try dtc.run()
    dtc.waitUntilExit()
    let report = try MapReport.make(try DeviceTreeBlob.load(path: dir + "/flood.dtb"), options: MapOptions())
    let overlaps = report.findings.filter { $0.rule.id == "MM001" }
    // Region k overlaps the k regions before it: 8 pairs each (0+1+...+7 for the first eight),
    // plus one summary for every region with more than 8 (regions 9...999).
    #expect(overlaps.count == 28 + 992 * 8 + 991)
    #expect(overlaps.contains { $0.message.hasSuffix("also overlaps 991 more regions") })
  }
}
