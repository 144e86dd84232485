import MemoryMap

/// The readable view of one report: memory banks, reserved regions by address, findings, totals.
enum TableRenderer {
  /// `width`, when given, is the terminal's: the tables are fitted to it (`TextTable.render`).
  static func render(_ report: MapReport, colour: Bool, width: Int? = nil) -> String {
    let style = Style(enabled: colour)
    let cells = report.description.rootCells
    var out = style.bold(VisibleText.escape(report.file)) + "  (Linux \(report.kernel.profile.label) profile, "
      + "#address-cells \(cells.addressCells), #size-cells \(cells.sizeCells))\n\n"
    out += style.bold("Memory") + "\n" + memoryTable(report, width: width)
    out += "\n" + style.bold("Reserved regions") + "\n" + regionTable(report, width: width)
    out += "\n" + style.bold("U-Boot LMB") + "\n" + lmbTable(report, width: width)
    if report.efi.firmware != nil {
      out += "\n" + style.bold("EFI memory map") + " (\(EFIRenderer.source(report)))\n" + EFIRenderer.section(report, width: width)
    }
    if !report.findings.isEmpty || !report.suppressed.isEmpty {
      out += "\n" + style.bold("Findings") + "\n"
      for finding in report.findings {
        out += "  " + style.severity(finding.severity) + ": " + VisibleText.escape(FindingLine.text(finding)) + "\n"
      }
      if !report.suppressed.isEmpty {
        out += "  (\(report.suppressed.count) suppressed by the config file)\n"
      }
    }
    let s = report.summary
    if !report.ramKnown { return out + "\nSummary: RAM unknown\n" }
    out += "\nSummary: RAM \(Formatting.humanSize(s.ram)), reserved \(Formatting.humanSize(s.reserved)), "
      + "no-map \(Formatting.humanSize(s.noMap)), free \(Formatting.humanSize(s.free))\n"
    return out
  }

  static func memoryTable(_ report: MapReport, width: Int? = nil) -> String {
    var table = TextTable(["START", "END (incl.)", "SIZE", "SOURCE"], rightAligned: [2])
    for bank in MemoryBanks.list(report) {
      table.add([Formatting.paddedHex(bank.range.base),
                 bank.range.lastAddress.map(Formatting.paddedHex) ?? "past 2^64",
                 Formatting.humanSize(bank.range.size), bank.source])
    }
    if table.rows.isEmpty { return "  unknown: \(RAMUnknownText.remedy)\n" }
    return table.render(width: width)
  }

  static func regionTable(_ report: MapReport, width: Int? = nil) -> String {
    let table = regions(report)
    if table.rows.isEmpty { return "  none\n" }
    return table.render(width: width)
  }

  /// The reserved regions, one row each in `RegionOrder`: the table of inspect and of the
  /// HTML page of `render`.
  static func regions(_ report: MapReport) -> TextTable {
    var table = TextTable(
      ["START", "END (incl.)", "SIZE", "KIND", "FLAGS", "STATUS", "INIT", "NODE", "COMPATIBLE"],
      rightAligned: [2])
    // On a narrow terminal: addresses stay whole; END (START + SIZE tells it) and INIT go first.
    table.unbroken = [0, 1]
    table.droppable = [1, 6]
    for region in RegionOrder.sorted(report.kernel.regions) {
      table.add(row(region))
    }
    return table
  }

  /// U-Boot's reserved list after it fed the tree to LMB, and the reservations it refused.
  static func lmbTable(_ report: MapReport, width: Int? = nil) -> String {
    var table = TextTable(["START", "END (incl.)", "SIZE", "FLAGS"], rightAligned: [2])
    for region in report.uboot.lmb.reserved {
      table.add([Formatting.paddedHex(region.base), Formatting.paddedHex(region.base &+ region.size &- 1),
                 Formatting.humanSize(region.size), UBootRenderer.flagText(region.flags)])
    }
    if !report.ramKnown { return "  not evaluated: RAM unknown\n" }
    var out = table.rows.isEmpty ? "  no reservations\n" : table.render(width: width)
    let uboot = report.uboot
    if let layout = uboot.layout {
      out += "  U-Boot \(uboot.version.name) itself: \(Hex.range(layout.reservation))\n"
        + "    ram_top \(Hex.plain(layout.ramTop)), relocaddr \(Hex.plain(layout.relocationAddress)), "
        + "sp start \(Hex.plain(layout.stackPointer))\n"
    }
    if let architecture = uboot.ownMemoryNotModelledFor, uboot.reservations.allSatisfy({ $0.source != .ubootImage }) {
      out += "  U-Boot's own memory: not placed for a \(architecture.rawValue) tree (memmap knows the "
        + "numbers of Debian's qemu_arm64 build only); give it with --uboot-reserve\n"
    }
    if uboot.stopsBeforePrompt {
      out += "  U-Boot \(uboot.version.name) stops before its prompt on this tree (see the findings)\n"
    }
    for attempt in report.uboot.reservations where !attempt.status.isSuccess {
      var what = "U-Boot's own region"
      switch attempt.source {
      case .node(let path): what = path
      case .memreserve(let index): what = MemreserveLabel.phrase(index)
      case .ubootImage: break
      case .efiStartup: what = "the EFI loader's start-up pages"
      }
      out += "  refused: \(VisibleText.escape(what)) \(Hex.range(attempt.range)) \(UBootRenderer.flagText(attempt.flags)): \(attempt.status.rawValue)\n"
    }
    return out
  }

  static func row(_ region: KernelRegion) -> [String] {
    let start = region.range.map { Formatting.paddedHex($0.base) } ?? "not placed"
    let end = region.range.map { $0.lastAddress.map(Formatting.paddedHex) ?? ($0.isEmpty ? "-" : "past 2^64") } ?? "-"
    return [start, end, Formatting.humanSize(region.size), region.kind.rawValue, RegionText.flags(region),
            RegionText.status(region), RegionText.initResult(region), region.label, RegionText.compatible(region)]
  }
}
