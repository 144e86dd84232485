/// Findings about the EFI memory map: U-Boot's built map against the tree always, and the
/// firmware's map (`--efi-map`) against the DT specification's requirements when given.
enum EFIAnalysis {
  static func findings(_ report: MapReport) -> [Finding] {
    var out = statusOkFindings(report)
    if report.ramKnown {
      out += outsideRAMFindings(report) + overrideFindings(report) + roundingFindings(report)
    }
    if let firmware = report.efi.firmware {
      let map = firmware.descriptors.sorted { $0.start < $1.start }
      out += staticRegions(report).flatMap { staticFindings($0, map) }
      out += dynamicFindings(report, map)
    }
    return out
  }

  /// A region the firmware map must describe: a `/memreserve/` entry or a static `reg` entry.
  struct StaticRegion {
    var path: String
    var range: AddressRange
    /// No-map, or a `/memreserve/` entry: the EFI type must be reserved memory.
    var mustBeReserved: Bool
    /// A `/memreserve/` entry rather than a `reg` entry of a node.
    var isMemreserve = false
  }

  /// `/memreserve/` entries and every `reg` entry of the available static children, as Linux
  /// reserves them (none when the kernel refuses `/reserved-memory`).
  static func staticRegions(_ report: MapReport) -> [StaticRegion] {
    let description = report.description
    var out = description.memoryReservations.filter { $0.size != 0 }.map {
      StaticRegion(path: MemreserveLabel.nodePath($0.index),
                   range: AddressRange(base: $0.address, size: $0.size), mustBeReserved: true,
                   isMemreserve: true)
    }
    guard !report.kernel.parentFormat.isRefused else { return out }
    let children = description.reservedMemory?.children ?? []
    for (index, child) in children.enumerated() where child.isAvailable(to: report.kernel.profile.version) {
      guard let reg = report.kernel.regOfChild[index] else { continue }
      for entry in reg.entries where entry.size != 0 {
        let range = AddressRange(base: entry.address, size: entry.size)
        guard !range.wraps else { continue }
        out.append(StaticRegion(path: child.path, range: range, mustBeReserved: child.noMap))
      }
    }
    return out
  }

  /// The DT spec's checks (a), (b), (c) and (e) for one static region: each part of it is
  /// judged once, by the descriptor it lies in or by the lack of one.
  static func staticFindings(_ region: StaticRegion, _ map: [EFIDescriptor]) -> [Finding] {
    let pieces = map.compactMap { d in region.range.intersection(d.range).map { (d, $0) } }
    let firmware = pieces.filter { $0.0.type.isFirmwareOwned }.map(\.0)
    let wanted: EFIMemoryType = region.mustBeReserved ? .reserved : .bootServicesData
    let wrong = pieces.filter { !$0.0.type.isFirmwareOwned && $0.0.type != wanted }.map(\.0)
    let covered = pieces.reduce(UInt64(0)) { $0 &+ $1.1.size }
    let what = label(region)
    var out: [Finding] = []
    if !wrong.isEmpty {
      let rule = region.mustBeReserved
        ? RuleCatalogue.efiNoMapNotReserved : RuleCatalogue.efiStaticNotBootData
      out.append(Finding(rule: rule,
        message: "\(what) should be \(wanted.name!) but the EFI map has \(list(wrong))",
        nodes: [region.path]))
    }
    if !firmware.isEmpty {
      out.append(Finding(rule: RuleCatalogue.efiFirmwareOverlap,
        message: "\(what) overlaps firmware memory: \(list(firmware))", nodes: [region.path]))
    }
    if covered < region.range.size {
      let missing = Hex.plain(region.range.size - covered)
      out.append(Finding(rule: RuleCatalogue.efiOutsideMap,
        message: "\(missing) bytes of \(what) are in no EFI descriptor: not RAM to a UEFI-booted kernel",
        nodes: [region.path]))
    }
    return out
  }

  /// `no-map region [0x..., 0x...)`, `static region ...` or `/memreserve/ entry ...`.
  static func label(_ region: StaticRegion) -> String {
    let kind = region.isMemreserve
      ? MemreserveLabel.noun : region.mustBeReserved ? "no-map region" : "static region"
    return "\(kind) \(Hex.range(region.range))"
  }

  /// The DT spec's check (d): a dynamic region with no EFI-usable block of its size inside its
  /// `alloc-ranges` (or anywhere, without them). Alignment is not taken into account.
  static func dynamicFindings(_ report: MapReport, _ map: [EFIDescriptor]) -> [Finding] {
    guard !report.kernel.parentFormat.isRefused else { return [] }
    let usable = usableRuns(map)
    var out: [Finding] = []
    let children = report.description.reservedMemory?.children ?? []
    for (index, child) in children.enumerated() where child.isAvailable(to: report.kernel.profile.version) && child.reg == nil {
      // The size the flow decoded for the child's region: 0 when `size` is absent or malformed.
      let size = report.kernel.region(ofChild: index).size
      guard size != 0 else { continue }
      let ranges = report.kernel.allocRangesOfChild[index].map {
        $0.entries.map { AddressRange(base: $0.address, size: $0.size) }
      } ?? [AddressRange(base: 0, size: .max)]
      let fits = usable.contains { run in ranges.contains { (run.intersection($0)?.size ?? 0) >= size } }
      guard !fits else { continue }
      let seen = map.filter { d in ranges.contains { $0.overlaps(d.range) } }
      let within = ranges.map(Hex.range).joined(separator: ", ")
      out.append(Finding(rule: RuleCatalogue.efiDynamicUnusable,
        message: "no EFI-usable block of \(Hex.plain(size)) bytes in \(within); "
          + "the EFI map has \(seen.isEmpty ? "nothing there" : list(seen))",
        nodes: [child.path]))
    }
    return out
  }

  /// Runs of memory Linux may allocate from under UEFI (usable type and WB), adjacent
  /// descriptors joined.
  static func usableRuns(_ map: [EFIDescriptor]) -> [AddressRange] {
    var runs: [AddressRange] = []
    for d in map where d.type.isLinuxUsable && d.attributes.contains(.wb) { runs.appendJoined(d.range) }
    return runs
  }

  /// Descriptors named for a message, at most three.
  static func list(_ descriptors: [EFIDescriptor]) -> String {
    let names = descriptors.prefix(3).map(describe)
    return names.joined(separator: ", ") + (descriptors.count > 3 ? " and \(descriptors.count - 3) more" : "")
  }

  /// `ConventionalMemory [0x40000000, 0x4e000000)`.
  static func describe(_ d: EFIDescriptor) -> String {
    "\(d.type.name ?? "type \(d.type.rawValue)") \(Hex.range(d.range))"
  }
}
