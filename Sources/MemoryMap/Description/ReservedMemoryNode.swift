import DeviceTree

/// The `/reserved-memory` node: its format and its direct children in blob order.
public struct ReservedMemoryParent: Hashable, Sendable {
  public var path: String
  /// The first four bytes of `#address-cells` as a number, nil when missing or shorter.
  public var addressCells: UInt32?
  /// The first four bytes of `#size-cells` as a number, nil when missing or shorter.
  public var sizeCells: UInt32?
  public var hasRanges: Bool
  public var children: [ReservedMemoryNode]

  public init(path: String, addressCells: UInt32?, sizeCells: UInt32?, hasRanges: Bool,
              children: [ReservedMemoryNode]) {
    self.path = path
    self.addressCells = addressCells
    self.sizeCells = sizeCells
    self.hasRanges = hasRanges
    self.children = children
  }
}

/// A raw property value kept with its length, so that every consumer applies its own rules.
public struct RawProperty: Hashable, Sendable {
  public var bytes: [UInt8]
  public init(_ bytes: [UInt8]) { self.bytes = bytes }
  public var length: Int { bytes.count }

  /// The value as one number of `cells` cells, or nil when the length is not exactly that.
  public func number(cells: Int) -> CellNumber? {
    guard bytes.count == cells * 4 else { return nil }
    return Cells.number(bytes, at: 0, count: cells)
  }

  /// The value split into `(address, size)` entries.
  public func entries(_ cells: RootCells) -> CellEntries {
    Cells.read(bytes, addressCells: cells.addressCells, sizeCells: cells.sizeCells)
  }
}

/// One direct child of `/reserved-memory`, with the properties any consumer looks at.
public struct ReservedMemoryNode: Hashable, Sendable {
  public var path: String
  /// The node name with unit address: the kernel's `uname`.
  public var name: String
  /// Structure-block offset: the kernel's `fdt_node`, a sort tie-breaker in some versions.
  public var offset: NodeOffset
  /// Whether the kernel (`isAvailable(to:)`) and U-Boot (`status.isEnabledForUBoot`) read it.
  public var status: NodeStatus

  /// Whether kernel `version` reads the node (`NodeStatus.isAvailable(to:)`).
  public func isAvailable(to version: KernelVersion) -> Bool { status.isAvailable(to: version) }
  public var reg: RawProperty?
  /// For an empty `reg`: the blob bytes that follow it (what a reader running past it sees).
  /// Kept here rather than in every `RawProperty`: at 100,000 nodes that is 5 MB.
  public var regFollowing: [UInt8] = []
  public var size: RawProperty?
  public var alignment: RawProperty?
  public var allocRanges: RawProperty?
  public var noMap: Bool
  public var reusable: Bool
  public var compatible: [String]
  /// `linux,cma-default`: the region becomes the default CMA area.
  public var cmaDefault: Bool
  /// `linux,dma-default`: the region becomes the default coherent pool (only with a global pool).
  public var dmaDefault: Bool
  /// Number of child nodes (the kernel ignores them).
  public var childCount: Int

  public init(path: String, name: String, offset: NodeOffset, status: NodeStatus = .absent,
              reg: RawProperty? = nil, size: RawProperty? = nil,
              alignment: RawProperty? = nil, allocRanges: RawProperty? = nil,
              noMap: Bool = false, reusable: Bool = false, compatible: [String] = [],
              cmaDefault: Bool = false, dmaDefault: Bool = false, childCount: Int = 0) {
    self.path = path
    self.name = name
    self.offset = offset
    self.status = status
    self.reg = reg
    self.size = size
    self.alignment = alignment
    self.allocRanges = allocRanges
    self.noMap = noMap
    self.reusable = reusable
    self.compatible = compatible
    self.cmaDefault = cmaDefault
    self.dmaDefault = dmaDefault
    self.childCount = childCount
  }

  /// True when `compatible` lists `string`.
  public func isCompatible(with string: String) -> Bool { compatible.contains(string) }
}
