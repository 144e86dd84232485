import Testing

@testable import MemoryMap

/// U-Boot's reservation overlap policy (`lmb_overlap_checks` with `alloc == false` in
/// `lmb_reserve`) and the memory check of `_lmb_alloc_addr`.
@Suite struct LMBReservePolicyTests {
  /// RAM 0x40000000+0x20000000 with one existing reservation at 0x40010000+0x10000.
  private func map(existing flags: LMBFlags) -> LMB {
    var lmb = LMB()
    lmb.add(base: 0x4000_0000, size: 0x2000_0000)
    lmb.reserve(base: 0x4001_0000, size: 0x1_0000, flags: flags)
    return lmb
  }

  static let flagSets: [LMBFlags] = [.none, .noMap, .noOverwrite, [.noOverwrite, .noNotify]]

  @Test("an overlap is tolerated only when both sides are LMB_NONE",
        arguments: flagSets, flagSets)
  func overlapMatrix(existing: LMBFlags, request: LMBFlags) {
    var lmb = map(existing: existing)
    let status = lmb.reserve(base: 0x4001_8000, size: 0x1_0000, flags: request)
    // U-Boot lib/lmb.c, lmb_add_region_flags with lmb_overlap_checks: a reservation overlapping one of other flags.
    if existing == .none && request == .none {
      #expect(status == .ok)
      #expect(lmb.reserved == [LMBRegion(base: 0x4001_0000, size: 0x1_8000)])
    } else {
      #expect(status == .exists)
      #expect(lmb.reserved == [LMBRegion(base: 0x4001_0000, size: 0x1_0000, flags: existing)])
    }
  }

  @Test("touching regions coalesce only with equal flags", arguments: flagSets, flagSets)
  func touchMatrix(existing: LMBFlags, request: LMBFlags) {
    var lmb = map(existing: existing)
    #expect(lmb.reserve(base: 0x4002_0000, size: 0x1_0000, flags: request) == .ok)
    // U-Boot lib/lmb.c, lmb_add_region_flags with lmb_overlap_checks: a reservation that only touches another.
    if existing == request {
      #expect(lmb.reserved == [LMBRegion(base: 0x4001_0000, size: 0x2_0000, flags: existing)])
    } else {
      #expect(lmb.reserved.count == 2)
    }
  }

  @Test("the whole list is scanned: any non-NONE overlap refuses an LMB_NONE request")
  func scansWholeList() {
    var lmb = map(existing: .none)
    lmb.reserve(base: 0x4003_0000, size: 0x1_0000, flags: .noOverwrite)
    // U-Boot test/lib/lmb.c, lib_test_lmb_overlapping_reserve: reserve(0x40020000, 0x80000)
    // over an N and an O region returns -EEXIST.
    #expect(lmb.reserve(base: 0x4001_0000, size: 0x3_0000) == .exists)
  }

  @Test("only the last byte must be in the first memory region the range touches")
  func lastByteRule() {
    var lmb = LMB()
    lmb.add(base: 0x4000_0000, size: 0x2000_0000)
    // U-Boot lib/lmb.c, _lmb_alloc_addr (fixed-address allocation).
    #expect(lmb.reserve(base: 0x3fff_f000, size: 0x2000) == .ok)
    #expect(lmb.reserve(base: 0x3fff_ffff, size: 1) == .invalid)
    #expect(lmb.reserve(base: 0x6000_0000, size: 1) == .invalid)
    #expect(lmb.reserve(base: 0x5fff_f000, size: 0x2000) == .invalid)
  }

  @Test("a range bridging two banks is judged by the first bank")
  func bridgingBanks() {
    var lmb = LMB()
    lmb.add(base: 0x4000_0000, size: 0x1000_0000)
    lmb.add(base: 0x6000_0000, size: 0x1000_0000)
    // HEAD lib/lmb.c _lmb_alloc_addr: the first overlapping bank ends at 0x4fffffff.
    #expect(lmb.reserve(base: 0x4fff_0000, size: 0x1001_0000) == .invalid)
  }

  @Test("size 0 succeeds without touching the lists")
  func zeroSize() {
    var lmb = LMB()
    // HEAD lib/lmb.c lmb_alloc_mem: `if (!size) return 0` before anything else.
    #expect(lmb.reserve(base: 0x1234, size: 0) == .ok)
    #expect(lmb.reserved.isEmpty)
  }
}
