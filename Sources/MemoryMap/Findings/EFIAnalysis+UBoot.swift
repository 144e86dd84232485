/// Conflicts between the tree and the EFI map U-Boot builds from it (docs/uboot.md).
extension EFIAnalysis {
  /// C12: `status = "ok"`, enabled for Linux, disabled for U-Boot's LMB and EFI carve-out.
  static func statusOkFindings(_ report: MapReport) -> [Finding] {
    (report.description.reservedMemory?.children ?? []).compactMap { child in
      guard child.status.word == .ok, child.reg != nil else { return nil }
      return Finding(rule: RuleCatalogue.ubootStatusOk,
        message: "status \"ok\": Linux reserves it, but U-Boot reads it as disabled, "
          + "so neither LMB nor its EFI map reserve it",
        nodes: [child.path])
    }
  }

  /// C1-C3: carve-out ranges that are not wholly inside U-Boot's RAM banks.
  static func outsideRAMFindings(_ report: MapReport) -> [Finding] {
    let banks = report.uboot.lmb.memory.map(\.range)
    return report.efi.uboot.carveOuts.compactMap { item in
      let pages = item.pageRange
      guard pages.size != 0, !pages.wraps else { return nil }
      let inside = banks.reduce(UInt64(0)) { $0 &+ (pages.intersection($1)?.size ?? 0) }
      guard inside < pages.size else { return nil }
      let amount = inside == 0 ? "all" : Hex.plain(pages.size - inside) + " bytes"
      let ram = banks.map(Hex.range).joined(separator: ", ")
      return Finding(rule: RuleCatalogue.ubootEFIOutsideRAM,
        message: "U-Boot's EFI carve-out lists \(amount) of \(item.type.name!) \(Hex.range(pages)) "
          + "outside RAM (\(ram)) with the WB attribute",
        nodes: [path(item.source)])
    }
  }

  /// C4/C5: a later carve-out entry of another type overwrites part of an earlier one. Pairs
  /// come from `OverlapSweep` (entries of one type are not paired), at most
  /// `OverlapAnalysis.pairsPerRegion` per entry, the rest counted in one finding.
  static func overrideFindings(_ report: MapReport) -> [Finding] {
    let items = report.efi.uboot.carveOuts
    let steps = OverlapSweep.steps(items.map(\.pageRange), groups: items.map { Int($0.type.rawValue) },
                                   limit: OverlapAnalysis.pairsPerRegion, totalLimit: OverlapAnalysis.pairsPerTree)
    var found: [(later: Int, earlier: Int, finding: Finding)] = []
    for step in steps {
      for other in step.named {
        let earlier = items[min(step.index, other)], later = items[max(step.index, other)]
        guard let shared = earlier.pageRange.intersection(later.pageRange) else { continue }
        found.append((max(step.index, other), min(step.index, other), Finding(rule: RuleCatalogue.ubootEFITypeOverridden,
          message: "U-Boot's EFI map turns \(Hex.range(shared)) of \(path(earlier.source)) "
            + "(\(earlier.type.name!)) into \(later.type.name!); LMB kept the first reservation",
          nodes: [path(later.source), path(earlier.source)])))
      }
      if step.total > step.named.count {
        let item = items[step.index]
        found.append((step.index, -1, Finding(rule: RuleCatalogue.ubootEFITypeOverridden,
          message: "\(path(item.source)) \(Hex.range(item.pageRange)) (\(item.type.name!)) "
            + (step.named.isEmpty ? "overlaps \(step.total)" : "also overlaps \(step.total - step.named.count) more")
            + " carve-out entries of other types",
          nodes: [path(item.source)])))
      }
    }
    return found.sorted { ($0.later, $0.earlier) < ($1.later, $1.earlier) }.map(\.finding)
  }

  /// C14: carve-out ranges that are not whole pages.
  static func roundingFindings(_ report: MapReport) -> [Finding] {
    report.efi.uboot.carveOuts.compactMap { item in
      let range = item.range
      guard range.size != 0, !range.wraps, (range.base | range.size) & 0xfff != 0 else { return nil }
      // Rounding the end up can pass 2^64 and wrap to 0: say so rather than print [x, 0x0).
      let pages = item.pageRange
      let pageText = pages.size == 0 ? "[\(Hex.plain(pages.base)), 2^64)" : Hex.range(pages)
      return Finding(rule: RuleCatalogue.ubootEFIPageRounding,
        message: "U-Boot's EFI map widens \(Hex.range(range)) to the pages \(pageText), all \(item.type.name!)",
        nodes: [path(item.source)])
    }
  }

  static func path(_ source: UBootReservation.Source) -> String {
    switch source {
    case .node(let path): return path
    case .memreserve(let index): return MemreserveLabel.nodePath(index)
    case .ubootImage: return "U-Boot"
    case .efiStartup: return "U-Boot's EFI loader"
    }
  }
}
