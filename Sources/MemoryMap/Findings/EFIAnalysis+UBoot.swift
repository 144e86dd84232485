/// Conflicts between the tree and the EFI map U-Boot builds from it (docs/uboot.md).
extension EFIAnalysis {
  /// C12: `status = "ok"`, enabled for Linux, disabled for U-Boot's LMB and EFI carve-out.
  static func statusOkFindings(_ report: MapReport) -> [Finding] {
    (report.description.reservedMemory?.children ?? []).compactMap { child in
      guard child.status == "ok", child.isAvailable, child.reg != nil else { return nil }
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

  /// C4/C5: a later carve-out entry of another type overwrites part of an earlier one.
  static func overrideFindings(_ report: MapReport) -> [Finding] {
    let items = report.efi.uboot.carveOuts
    var out: [Finding] = []
    for (earlierIndex, laterIndex) in overlappingPairs(items.map(\.pageRange)) {
      let earlier = items[earlierIndex], later = items[laterIndex]
      guard earlier.type != later.type, let shared = earlier.pageRange.intersection(later.pageRange)
      else { continue }
      out.append(Finding(rule: RuleCatalogue.ubootEFITypeOverridden,
        message: "U-Boot's EFI map turns \(Hex.range(shared)) of \(path(earlier.source)) "
          + "(\(earlier.type.name!)) into \(later.type.name!); LMB kept the first reservation",
        nodes: [path(later.source), path(earlier.source)]))
    }
    return out
  }

  /// Index pairs `(earlier, later)` of overlapping ranges, in the order of the later one, found
  /// by a sweep over the ranges sorted by base (trees with thousands of regions stay fast).
  static func overlappingPairs(_ ranges: [AddressRange]) -> [(Int, Int)] {
    let order = ranges.indices.sorted { ranges[$0].base < ranges[$1].base }
    var pairs: [(Int, Int)] = []
    for (position, i) in order.enumerated() {
      for j in order[(position + 1)...] {
        guard ranges[j].base < ranges[i].saturatedEnd else { break }
        if ranges[i].overlaps(ranges[j]) { pairs.append((min(i, j), max(i, j))) }
      }
    }
    return pairs.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
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
    case .memreserve(let index): return "/memreserve/[\(index)]"
    case .ubootImage: return "U-Boot"
    }
  }
}
