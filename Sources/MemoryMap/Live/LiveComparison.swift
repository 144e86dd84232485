/// A running kernel's memory compared with the prediction for the tree it booted: what it
/// logged about reserved memory, and the RAM, no-map and reserved ranges of memblock and
/// `/proc/iomem`. Each check says whether it agrees, how, or why it was not made.
public struct LiveComparison: Sendable {
  /// Where a check's live side came from.
  public enum Source: String, Sendable {
    case memblock = "memblock"
    case iomem = "/proc/iomem"
  }

  /// What a check compares.
  public enum Subject: String, Sendable {
    /// All RAM, with or without `MEMBLOCK_NOMAP`.
    case memory
    /// RAM the kernel must not map: `no-map` regions.
    case noMap
    /// Reserved (mapped) regions of the tree, which must lie inside what the kernel reserved.
    case reserved
  }

  /// One range check: addresses only predicted, addresses only in the running kernel.
  public struct RangeCheck: Sendable, Equatable {
    public var subject: Subject
    public var source: Source
    public var predictedOnly: [AddressRange]
    public var liveOnly: [AddressRange]
    /// How many predicted ranges were compared.
    public var compared: Int

    public var agrees: Bool { predictedOnly.isEmpty && liveOnly.isEmpty }
  }

  public var log: KernelLogComparison?
  public var ranges: [RangeCheck]
  /// Checks not made, and why (`memblock`: "no-map flags not shown before Linux 6.4").
  public var skipped: [(what: String, why: String)]

  public var agrees: Bool { (log?.agrees ?? true) && ranges.allSatisfy(\.agrees) }

  /// Whether anything at all was compared.
  public var comparedAnything: Bool { log != nil || !ranges.isEmpty }
}

extension LiveComparison {
  /// Compares `live` with `report`, whose tree is the one the kernel booted. `predictedLog`
  /// is the kernel-log rendering of the prediction (the renderer owns the wording).
  public static func compare(_ report: MapReport, predictedLog: [String], live: LiveRecord) -> LiveComparison {
    var comparison = LiveComparison(log: nil, ranges: [], skipped: [])
    if let text = live.log {
      comparison.log = KernelLogComparison.compare(
        predicted: predictedLog, logged: KernelLogComparison.relevantLines(ofLog: text))
    }
    let predicted = Prediction(report)
    if let memory = live.memblockMemory {
      comparison.ranges.append(check(.memory, .memblock, predicted.memory, RangeUnion(memory.map(\.range))))
      if live.memblockShowsFlags {
        let noMap = memory.filter { $0.flags.contains(.noMap) }.map(\.range)
        comparison.ranges.append(check(.noMap, .memblock, predicted.noMap, RangeUnion(noMap)))
      } else {
        comparison.skipped.append(("memblock no-map", "this kernel does not print memblock flags"))
      }
    }
    if let reserved = live.memblockReserved {
      comparison.ranges.append(covered(predicted.reserved, by: RangeUnion(reserved), .memblock))
    }
    if let iomem = live.iomem {
      comparison.ranges += iomemChecks(iomem, predicted, page: report.kernel.profile.pageSize.bytes)
    }
    return comparison
  }

  /// `/proc/iomem` as the kernel builds it from memblock (arm64's `request_standard_resources`,
  /// riscv's `init_resources`): each memory region, whole pages only, at the top as
  /// `System RAM` or (no-map) `reserved` (`Reserved` on riscv), and each reserved region,
  /// widened to whole pages, as a `reserved` child.
  static func iomemChecks(_ entries: [IOMemEntry], _ predicted: Prediction, page: UInt64) -> [RangeCheck] {
    let top = entries.filter { $0.depth == 0 }
    let ram = top.filter { $0.kind == .systemRAM || $0.kind == .reserved }.map(\.range)
    let noMap = top.filter { $0.kind == .reserved }.map(\.range)
    let reserved = entries.filter { $0.depth == 1 && $0.kind == .reserved }.map(\.range)
    return [
      check(.memory, .iomem, RangeUnion(predicted.memoryRegions.compactMap { pagesInside($0, page) }), RangeUnion(ram)),
      check(.noMap, .iomem, RangeUnion(predicted.noMapRegions.compactMap { pagesInside($0, page) }), RangeUnion(noMap)),
      covered(predicted.reserved, by: RangeUnion(reserved), .iomem),
    ]
  }

  static func check(_ subject: Subject, _ source: Source, _ predicted: RangeUnion, _ live: RangeUnion) -> RangeCheck {
    RangeCheck(subject: subject, source: source, predictedOnly: predicted.subtracting(live),
               liveOnly: live.subtracting(predicted), compared: predicted.ranges.count)
  }

  static func covered(_ regions: [AddressRange], by live: RangeUnion, _ source: Source) -> RangeCheck {
    RangeCheck(subject: .reserved, source: source, predictedOnly: regions.flatMap(live.uncovered),
               liveOnly: [], compared: regions.count)
  }

  /// The whole pages inside `range` (`PFN_UP` of the start to `PFN_DOWN` of the end).
  static func pagesInside(_ range: AddressRange, _ page: UInt64) -> AddressRange? {
    let start = (range.base &+ page &- 1) & ~(page - 1)
    let end = range.saturatedEnd & ~(page - 1)
    guard start >= range.base, end > start else { return nil }
    return AddressRange(base: start, size: end - start)
  }

  /// The predicted side, from the model's memblock and regions.
  struct Prediction {
    var memoryRegions: [AddressRange]
    var noMapRegions: [AddressRange]
    /// Mapped regions of the tree the kernel reserved.
    var reserved: [AddressRange]

    var memory: RangeUnion { RangeUnion(memoryRegions) }
    var noMap: RangeUnion { RangeUnion(noMapRegions) }

    init(_ report: MapReport) {
      let memblock = report.kernel.memblock
      memoryRegions = memblock.memory.map(\.range)
      noMapRegions = memblock.memory.filter { $0.flags.contains(.noMap) }.map(\.range)
      reserved = report.kernel.regions.compactMap { region in
        guard region.kind == .static || region.kind == .dynamic, !region.noMap,
          region.status == .reserved, let range = region.range
        else { return nil }
        return range
      }
    }
  }
}
