import DeviceTree

/// Checks one `/reserved-memory` child's properties against what the kernel can read.
enum RegionShape {
  /// `region` is the kernel flow's record of the child (its first `reg` entry), `decodedReg`
  /// and `decodedAllocRanges` the flow's decoding of its `reg` and `alloc-ranges`.
  static func findings(_ child: ReservedMemoryNode, region: KernelRegion, decodedReg: CellEntries?,
                       decodedAllocRanges: CellEntries?, cells: RootCells,
                       profile: KernelProfile) -> [Finding]
  {
    var out: [Finding] = []
    let node = [child.path]
    if let reg = child.reg, let decodedReg {
      out += regFindings(child, decodedReg, length: reg.length, cma: region.cmaCandidate,
                         profile: profile)
      if child.size != nil {
        out.append(Finding(rule: RuleCatalogue.regAndSize,
          message: "\(child.name) has reg and size; the kernel uses reg and ignores size", nodes: node))
      }
    } else if let size = child.size {
      if let number = size.number(cells: cells.sizeCells) {
        if region.cmaCandidate {
          out += dynamicCMAFindings(child, size: number.value, alignment: profile.cmaAlignment)
        }
      } else {
        out.append(Finding(rule: RuleCatalogue.malformedSize,
          message: "size is \(size.length) bytes, #size-cells \(cells.sizeCells) needs \(cells.sizeCells * 4)",
          nodes: node, property: "size"))
      }
      if let alignment = child.alignment, alignment.number(cells: cells.addressCells) == nil {
        out.append(Finding(rule: RuleCatalogue.malformedAlignment,
          message: "alignment is \(alignment.length) bytes; the kernel reads it with #address-cells \(cells.addressCells) (\(cells.addressCells * 4) bytes)",
          nodes: node, property: "alignment"))
      }
      if let ranges = child.allocRanges, let decoded = decodedAllocRanges {
        if decoded.entryLength == 0 || decoded.isMalformed {
          out.append(Finding(rule: RuleCatalogue.malformedAllocRanges,
            message: "alloc-ranges is \(ranges.length) bytes, not a multiple of \(decoded.entryLength)",
            nodes: node, property: "alloc-ranges"))
        }
        for entry in decoded.entries where AddressRange(base: entry.address, size: entry.size).wraps {
          out.append(Finding(rule: RuleCatalogue.rangeWraps,
            message: "alloc-ranges entry \(Hex.plain(entry.address)) + \(Hex.plain(entry.size)) runs past 2^64",
            nodes: node, property: "alloc-ranges"))
        }
      }
    } else {
      out.append(Finding(rule: RuleCatalogue.noRegNoSize,
        message: "\(child.name) has neither reg nor size; the kernel ignores it", nodes: node))
    }
    if child.noMap && child.reusable {
      out.append(Finding(rule: RuleCatalogue.noMapReusable,
        message: "\(child.name) has both no-map and reusable", nodes: node))
    }
    return out
  }

  static func regFindings(_ child: ReservedMemoryNode, _ decoded: CellEntries, length: Int,
                          cma: Bool, profile: KernelProfile) -> [Finding]
  {
    let node = [child.path]
    if length != 0 && (decoded.entryLength == 0 || decoded.isMalformed) {
      return [Finding(rule: RuleCatalogue.malformedReg,
        message: "reg is \(length) bytes, not a multiple of \(decoded.entryLength) (#address-cells + #size-cells)",
        nodes: node, property: "reg")]
    }
    var out: [Finding] = []
    if decoded.entries.count > 1 {
      out.append(Finding(rule: RuleCatalogue.multiEntryReg,
        message: profile.reservesFirstRegEntryOnly
          ? "reg has \(decoded.entries.count) entries; Linux \(profile.name) reserves only the first, the others stay ordinary RAM"
          : "reg has \(decoded.entries.count) entries; the kernel's table and U-Boot keep only the first",
        nodes: node, property: "reg"))
    }
    for (index, entry) in decoded.entries.enumerated() {
      let range = AddressRange(base: entry.address, size: entry.size)
      if entry.truncated {
        out.append(Finding(rule: RuleCatalogue.addressTruncated,
          message: "reg entry \(index) needs more than 64 bits; the kernel keeps \(Hex.plain(entry.address)) + \(Hex.plain(entry.size))",
          nodes: node, property: "reg"))
      }
      if entry.size == 0 {
        out.append(Finding(rule: RuleCatalogue.zeroSize,
          message: "reg entry \(index) at \(Hex.plain(entry.address)) has size 0", nodes: node, property: "reg"))
      } else if range.wraps {
        out.append(Finding(rule: RuleCatalogue.rangeWraps,
          message: "reg entry \(index) \(Hex.plain(entry.address)) + \(Hex.plain(entry.size)) runs past 2^64",
          nodes: node, property: "reg"))
      }
    }
    let cmaAlignment = profile.cmaAlignment
    if let first = decoded.entries.first, cma,
      (first.address | first.size) & (cmaAlignment - 1) != 0
    {
      out.append(Finding(rule: RuleCatalogue.cmaMisaligned,
        message: "CMA region \(Hex.range(AddressRange(base: first.address, size: first.size))) is not \(cmaAlignment >> 20) MiB aligned",
        nodes: node, property: "reg"))
    }
    return out
  }

  /// A dynamic CMA candidate's size that is not a multiple of the CMA alignment. The kernel
  /// aligns the base it picks (`__reserved_mem_alloc_size` raises the alignment for CMA
  /// candidates) but not the size, so `rmem_cma_setup` refuses the region after placing it.
  static func dynamicCMAFindings(_ child: ReservedMemoryNode, size: UInt64, alignment: UInt64)
    -> [Finding]
  {
    guard size & (alignment - 1) != 0 else { return [] }
    return [Finding(rule: RuleCatalogue.cmaMisaligned,
      message: "CMA pool size \(Hex.plain(size)) is not a multiple of \(alignment >> 20) MiB", nodes: [child.path])]
  }
}
