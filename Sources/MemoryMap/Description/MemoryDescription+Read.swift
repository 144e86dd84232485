import DeviceTree

extension MemoryDescription {
  /// Reads the memory-related parts of a checked blob, as Linux's early FDT code reads them.
  ///
  /// Throws only for what the kernel cannot decode at all (root cell counts outside 0...4)
  /// and for libfdt errors; everything else is kept raw for the consumers to judge.
  public static func read(_ blob: DeviceTreeBlob) throws(DeviceTreeError) -> MemoryDescription {
    let root = blob.root
    let cells = try readRootCells(blob)
    var description = MemoryDescription(file: blob.file, rootCells: cells)
    description.boardCompatible = try blob.property("compatible", of: root)?.strings ?? []
    description.blobSize = blob.byteCount
    description.totalSize = blob.totalSize
    description.memoryReservations = try blob.memoryReservations()
    // One walk over the root's children serves the memory nodes and both lookups by name:
    // each walk costs a pass over the whole structure block.
    let children = try blob.children(of: root)
    for child in children {
      if try isMemoryNode(child, in: blob) {
        description.memoryNodes.append(try readMemoryNode(child, in: blob, cells: cells))
      }
    }
    if let parent = children.first(where: { $0.isNamed("reserved-memory") }) {
      description.reservedMemory = try readReservedMemory(parent, in: blob, cells: cells)
    }
    if let chosen = children.first(where: { $0.isNamed("chosen") }) {
      description.chosen = try readChosen(chosen, in: blob)
    }
    if let cpus = children.first(where: { $0.isNamed("cpus") }) {
      description.cpuCompatible = try readCPUCompatible(cpus, in: blob)
    }
    return description
  }

  /// The `compatible` strings of `/cpus`' children, in blob order, each string once: what
  /// tells the architecture a tree is written for.
  static func readCPUCompatible(_ cpus: Node, in blob: DeviceTreeBlob) throws(DeviceTreeError)
    -> [String]
  {
    var out: [String] = []
    var seen: Set<String> = []
    for cpu in try blob.children(of: cpus) {
      for string in try blob.property("compatible", of: cpu)?.strings ?? [] where seen.insert(string).inserted {
        out.append(string)
      }
    }
    return out
  }

  /// The root's cell counts; the kernel defaults both to 1 when absent.
  static func readRootCells(_ blob: DeviceTreeBlob) throws(DeviceTreeError) -> RootCells {
    let address = try cellCount("#address-cells", blob)
    let size = try cellCount("#size-cells", blob)
    return RootCells(
      addressCells: address ?? 1, sizeCells: size ?? 1,
      addressCellsPresent: address != nil, sizeCellsPresent: size != nil)
  }

  private static func cellCount(_ name: String, _ blob: DeviceTreeBlob) throws(DeviceTreeError)
    -> Int?
  {
    guard let property = try blob.property(name, of: blob.root) else { return nil }
    guard let value = property.u32 else {
      throw DeviceTreeError(
        file: blob.file, nodePath: "/", property: name,
        reason: .badCellLength(property: name, length: property.length))
    }
    guard value <= UInt32(Cells.maxCount) else {
      throw DeviceTreeError(
        file: blob.file, nodePath: "/", property: name,
        reason: .badCellCount(property: name, value: UInt64(value)))
    }
    return Int(value)
  }

  /// A node's `status` (`property`, nil when it has none) as a C reader sees it: a value
  /// without a NUL is read on into the bytes that follow it in the blob.
  static func status(_ property: Property?, of node: Node, in blob: DeviceTreeBlob)
    throws(DeviceTreeError) -> NodeStatus
  {
    guard let property else { return .absent }
    guard !property.value.contains(0) else { return NodeStatus(cString: property.value, isTerminated: true) }
    // Up to three padding bytes, then the next token, whose first byte is zero.
    let following = try blob.bytesAfterProperty("status", of: node, count: 4) ?? []
    return NodeStatus(cString: property.value + following, isTerminated: false)
  }

