import DeviceTree

/// Checks one `/reserved-memory` child's properties against what the kernel can read.
enum RegionShape {
  static func findings(_ child: ReservedMemoryNode, cells: RootCells) -> [Finding] {
    var out: [Finding] = []
    let node = [child.path]
    if let reg = child.reg {
      out += regFindings(child, reg.entries(cells), length: reg.length)
      if child.size != nil {
        out.append(Finding(rule: RuleCatalogue.regAndSize,
          message: "\(child.name) has reg and size; the kernel uses reg and ignores size", nodes: node))
      }
    } else if let size = child.size {
      if size.number(cells: cells.sizeCells) == nil {
        out.append(Finding(rule: RuleCatalogue.malformedSize,
          message: "size is \(size.length) bytes, #size-cells \(cells.sizeCells) needs \(cells.sizeCells * 4)",
          nodes: node))
      }
      if let alignment = child.alignment, alignment.number(cells: cells.addressCells) == nil {
        out.append(Finding(rule: RuleCatalogue.malformedAlignment,
          message: "alignment is \(alignment.length) bytes; the kernel reads it with #address-cells \(cells.addressCells) (\(cells.addressCells * 4) bytes)",
          nodes: node))
      }
      if let ranges = child.allocRanges {
        let decoded = ranges.entries(cells)
        if decoded.entryLength == 0 || decoded.isMalformed {
          out.append(Finding(rule: RuleCatalogue.malformedAllocRanges,
            message: "alloc-ranges is \(ranges.length) bytes, not a multiple of \(decoded.entryLength)",
            nodes: node))
        }
        for entry in decoded.entries where AddressRange(base: entry.address, size: entry.size).wraps {
          out.append(Finding(rule: RuleCatalogue.rangeWraps,
            message: "alloc-ranges entry \(Hex.plain(entry.address)) + \(Hex.plain(entry.size)) runs past 2^64",
            nodes: node))
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

  static func regFindings(_ child: ReservedMemoryNode, _ decoded: CellEntries, length: Int)
    -> [Finding]
  {
    let node = [child.path]
    if length != 0 && (decoded.entryLength == 0 || decoded.isMalformed) {
      return [Finding(rule: RuleCatalogue.malformedReg,
        message: "reg is \(length) bytes, not a multiple of \(decoded.entryLength) (#address-cells + #size-cells)",
        nodes: node)]
    }
    var out: [Finding] = []
    if decoded.entries.count > 1 {
      out.append(Finding(rule: RuleCatalogue.multiEntryReg,
        message: "reg has \(decoded.entries.count) entries; the kernel's table and U-Boot keep only the first",
        nodes: node))
    }
    for (index, entry) in decoded.entries.enumerated() {
      let range = AddressRange(base: entry.address, size: entry.size)
      if entry.truncated {
        out.append(Finding(rule: RuleCatalogue.addressTruncated,
          message: "reg entry \(index) needs more than 64 bits; the kernel keeps \(Hex.plain(entry.address)) + \(Hex.plain(entry.size))",
          nodes: node))
      }
      if entry.size == 0 {
        out.append(Finding(rule: RuleCatalogue.zeroSize,
          message: "reg entry \(index) at \(Hex.plain(entry.address)) has size 0", nodes: node))
      } else if range.wraps {
        out.append(Finding(rule: RuleCatalogue.rangeWraps,
          message: "reg entry \(index) \(Hex.plain(entry.address)) + \(Hex.plain(entry.size)) runs past 2^64",
          nodes: node))
      }
    }
    if let first = decoded.entries.first, child.isCompatible(with: "shared-dma-pool"),
      child.reusable, !child.noMap, (first.address | first.size) & ((2 << 20) - 1) != 0
    {
      out.append(Finding(rule: RuleCatalogue.cmaMisaligned,
        message: "CMA region \(Hex.range(AddressRange(base: first.address, size: first.size))) is not 2 MiB aligned",
        nodes: node))
    }
    return out
  }
}
