/// Findings about U-Boot's own start and its EFI boot, read from the decisions the U-Boot
/// model recorded (`UBootResult.memtop`, its reservations).
enum UBootAnalysis {
  static func findings(_ report: MapReport) -> [Finding] {
    memtopFindings(report.uboot) + bootefiFindings(report)
  }

  /// MM040, MM041, MM043: the tree does not fit `common/memtop.c`'s table.
  static func memtopFindings(_ uboot: UBootResult) -> [Finding] {
    let version = uboot.version.name
    let size = uboot.version.memtopTableSize
    switch uboot.memtop {
    case .fits:
      return []
    case .tooManyMemreserves(let count):
      return [Finding(rule: RuleCatalogue.ubootMemtopTableFull,
        message: "U-Boot \(version) stops before its prompt: \(count) /memreserve/ entries, its "
          + "relocation code holds fewer than \(size) (Assertion 'total < MEM_RGN_COUNT' failed)",
        nodes: ["/memreserve/"])]
    case .childPastTable(let path, let position):
      return [Finding(rule: RuleCatalogue.ubootMemtopTableFull,
        message: "U-Boot \(version) stops before its prompt: this enabled region with reg is child "
          + "\(position + 1) of /reserved-memory, its relocation code holds \(size) "
          + "(Assertion 'i < MEM_RGN_COUNT' failed)",
        nodes: [path])]
    case .onePast(let lost, let memreserves, let ramTopIfListed):
      let what: String
      let node: String
      switch lost.source {
      case .memreserve(let index): (what, node) = (MemreserveLabel.phrase(index), "/memreserve/")
      case .node(let path): (what, node) = (path, path)
      }
      var moves = "ram_top does not move"
      if let now = uboot.layout?.ramTop, now != ramTopIfListed {
        moves = "ram_top moves from " + (ramTopIfListed.map(Hex.plain) ?? "none") + " to " + Hex.plain(now)
      }
      return [Finding(rule: RuleCatalogue.ubootMemtopOnePast,
        message: "U-Boot \(version) writes one entry past its \(size)-entry relocation table "
          + "(\(memreserves) /memreserve/ entries and the /reserved-memory regions make \(size + 1)): "
          + "it no longer sees \(what) \(Hex.range(lost.range)) when it chooses where to relocate, "
          + "and \(moves); undefined behaviour that may crash other builds",
        nodes: [node])]
    case .overrun(let entries, let memreserves):
      return [Finding(rule: RuleCatalogue.ubootMemtopOverrun,
        message: "U-Boot \(version) crashes before its prompt: \(memreserves) /memreserve/ entries "
          + "and the /reserved-memory regions make at least \(entries) entries for its "
          + "\(size)-entry relocation table",
        nodes: ["/memreserve/"])]
    }
  }

  /// MM042: a region LMB refused that `bootefi`'s carve-out still writes into the EFI map, over
  /// the page the EFI loader allocates next: the allocation finds that page boot services data
  /// instead of conventional memory and fails.
  static func bootefiFindings(_ report: MapReport) -> [Finding] {
    guard let next = report.uboot.nextEFIPage else { return [] }
    let page = AddressRange(base: next, size: 0x1000)
    let uboot = report.uboot.version.name
    return report.uboot.reservations.compactMap { attempt in
      switch attempt.source {
      case .ubootImage, .efiStartup: return nil
      case .memreserve, .node: break
      }
      guard !attempt.status.isSuccess, attempt.range.size != 0, attempt.range.overlaps(page) else { return nil }
      let why = attempt.status == .invalid
        ? "runs past the end of RAM (-EINVAL)" : "was refused by LMB (\(attempt.status.rawValue))"
      return Finding(rule: RuleCatalogue.ubootBootefiOutOfMemory,
        message: "\(Hex.range(attempt.range)) \(why), so U-Boot \(uboot)'s EFI loader allocates "
          + "inside it (next at \(Hex.plain(next))); bootefi's carve-out then marks those pages "
          + "reserved and bootefi fails (Out of memory)",
        nodes: [EFIAnalysis.path(attempt.source)])
    }
  }
}
