/// Derives findings from a report: the tree's shape, and what the kernel flow did with it.
public enum FindingAnalysis {
  /// Every finding for `report`, in a stable order (by rule, then by node).
  public static func findings(for report: MapReport) -> [Finding] {
    var out: [Finding] = []
    out += parentFindings(report)
    out += childShapeFindings(report)
    out += kernelEventFindings(report)
    out += OverlapAnalysis.findings(report)
    out += memoryFindings(report)
    out += panicFindings(report)
    out += noMapAlignmentFindings(report)
    out += ubootFindings(report)
    out += UBootAnalysis.findings(report)
    out += EFIAnalysis.findings(report)
    out += lateReservationFindings(report)
    out += firmwareRegionFindings(report)
    return out.sorted { ($0.rule.id, $0.nodes.first ?? "") < ($1.rule.id, $1.nodes.first ?? "") }
  }

  static func parentFindings(_ report: MapReport) -> [Finding] {
    guard let parent = report.description.reservedMemory,
      case .refused(let problems) = report.kernel.parentFormat
    else { return [] }
    return [Finding(
      rule: RuleCatalogue.reservedMemoryFormat,
      message: problems.map(phrase).joined(separator: "; ") + ": the kernel ignores all \(parent.children.count) children",
      nodes: [parent.path])]
  }

  /// One reason the kernel refused `/reserved-memory`, as the finding states it.
  static func phrase(_ problem: ParentFormat.Problem) -> String {
    switch problem {
    case .addressCells(let parent, let root):
      return "#address-cells is \(parent.map(String.init) ?? "missing"), root has \(root)"
    case .sizeCells(let parent, let root):
      return "#size-cells is \(parent.map(String.init) ?? "missing"), root has \(root)"
    case .missingRanges:
      return "ranges is missing"
    }
  }

  /// Shape findings for each available child. None when the parent's format is refused: the
  /// kernel never reads the children then, and their cells would be decoded with the wrong counts.
  static func childShapeFindings(_ report: MapReport) -> [Finding] {
    guard !report.kernel.parentFormat.isRefused else { return [] }
    let cells = report.description.rootCells
    var out: [Finding] = []
    let children = report.description.reservedMemory?.children ?? []
    for (index, child) in children.enumerated() where child.isAvailable(to: report.kernel.profile.version) {
      out += RegionShape.findings(child, region: report.kernel.region(ofChild: index),
                                  decodedReg: report.kernel.regOfChild[index],
                                  decodedAllocRanges: report.kernel.allocRangesOfChild[index], cells: cells,
                                  profile: report.kernel.profile)
    }
    return out
  }

  /// Findings on what the kernel did to a node, read from its events: each event names its
  /// node's region, so the finding is reported at that region's path.
  static func kernelEventFindings(_ report: MapReport) -> [Finding] {
    let regions = report.kernel.regions
    func node(_ region: Int) -> [String] { [regions[region].path ?? regions[region].name] }
    let kernel = "Linux \(report.kernel.profile.name)"
    var out: [Finding] = []
    var overflowing: [Int] = []
    for event in report.kernel.events {
      switch event {
      case .allocationFailed(let region, let size):
        out.append(Finding(rule: RuleCatalogue.dynamicAllocationFailed,
          message: "\(kernel) finds no free block of \(Hex.plain(size)) bytes for \(regions[region].name)",
          nodes: node(region)))
      case .failedToReserve(let region, let base, let size) where size != 0:
        out.append(Finding(rule: RuleCatalogue.reserveFailed,
          message: "\(kernel) refuses \(regions[region].name) \(Hex.range(AddressRange(base: base, size: size))): no-map over memory that is already reserved (EBUSY)",
          nodes: node(region)))
      case .notEnoughSpace(let region):
        overflowing.append(region)
      case .tooManyDynamic(let region):
        out.append(Finding(rule: RuleCatalogue.tooManyDynamic,
          message: "\(kernel) skips \(regions[region].name): more than 64 dynamic regions", nodes: node(region)))
      case .matchingFailed(let region):
        let why = report.kernel.profile.hasCMA ? "" : " (this kernel has no CMA)"
        out.append(Finding(rule: RuleCatalogue.initFailed,
          message: "\(kernel): every init function for \(regions[region].name) fails\(why); its memory is released",
          nodes: node(region)))
      default:
        break
      }
    }
    for region in overflowing {
      out.append(Finding(rule: RuleCatalogue.tableOverflow,
        message: "\(kernel) has no table entry left for \(regions[region].name) (64 entries)",
        nodes: node(region)))
    }
    return out
  }

  /// Reservations U-Boot's LMB refused (it prints an ERROR line for each).
  static func ubootFindings(_ report: MapReport) -> [Finding] {
    guard report.ramKnown else { return [] }
    return report.uboot.reservations.compactMap { attempt in
      guard !attempt.status.isSuccess else { return nil }
      let node: String
      switch attempt.source {
      case .node(let path): node = path
      case .memreserve(let index): node = MemreserveLabel.nodePath(index)
      case .ubootImage, .efiStartup: return nil
      }
      let own = report.uboot.layout?.reservation
      let why = attempt.status == .exists && own.map(attempt.range.overlaps) == true
        ? "it overlaps U-Boot's own relocated image, heap and stack \(Hex.range(own!)) (-EEXIST)"
        : attempt.status == .fault
        ? "it has no byte in RAM (-EFAULT; U-Boot \(report.uboot.version.name) says nothing)"
        : attempt.status == .exists
        ? "it overlaps an LMB reservation with other flags (-EEXIST)"
        : attempt.status == .invalid ? "it does not lie inside one RAM bank (-EINVAL)" : "LMB returns \(attempt.status.rawValue)"
      return Finding(rule: RuleCatalogue.ubootReserveFailed,
        message: "U-Boot cannot reserve \(Hex.range(attempt.range)) (\(attempt.flags.isEmpty ? "none" : attempt.flags.contains(.noMap) ? "no-map" : "no-overwrite")): \(why)",
        nodes: [node])
    }
  }

  static func memoryFindings(_ report: MapReport) -> [Finding] {
    guard !report.ramKnown else { return [] }
    let nodes = report.description.memoryNodes.map(\.path)
    let what = nodes.isEmpty ? "the tree has no /memory node" : "/memory has size 0"
    return [Finding(rule: RuleCatalogue.memoryLeftToBootloader,
      message: "RAM unknown: \(what) and no RAM was given (--memory, memory: in .memmap.yml, "
        + "or --efi-map); the checks that need RAM are skipped",
      nodes: nodes.isEmpty ? ["/"] : nodes)]
  }
}
