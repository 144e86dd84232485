import Testing

@testable import DeviceTree

/// The cell decoder: big-endian cells shifted in from the right, as Linux's `of_read_number`.
@Suite struct CellsTests {
  static func bytes(_ cells: [UInt32]) -> [UInt8] {
    cells.flatMap { [UInt8($0 >> 24), UInt8($0 >> 16 & 0xff), UInt8($0 >> 8 & 0xff), UInt8($0 & 0xff)] }
  }

  @Test("0 to 4 cells; wider numbers keep the low 64 bits and say so")
  func widths() {
    let b = Self.bytes([0x1, 0x2, 0x3, 0x4])
    #expect(Cells.number(b, at: 0, count: 0) == CellNumber(value: 0, truncated: false))
    #expect(Cells.number(b, at: 0, count: 1) == CellNumber(value: 1, truncated: false))
    #expect(Cells.number(b, at: 0, count: 2) == CellNumber(value: 0x1_0000_0002, truncated: false))
    // of_read_number: r = (r << 32) | cell, so 3 cells 1,2,3 keep 2 and 3 and lose 1.
    #expect(Cells.number(b, at: 0, count: 3) == CellNumber(value: 0x2_0000_0003, truncated: true))
    #expect(Cells.number(Self.bytes([0, 0, 5]), at: 0, count: 3) == CellNumber(value: 5, truncated: false))
    #expect(Cells.number(b, at: 0, count: 4) == CellNumber(value: 0x3_0000_0004, truncated: true))
  }

  @Test("reg entries, with a trailing partial entry reported, not read")
  func entries() {
    let decoded = Cells.read(Self.bytes([0, 0x4000_0000, 0, 0x1000, 0, 0x5000_0000]), addressCells: 2, sizeCells: 2)
    #expect(decoded.entries == [CellEntry(address: 0x4000_0000, size: 0x1000)])
    #expect(decoded.leftoverBytes == 8)
    #expect(decoded.isMalformed)
    let empty = Cells.read([1, 2, 3], addressCells: 0, sizeCells: 0)
    #expect(empty.entries.isEmpty && empty.leftoverBytes == 3)
  }

  @Test("string lists split at NUL")
  func strings() {
    let p = Property(name: "compatible", value: Array("a,b\0shared-dma-pool\0".utf8))
    #expect(p.strings == ["a,b", "shared-dma-pool"])
    #expect(p.cString == "a,b")
  }
}

/// libfdt checks at the door: what comes back for input that is not a valid blob.
@Suite struct BlobValidationTests {
  @Test("empty, short and text input get libfdt's error names")
  func rejects() {
    for (bytes, name) in [([UInt8](), "FDT_ERR_TRUNCATED"), (Array("not a device tree at all, just text".utf8), "FDT_ERR_BADMAGIC")] {
      do {
        _ = try DeviceTreeBlob(bytes: bytes, file: "x.dtb")
        Issue.record("accepted invalid input")
      } catch {
        #expect(error.code?.name == name)
      }
    }
  }
}
