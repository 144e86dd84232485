import Testing
import TestSupport

@testable import DeviceTree

/// The libfdt layer: what `DeviceTreeBlob` accepts at the door and what its lookups return,
/// on blobs written by `FDTWriter` (the DT specification's flattened format, version 17).
@Suite struct DeviceTreeBlobTests {
  static func be32(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
  }

  /// `/` with two children in this order, one of them with a child of its own.
  static let tree = FDTNode("", [("#address-cells", be32(2)), ("model", Array("m\0".utf8))], children: [
    FDTNode("memory@40000000", [("device_type", Array("memory\0".utf8))]),
    FDTNode("reserved-memory", [("ranges", []), ("reg", [])], children: [
      FDTNode("tfa@40000000", [("no-map", [])]),
    ]),
  ])

  static func blob(_ root: FDTNode = tree, reservations: [(UInt64, UInt64)] = []) throws -> DeviceTreeBlob {
    try DeviceTreeBlob(bytes: FDTWriter.blob(root, memoryReservations: reservations), file: "t.dtb")
  }

  // MARK: - At the door

  @Test("text is bad magic, not truncated (libfdt would say truncated for fewer than 40 bytes)")
  func textIsBadMagic() {
    #expect(throws: DeviceTreeError(file: "x", reason: .fdt(.badMagic))) {
      try DeviceTreeBlob(bytes: Array("/dts-v1/;\n".utf8), file: "x")
    }
  }

  @Test("a blob cut short of its totalsize is FDT_ERR_TRUNCATED (fdt_check_full)")
  func truncated() throws {
    let bytes = FDTWriter.blob(Self.tree)
    #expect(throws: DeviceTreeError(file: "x", reason: .fdt(.truncated))) {
      try DeviceTreeBlob(bytes: Array(bytes.dropLast(4)), file: "x")
    }
  }

  @Test("more than the 256 MiB memmap accepts is refused before libfdt sees it")
  func tooLarge() {
    let size = DeviceTreeBlob.maximumSize + 1
    #expect(throws: DeviceTreeError(file: "x", reason: .tooLarge(limit: DeviceTreeBlob.maximumSize))) {
      try DeviceTreeBlob(bytes: [UInt8](repeating: 0, count: size), file: "x")
    }
  }

  // MARK: - Lookups

  @Test("children come in blob order with unit addresses and full paths (fdt_first/next_subnode)")
  func children() throws {
    let blob = try Self.blob()
    let top = try blob.children(of: blob.root)
    #expect(top.map(\.name) == ["memory@40000000", "reserved-memory"])
    #expect(top.map(\.path) == ["/memory@40000000", "/reserved-memory"])
    let inner = try blob.children(of: top[1])
    #expect(inner.map(\.path) == ["/reserved-memory/tfa@40000000"])
    #expect(try blob.children(of: inner[0]).isEmpty)
  }

  @Test("a missing property is nil, an empty one is present with no bytes (fdt_getprop)")
  func properties() throws {
    let blob = try Self.blob()
    let rmem = try blob.children(of: blob.root)[1]
    #expect(try blob.property("size", of: rmem) == nil)
    #expect(try blob.property("ranges", of: rmem)?.value == [])
    #expect(try blob.property("#address-cells", of: blob.root)?.value == Self.be32(2))
    #expect(try blob.hasProperty("ranges", of: rmem))
  }

  @Test("the one-pass property table answers as the lookups by name do")
  func propertyTable() throws {
    let blob = try Self.blob()
    let table = try blob.properties(of: blob.root)
    for name in ["#address-cells", "model", "absent"] {
      #expect(try table.property(name)?.value == blob.property(name, of: blob.root)?.value)
    }
  }

  @Test("an empty reg's following bytes are the next structure-block token (FDT_PROP = 3)")
  func bytesAfterEmptyReg() throws {
    let blob = try Self.blob()
    let rmem = try blob.children(of: blob.root)[1]
    // After `reg` (empty) the structure block goes on with the child's FDT_BEGIN_NODE (1).
    #expect(try blob.bytesAfterProperty("reg", of: rmem, count: 4) == Self.be32(1))
    #expect(try blob.bytesAfterProperty("absent", of: rmem, count: 4) == nil)
  }

  @Test("the memory reservation block is read in order up to its terminator")
  func memoryReservations() throws {
    let blob = try Self.blob(reservations: [(0x4000_0000, 0x1000), (0xffff_f000, 0x1000)])
    #expect(try blob.memoryReservations() == [
      MemoryReservation(index: 0, address: 0x4000_0000, size: 0x1000),
      MemoryReservation(index: 1, address: 0xffff_f000, size: 0x1000),
    ])
    #expect(try Self.blob().memoryReservations().isEmpty)
  }
}
