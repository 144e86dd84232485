import Testing

@testable import MemoryMap

/// U-Boot's `lmb_free`, `lmb_get_free_size` and `lmb_is_reserved_flags`.
@Suite struct LMBFreeAndQueryTests {
  private func map() -> LMB {
    var lmb = LMB()
    lmb.add(base: 0x4000_0000, size: 0x2000_0000)
    return lmb
  }

  // MARK: - Free

  @Test("freeing the middle splits a region; the upper part keeps the flags")
  func splitKeepsFlags() {
    var lmb = map()
    lmb.reserve(base: 0x4800_0000, size: 0x1_0000, flags: .noMap)
    // U-Boot lib/lmb.c, _lmb_free: a range strictly inside a region splits it.
    #expect(lmb.free(base: 0x4800_4000, size: 0x1000) == .ok)
    #expect(lmb.reserved == [
      LMBRegion(base: 0x4800_0000, size: 0x4000, flags: .noMap),
      LMBRegion(base: 0x4800_5000, size: 0xb000, flags: .noMap),
    ])
  }

  @Test("flags never protect a region from being freed")
  func flagsIgnored() {
    var lmb = map()
    lmb.reserve(base: 0x4800_0000, size: 0x1000, flags: .noOverwrite)
    // U-Boot test/lib/lmb.c, lib_test_lmb_alloc_addr: free(..., LMB_NONE) of an O region is 0.
    #expect(lmb.free(base: 0x4800_0000, size: 0x1000, flags: .none) == .ok)
    #expect(lmb.reserved.isEmpty)
  }

  @Test("a range spanning two regions, or never reserved, cannot be freed")
  func mustLieInOneRegion() {
    var lmb = map()
    lmb.reserve(base: 0x4800_0000, size: 0x1000, flags: .noMap)
    lmb.reserve(base: 0x4800_1000, size: 0x1000, flags: .noOverwrite)
    // U-Boot lib/lmb.c, _lmb_free, and test/lib/lmb.c, lib_test_lmb_at_0 (free(0, 4) = -1).
    #expect(lmb.free(base: 0x4800_0000, size: 0x2000) == .failed)
    #expect(lmb.free(base: 0, size: 4) == .failed)
    #expect(lmb.reserved.count == 2)
  }

  @Test("freeing either end trims the region")
  func trimEnds() {
    var lmb = map()
    lmb.reserve(base: 0x4800_0000, size: 0x3000)
    #expect(lmb.free(base: 0x4800_0000, size: 0x1000) == .ok)
    #expect(lmb.free(base: 0x4800_2000, size: 0x1000) == .ok)
    // U-Boot lib/lmb.c, _lmb_free: a range sharing the region's start or end trims it.
    #expect(lmb.reserved == [LMBRegion(base: 0x4800_1000, size: 0x1000)])
  }

  // MARK: - Free size

  @Test("free size at the test's addresses", arguments: [UInt64(0x4000_0000), 0xE000_0000])
  func freeSize(ram: UInt64) {
    var lmb = LMB()
    lmb.add(base: ram, size: 0x2000_0000)
    let (a, b, c) = (ram + 0x800_0000, ram + 0x1000_0000, ram + 0x1800_0000)
    for base in [a, b, c] { lmb.reserve(base: base, size: 0x1_0000) }
    let end = ram + 0x2000_0000
    // U-Boot test/lib/lmb.c, test_get_unreserved_size.
    #expect(lmb.freeSize(at: ram) == a - ram)
    #expect(lmb.freeSize(at: a - 4) == 4)
    #expect(lmb.freeSize(at: a + 0x2_0000) == b - a - 0x2_0000)
    #expect(lmb.freeSize(at: c + 0x1_0000) == end - c - 0x1_0000)
    #expect(lmb.freeSize(at: end - 4) == 4)
    // U-Boot lib/lmb.c, lmb_get_free_size: reserved or outside memory is 0.
    #expect(lmb.freeSize(at: a + 0x8000) == 0)
    #expect(lmb.freeSize(at: end) == 0)
  }

  @Test("free size runs to the end of the last bank, across holes")
  func freeSizeLastBank() {
    var lmb = LMB()
    lmb.add(base: 0x4000_0000, size: 0x1000_0000)
    lmb.add(base: 0x8000_0000, size: 0x1000_0000)
    // U-Boot lib/lmb.c, lmb_get_free_size: past the last reservation it measures to the end of the LAST memory region.
    #expect(lmb.freeSize(at: 0x4000_0000) == 0x5000_0000)
  }

  // MARK: - Is reserved

  @Test("is-reserved needs every asked flag on the first containing region")
  func isReservedFlags() {
    var lmb = map()
    lmb.reserve(base: 0x4001_0000, size: 0x1_0000, flags: .noMap)
    // U-Boot include/lmb.h (LMB_NOMAP, LMB_NOOVERWRITE) and lib/lmb.c, lmb_is_reserved_flags:
    // a no-map region is not "no-overwrite".
    #expect(lmb.isReserved(0x4001_0000))
    #expect(lmb.isReserved(0x4001_ffff, flags: .noMap))
    #expect(!lmb.isReserved(0x4001_0000, flags: .noOverwrite))
    #expect(!lmb.isReserved(0x4002_0000))
  }
}
