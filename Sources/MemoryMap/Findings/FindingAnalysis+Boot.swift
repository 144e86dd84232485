/// Findings about whether the kernel boots at all, and the tree shapes that decide it.
extension FindingAnalysis {
  /// The panic the flow predicted, as one error: MM034 (the table array faults), MM063
  /// (memblock full), MM064 (the firmware's region lost).
  static func panicFindings(_ report: MapReport) -> [Finding] {
    guard let panic = report.kernel.panic else { return [] }
    let kernel = "Linux \(report.kernel.profile.label)"
    let node = panic.node ?? report.description.reservedMemory?.path ?? "/"
    switch panic.cause {
    case .tableArrayUnmapped(let count, let address, let page, let noMap):
      let owner = panic.node.map { "\(Self.lastComponent($0))'s no-map \(Hex.range(noMap))" } ?? "no-map \(Hex.range(noMap))"
      return [Finding(rule: RuleCatalogue.bootPanic,
        message: "\(kernel) panics at boot: its reserved_mem array (\(count) \(count == 1 ? "entry" : "entries")) lands at \(Hex.range(address)), in page \(Hex.range(page)) that \(owner) leaves out of the linear map (Unable to handle kernel paging request)",
        nodes: [node])]
    case .memblockFull(let overflow):
      let slots = report.kernel.memblock.staticSlots.map(String.init) ?? "?"
      let when: String
      if let range = overflow.range {
        when = "when it \(overflow.list == .memory ? "flags" : "reserves") \(Hex.range(range))"
      } else {
        when = "after the scan, where mapping the kernel needs \(report.kernel.profile.architecture.slotsNeededAfterScan) more"
      }
      return [Finding(rule: RuleCatalogue.memblockFull,
        message: "\(kernel) panics: memblock's \(overflow.list.rawValue) array holds \(overflow.regions) of \(slots) regions \(when) ('memblock: cannot resize \(overflow.list.rawValue) array')",
        nodes: [node])]
    case .firmwareRegionLost:
      let firmware = firmwareChildren(report).map(\.name)
      let named = firmware.isEmpty ? "the mmode_resv region OpenSBI adds at boot" : firmware.joined(separator: ", ")
      return [Finding(rule: RuleCatalogue.firmwareRegionLost,
        message: "\(kernel) refuses /reserved-memory, and with it \(named): the kernel uses the firmware's memory and faults on its first access",
        nodes: [node])]
    }
  }

  /// The last component of a node path: `optee@80000000` of `/reserved-memory/optee@80000000`.
  static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// MM065: dynamic regions the scan placed over a reservation the kernel makes only after it.
  static func lateReservationFindings(_ report: MapReport) -> [Finding] {
    let late = report.kernel.lateReservations
    guard !late.isEmpty else { return [] }
    let kernel = "Linux \(report.kernel.profile.label)"
    var out: [Finding] = []
    for region in report.kernel.regions where region.kind == .dynamic && region.status == .reserved {
      guard let range = region.range else { continue }
      for reservation in late where range.overlaps(reservation.range) {
        out.append(Finding(rule: RuleCatalogue.dynamicOverDTB,
          message: "\(kernel) places \(region.name) \(Hex.range(range)) over \(reservation.name) \(Hex.range(reservation.range)), which it reserves only after the scan",
          nodes: [region.path ?? region.name]))
      }
    }
    return out
  }

  /// MM066: a note when the architecture's firmware adds a region the tree does not have yet.
  static func firmwareRegionFindings(_ report: MapReport) -> [Finding] {
    guard report.kernel.profile.architecture.firmwareAddsReservedRegion,
      firmwareChildren(report).isEmpty
    else { return [] }
    return [Finding(rule: RuleCatalogue.firmwareRegionAbsent,
      message: "no /reserved-memory/mmode_resv* node: OpenSBI adds its own region before the kernel runs, so this is the tree given to the firmware and the kernel will also see that region",
      nodes: [report.description.reservedMemory?.path ?? "/"])]
  }

  /// The `/reserved-memory` children OpenSBI writes (`mmode_resv0@...`, one per PMP region).
  static func firmwareChildren(_ report: MapReport) -> [ReservedMemoryNode] {
    (report.description.reservedMemory?.children ?? []).filter { $0.name.hasPrefix("mmode_resv") }
  }

  /// MM035: every no-map region the kernel flagged whose ends are not on page boundaries.
  static func noMapAlignmentFindings(_ report: MapReport) -> [Finding] {
    let page = report.kernel.profile.pageSize
    var out: [Finding] = []
    for region in report.kernel.regions where region.noMap && region.status == .reserved {
      guard let path = region.path, let range = region.range, range.size > 0,
        (range.base | (range.base &+ range.size)) & (page.bytes - 1) != 0
      else { continue }
      let placed = region.kind == .dynamic ? "placed at " : ""
      out.append(Finding(rule: RuleCatalogue.noMapUnaligned,
        message: "no-map \(placed)\(Hex.range(range)) is not a whole number of \(page.name) pages: the rest of its first or last page stays free memory in a page it shares",
        nodes: [path]))
    }
    return out
  }
}
