/// A number read from one or more cells, with whether bits were lost.
public struct CellNumber: Hashable, Sendable {
  public let value: UInt64
  /// True when more than two cells were given and a dropped high cell was not zero.
  public let truncated: Bool
}

/// One `(address, size)` pair of a `reg`-like property.
public struct CellEntry: Hashable, Sendable {
  public let address: UInt64
  public let size: UInt64
  /// True when the address or the size needed more than 64 bits.
  public let truncated: Bool

  public init(address: UInt64, size: UInt64, truncated: Bool = false) {
    self.address = address
    self.size = size
    self.truncated = truncated
  }
}

/// The decoded entries of a `reg`-like property, plus the bytes that did not make a whole entry.
public struct CellEntries: Hashable, Sendable {
  public let entries: [CellEntry]
  /// `length % entryLength`: non-zero means the property is malformed for these cell counts.
  public let leftoverBytes: Int
  /// The length of one entry in bytes, `(addressCells + sizeCells) * 4`.
  public let entryLength: Int

  public var isMalformed: Bool { leftoverBytes != 0 }
}

/// The one cell decoder: big-endian 32-bit cells, combined as the kernel's `of_read_number` does.
public enum Cells {
  /// The largest cell count libfdt accepts (`FDT_MAX_NCELLS`).
  public static let maxCount = 4

  /// The big-endian cell at `byteOffset`; the caller guarantees four bytes are there.
  @inlinable
  public static func cell(_ bytes: [UInt8], at byteOffset: Int) -> UInt32 {
    UInt32(bytes[byteOffset]) << 24 | UInt32(bytes[byteOffset + 1]) << 16
      | UInt32(bytes[byteOffset + 2]) << 8 | UInt32(bytes[byteOffset + 3])
  }

  /// Reads `count` cells starting at `byteOffset`, shifting each in from the right.
  ///
  /// Like Linux's `of_read_number`, only the low 64 bits survive when `count > 2`; `truncated`
  /// says whether anything non-zero was shifted out. Zero cells read as 0.
  public static func number(_ bytes: [UInt8], at byteOffset: Int, count: Int) -> CellNumber {
    var value: UInt64 = 0
    var lost = false
    for i in 0..<count {
      if value >> 32 != 0 { lost = true }
      value = value << 32 | UInt64(cell(bytes, at: byteOffset + 4 * i))
    }
    return CellNumber(value: value, truncated: lost)
  }

  /// Splits a property value into `(address, size)` entries of the given cell counts.
  ///
  /// Whole entries are decoded; a trailing partial entry is reported in `leftoverBytes`, never
  /// read. With zero cells in total no entry can be formed and every byte is left over.
  public static func read(_ bytes: [UInt8], addressCells: Int, sizeCells: Int) -> CellEntries {
    let entryLength = (addressCells + sizeCells) * 4
    guard entryLength > 0 else {
      return CellEntries(entries: [], leftoverBytes: bytes.count, entryLength: 0)
    }
    let count = bytes.count / entryLength
    var entries: [CellEntry] = []
    entries.reserveCapacity(count)
    for i in 0..<count {
      let at = i * entryLength
      let address = number(bytes, at: at, count: addressCells)
      let size = number(bytes, at: at + addressCells * 4, count: sizeCells)
      entries.append(
        CellEntry(
          address: address.value, size: size.value,
          truncated: address.truncated || size.truncated))
    }
    return CellEntries(
      entries: entries, leftoverBytes: bytes.count % entryLength, entryLength: entryLength)
  }
}
