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
    description.memoryReservations = try blob.memoryReservations()
    for child in try blob.children(of: root) {
      if try isMemoryNode(child, in: blob) {
        description.memoryNodes.append(try readMemoryNode(child, in: blob, cells: cells))
      }
    }
    if let parent = try blob.child(of: root, named: "reserved-memory") {
      description.reservedMemory = try readReservedMemory(parent, in: blob, cells: cells)
    }
    if let chosen = try blob.child(of: root, named: "chosen") {
      description.chosen = try readChosen(chosen, in: blob)
    }
    return description
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
        reason: .badCellCount(property: name, value: UInt64(property.length)))
    }
    guard value <= UInt32(Cells.maxCount) else {
      throw DeviceTreeError(
        file: blob.file, nodePath: "/", property: name,
        reason: .badCellCount(property: name, value: UInt64(value)))
    }
    return Int(value)
  }

  /// The kernel's availability rule: no `status`, or `status` exactly "okay" or "ok".
  static func availability(_ node: Node, in blob: DeviceTreeBlob) throws(DeviceTreeError)
    -> (status: String?, available: Bool)
  {
    guard let status = try blob.property("status", of: node) else { return (nil, true) }
    let text = status.cString ?? String(decoding: status.value, as: UTF8.self)
    return (text, status.cString == "okay" || status.cString == "ok")
  }

  private static func isMemoryNode(_ node: Node, in blob: DeviceTreeBlob) throws(DeviceTreeError)
    -> Bool
  {
    try blob.property("device_type", of: node)?.cString == "memory"
  }

  private static func readMemoryNode(_ node: Node, in blob: DeviceTreeBlob, cells: RootCells)
    throws(DeviceTreeError) -> MemoryNode
  {
    let (status, available) = try availability(node, in: blob)
    var property = try blob.property("linux,usable-memory", of: node)
    if property == nil { property = try blob.property("reg", of: node) }
    let decoded = property.map {
      Cells.read($0.value, addressCells: cells.addressCells, sizeCells: cells.sizeCells)
    }
    return MemoryNode(
      path: node.path, isAvailable: available, status: status, propertyName: property?.name,
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
    var children: [ReservedMemoryNode] = []
    for child in try blob.children(of: node) {
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
    let (status, available) = try availability(node, in: blob)
    func raw(_ name: String) throws(DeviceTreeError) -> RawProperty? {
      try blob.property(name, of: node).map { RawProperty($0.value) }
    }
    var reg = try raw("reg")
    if reg?.length == 0 {
      reg?.following = try blob.bytesAfterProperty("reg", of: node, count: cells.entryLength) ?? []
    }
    return ReservedMemoryNode(
      path: node.path, name: node.name, offset: node.offset, status: status,
      isAvailable: available, reg: reg, size: try raw("size"),
      alignment: try raw("alignment"), allocRanges: try raw("alloc-ranges"),
      noMap: try blob.hasProperty("no-map", of: node),
      reusable: try blob.hasProperty("reusable", of: node),
      compatible: try blob.property("compatible", of: node)?.strings ?? [],
      cmaDefault: try blob.hasProperty("linux,cma-default", of: node),
      dmaDefault: try blob.hasProperty("linux,dma-default", of: node),
      childCount: try blob.children(of: node).count)
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
