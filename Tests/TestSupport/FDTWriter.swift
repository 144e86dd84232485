/// A node of a device tree to be written by `FDTWriter`: a name, properties in order, children.
public struct FDTNode: Sendable {
  public var name: String
  public var properties: [(name: String, value: [UInt8])]
  public var children: [FDTNode]

  public init(_ name: String, _ properties: [(name: String, value: [UInt8])] = [],
              children: [FDTNode] = []) {
    self.name = name
    self.properties = properties
    self.children = children
  }

  /// A chain of `depth` nested nodes called `n0`, `n1`, ... (the first one is the outermost).
  public static func chain(depth: Int, leaf: FDTNode? = nil) -> FDTNode? {
    var node = leaf
    for level in stride(from: depth - 1, through: 0, by: -1) {
      node = FDTNode("n\(level)", children: node.map { [$0] } ?? [])
    }
    return node
  }
}

/// Writes flattened device trees (version 17) from `FDTNode`s, for tests that need trees dtc
/// will not produce. Layout: header, memory reservation block, structure block, strings block.
///
/// Test support only; the code under test reads blobs with libfdt, never with this.
public enum FDTWriter {
  /// A header field and its byte offset, as `struct fdt_header` lays it out.
  public enum HeaderField: Int, CaseIterable, Sendable {
    case magic = 0
    case totalSize = 4
    case offsetStruct = 8
    case offsetStrings = 12
    case offsetMemoryReservations = 16
    case version = 20
    case lastCompatibleVersion = 24
    case bootCPU = 28
    case sizeStrings = 32
    case sizeStruct = 36
  }

  static let headerSize = 40

  /// The blob for `root` with the given `/memreserve/` entries.
  ///
  /// `declaredLength` writes the first property called `name` with that length field and no
  /// value bytes, for blobs whose structure block lies about a property.
  public static func blob(_ root: FDTNode, memoryReservations: [(UInt64, UInt64)] = [],
                          declaredLength: (name: String, length: UInt32)? = nil) -> [UInt8] {
    var strings: [UInt8] = []
    var offsets: [String: Int] = [:]
    var structure: [UInt8] = []
    var lie = declaredLength
    writeNode(root, isRoot: true, into: &structure, strings: &strings, offsets: &offsets, lie: &lie)
    structure += u32(9)  // FDT_END
    var reservations: [UInt8] = []
    for (address, size) in memoryReservations { reservations += u64(address) + u64(size) }
    reservations += u64(0) + u64(0)
    let reservationsAt = headerSize  // 40 is 8-byte aligned
    let structAt = reservationsAt + reservations.count
    let stringsAt = structAt + structure.count
    let total = stringsAt + strings.count
    var header: [UInt8] = []
    for value in [0xd00d_feed, total, structAt, stringsAt, reservationsAt, 17, 16, 0,
                  strings.count, structure.count] {
      header += u32(UInt32(value))
    }
    return header + reservations + structure + strings
  }

  private static func writeNode(_ node: FDTNode, isRoot: Bool, into out: inout [UInt8],
                                strings: inout [UInt8], offsets: inout [String: Int],
                                lie: inout (name: String, length: UInt32)?) {
    out += u32(1)  // FDT_BEGIN_NODE
    out += Array((isRoot ? "" : node.name).utf8) + [0]
    pad(&out)
    for property in node.properties {
      let nameOffset: Int
      if let known = offsets[property.name] {
        nameOffset = known
      } else {
        nameOffset = strings.count
        offsets[property.name] = nameOffset
        strings += Array(property.name.utf8) + [0]
      }
      if let declared = lie, declared.name == property.name {
        out += u32(3) + u32(declared.length) + u32(UInt32(nameOffset))  // FDT_PROP, no value
        lie = nil
        continue
      }
      out += u32(3) + u32(UInt32(property.value.count)) + u32(UInt32(nameOffset))  // FDT_PROP
      out += property.value
      pad(&out)
    }
    for child in node.children {
      writeNode(child, isRoot: false, into: &out, strings: &strings, offsets: &offsets, lie: &lie)
    }
    out += u32(2)  // FDT_END_NODE
  }

  private static func pad(_ bytes: inout [UInt8]) {
    while bytes.count % 4 != 0 { bytes.append(0) }
  }

  /// A copy of `blob` with one header field replaced.
  public static func patching(_ blob: [UInt8], _ field: HeaderField, to value: UInt32) -> [UInt8] {
    var copy = blob
    let bytes = u32(value)
    for i in 0..<4 where field.rawValue + i < copy.count { copy[field.rawValue + i] = bytes[i] }
    return copy
  }

  /// The current value of a header field (the blob must hold a whole header).
  public static func field(_ blob: [UInt8], _ field: HeaderField) -> UInt32 {
    (0..<4).reduce(0) { $0 << 8 | UInt32(blob[field.rawValue + $1]) }
  }

  // MARK: - Property values

  /// Big-endian 32-bit cells.
  public static func cells(_ values: UInt32...) -> [UInt8] { values.flatMap(u32) }

  /// Big-endian 32-bit cells from an array.
  public static func cells(_ values: [UInt32]) -> [UInt8] { values.flatMap(u32) }

  /// Numbers of two cells each (the usual 64-bit address or size).
  public static func pairs(_ values: UInt64...) -> [UInt8] { values.flatMap(u64) }

  /// Numbers of two cells each, from an array.
  public static func pairs(_ values: [UInt64]) -> [UInt8] { values.flatMap(u64) }

  /// A NUL-terminated string list.
  public static func strings(_ values: String...) -> [UInt8] {
    values.flatMap { Array($0.utf8) + [0] }
  }

  public static func u32(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
  }

  public static func u64(_ value: UInt64) -> [UInt8] {
    u32(UInt32(value >> 32)) + u32(UInt32(value & 0xffff_ffff))
  }
}

extension FDTNode {
  /// A typical root: 2/2 cells, one `/memory` node with `memory` as reg, and a
  /// `/reserved-memory` (2/2 cells, `ranges`) holding `reserved`.
  public static func board(memory: [UInt8] = FDTWriter.pairs(0x8000_0000, 0x8000_0000),
                           rootAddressCells: [UInt8] = FDTWriter.cells(2),
                           rootSizeCells: [UInt8] = FDTWriter.cells(2),
                           reservedAddressCells: [UInt8] = FDTWriter.cells(2),
                           reservedSizeCells: [UInt8] = FDTWriter.cells(2),
                           reserved: [FDTNode] = [], extra: [FDTNode] = []) -> FDTNode {
    FDTNode(
      "",
      [("#address-cells", rootAddressCells), ("#size-cells", rootSizeCells),
       ("compatible", FDTWriter.strings("memmap,hostile"))],
      children: [
        FDTNode("memory@80000000", [("device_type", FDTWriter.strings("memory")), ("reg", memory)]),
        FDTNode(
          "reserved-memory",
          [("#address-cells", reservedAddressCells), ("#size-cells", reservedSizeCells),
           ("ranges", [])],
          children: reserved),
      ] + extra)
  }
}
