/// Findings about U-Boot's own start and its EFI boot, read from the decisions the U-Boot
/// model recorded (`UBootResult.memtop`, its reservations).
enum UBootAnalysis {
  static func findings(_ report: MapReport) -> [Finding] {
    memtopFindings(report.uboot) + straddleFindings(report)
  }

  /// MM040, MM041: the tree does not fit `common/memtop.c`'s table.
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
    case .overrun(let entries, let memreserves):
      return [Finding(rule: RuleCatalogue.ubootMemtopOverrun,
        message: "U-Boot \(version) crashes before its prompt: \(memreserves) /memreserve/ entries "
          + "and the /reserved-memory regions make at least \(entries) entries for its "
          + "\(size)-entry relocation table",
        nodes: ["/memreserve/"])]
    }
  }

  /// MM042: a reservation LMB refused because it runs past the end of RAM.
  static func straddleFindings(_ report: MapReport) -> [Finding] {
    guard !report.uboot.version.reservesOutsideRAM else { return [] }
    let banks = report.uboot.lmb.memory
    return report.uboot.reservations.compactMap { attempt in
      guard attempt.status == .invalid, attempt.source != .ubootImage,
        let bank = banks.first(where: { attempt.range.base >= $0.base && attempt.range.base - $0.base < $0.size }),
        attempt.range.saturatedEnd > bank.base &+ bank.size
      else { return nil }
      return Finding(rule: RuleCatalogue.ubootEFIStraddlesRAMEnd,
        message: "\(Hex.range(attempt.range)) runs past the end of RAM at \(Hex.plain(bank.base &+ bank.size)): "
          + "U-Boot \(report.uboot.version.name) leaves it out of LMB, its EFI loader allocates there, "
          + "and bootefi's carve-out then overwrites those pages (bootefi: Out of memory)",
        nodes: [EFIAnalysis.path(attempt.source)])
    }
  }
}