  private static func isMemoryNode(_ node: Node, in blob: DeviceTreeBlob) throws(DeviceTreeError)
    -> Bool
  {
    try blob.property("device_type", of: node)?.cString == "memory"
  }

  private static func readMemoryNode(_ node: Node, in blob: DeviceTreeBlob, cells: RootCells)
    throws(DeviceTreeError) -> MemoryNode
  {
    let status = try status(try blob.property("status", of: node), of: node, in: blob)
    var source = MemoryNode.RangesProperty.usableMemory
    var property = try blob.property(source.rawValue, of: node)
    if property == nil {
      source = .reg
      property = try blob.property(source.rawValue, of: node)
    }
    let decoded = property.map {
      Cells.read($0.value, addressCells: cells.addressCells, sizeCells: cells.sizeCells)
    }
    return MemoryNode(
      path: node.path, status: status, rangesProperty: property == nil ? nil : source,
      entries: decoded?.entries ?? [], leftoverBytes: decoded?.leftoverBytes ?? 0,
      hotpluggable: try blob.hasProperty("hotpluggable", of: node))
  }

  private static func readReservedMemory(_ node: Node, in blob: DeviceTreeBlob, cells: RootCells)
    throws(DeviceTreeError) -> ReservedMemoryParent
  {
    func firstCell(_ name: String) throws(DeviceTreeError) -> UInt32? {
      guard let p = try blob.property(name, of: node), p.length >= 4 else { return nil }
      return Cells.cell(p.value, at: 0)
    }
    let nodes = try blob.children(of: node)
    var children: [ReservedMemoryNode] = []
    children.reserveCapacity(nodes.count)
    for child in nodes {
      children.append(try readReservedChild(child, in: blob, cells: cells))
    }
    return ReservedMemoryParent(
      path: node.path, addressCells: try firstCell("#address-cells"),
      sizeCells: try firstCell("#size-cells"), hasRanges: try blob.hasProperty("ranges", of: node),
      children: children)
  }

  private static func readReservedChild(_ node: Node, in blob: DeviceTreeBlob, cells: RootCells)
    throws(DeviceTreeError) -> ReservedMemoryNode
  {
    // One pass over the node's properties instead of a libfdt scan per name; the first of
    // equal names wins, as with `fdt_getprop`.
    let properties = try blob.properties(of: node)
    func find(_ name: String) throws(DeviceTreeError) -> Property? { try properties.property(name) }
    func raw(_ name: String) throws(DeviceTreeError) -> RawProperty? {
      try find(name).map { RawProperty($0.value) }
    }
    func has(_ name: String) throws(DeviceTreeError) -> Bool { try find(name) != nil }
    let status = try status(try find("status"), of: node, in: blob)
    let reg = try raw("reg")
    var regFollowing: [UInt8] = []
    if reg?.length == 0 {
      regFollowing = try blob.bytesAfterProperty("reg", of: node, count: cells.entryLength) ?? []
    }
    var result = ReservedMemoryNode(
      path: node.path, name: node.name, offset: node.offset, status: status, reg: reg, size: try raw("size"),
      alignment: try raw("alignment"), allocRanges: try raw("alloc-ranges"),
      noMap: try has("no-map"), reusable: try has("reusable"),
      compatible: try find("compatible")?.strings ?? [],
      cmaDefault: try has("linux,cma-default"), dmaDefault: try has("linux,dma-default"),
      childCount: try blob.children(of: node).count)
    result.regFollowing = regFollowing
    return result
  }

  private static func readChosen(_ node: Node, in blob: DeviceTreeBlob) throws(DeviceTreeError)
    -> ChosenMemory
  {
    func number(_ name: String) throws(DeviceTreeError) -> UInt64? {
      guard let p = try blob.property(name, of: node) else { return nil }
      switch p.length {
      case 4: return UInt64(Cells.cell(p.value, at: 0))
      case 8: return Cells.number(p.value, at: 0, count: 2).value
      default: return nil
      }
    }
    var chosen = ChosenMemory()
    if let start = try number("linux,initrd-start"), let end = try number("linux,initrd-end") {
      chosen.initrd = AddressRange(start: start, end: end)
    }
    return chosen
  }
}
