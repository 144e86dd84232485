import Testing

@testable import MemoryMap

/// The one hex formatter: JSON's plain form, the kernel's `%pa`, and ranges that reach 2^64.
@Suite struct HexTests {
  @Test("plain, padded and range forms")
  func forms() {
    #expect(Hex.plain(0) == "0x0")
    #expect(Hex.plain(0x4000_0000) == "0x40000000")
    // %pa on 64-bit: 0x and 16 digits (Linux lib/vsprintf.c, address_val: 2 * sizeof(phys_addr_t) digits).
    #expect(Hex.padded(0x5000_0000) == "0x0000000050000000")
    #expect(Hex.range(AddressRange(base: 0x1000, size: 0x1000)) == "[0x1000, 0x2000)")
  }

  @Test("an end of exactly 2^64 reads 2^64; past it, 2^64 plus the rest")
  func topOfAddressSpace() {
    #expect(Hex.range(AddressRange(base: 0xffff_ffff_ffff_f000, size: 0x1000)) == "[0xfffffffffffff000, 2^64)")
    #expect(Hex.range(AddressRange(base: 0xffff_ffff_ffff_f000, size: 0x2000)) == "[0xfffffffffffff000, 2^64+0x1000)")
  }
}
