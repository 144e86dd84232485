/// Findings about whether the kernel boots at all, and the tree shapes that decide it.
extension FindingAnalysis {
  /// MM034: the flow predicted a panic.
  static func panicFindings(_ report: MapReport) -> [Finding] {
    guard let panic = report.kernel.panic else { return [] }
    let kernel = "Linux \(report.kernel.profile.label)"
    let path = panic.node.flatMap { name in
      report.kernel.regions.first { $0.name == name && $0.path != nil }?.path
    }
    switch panic.cause {
    case .tableArrayUnmapped(let count):
      let owner = panic.node.map { "\($0)'s no-map \(Hex.range(panic.noMap))" } ?? "no-map \(Hex.range(panic.noMap))"
      return [Finding(rule: RuleCatalogue.bootPanic,
        message: "\(kernel) panics at boot: its reserved_mem array (\(count) \(count == 1 ? "entry" : "entries")) lands at \(Hex.range(panic.address)), in page \(Hex.range(panic.page)) that \(owner) leaves out of the linear map (Unable to handle kernel paging request)",
        nodes: [path ?? report.description.reservedMemory?.path ?? "/"])]
    }
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
