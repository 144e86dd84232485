import Testing

@testable import MemoryMap

/// U-Boot's `lmb_alloc_mem` with `LMB_MEM_ALLOC_ANY` and `LMB_MEM_ALLOC_MAX` (`_lmb_alloc_base`).
@Suite struct LMBAllocateTests {
  private func ram(_ base: UInt64 = 0x4000_0000, _ size: UInt64 = 0x2000_0000) -> LMB {
    var lmb = LMB()
    lmb.add(base: base, size: size)
    return lmb
  }

  @Test("allocation is top-down and moves below a blocking reservation", arguments: [
    UInt64(0x4000_0000), 0xE000_0000,
  ])
  func topDown(base: UInt64) {
    var lmb = ram(base)
    let reservedBase = base + 0x1000_0000
    lmb.reserve(base: reservedBase, size: 0x1_0000)
    // U-Boot test/lib/lmb.c, test_multi_alloc: a = ram_end - 4; b = alloc_64k_addr - 4.
    #expect(lmb.allocate(.any, size: 4, align: 1) == .placed(base + 0x2000_0000 - 4))
    #expect(lmb.allocate(.max(reservedBase + 0x1_0000), size: 4, align: 1) == .placed(reservedBase - 4))
    #expect(lmb.reserved == [
      LMBRegion(base: reservedBase - 4, size: 0x1_0004),
      LMBRegion(base: base + 0x2000_0000 - 4, size: 4),
    ])
  }

  @Test("the higher bank is tried first")
  func higherBankFirst() {
    var lmb = ram()
    lmb.add(base: 0x8000_0000, size: 0x2000_0000)
    // U-Boot test/lib/lmb.c, lib_test_lmb_simple_x2: allocations come from the higher bank.
    #expect(lmb.allocate(.any, size: 4, align: 1) == .placed(0x9fff_fffc))
  }

  @Test("an allocation whose base would be 0 fails")
  func notAtZero() {
    var lmb = ram(0, 0x2000_0000)
    // U-Boot test/lib/lmb.c, lib_test_lmb_at_0.
    #expect(lmb.allocate(.any, size: 0x1fff_fffc, align: 1) == .placed(4))
    #expect(lmb.allocate(.any, size: 4, align: 1) == .failed(.failed))
  }

  @Test("alignment 0 always fails; size 0 succeeds with no address")
  func alignZeroAndSizeZero() {
    var lmb = ram()
    // U-Boot lib/lmb.c, _lmb_alloc_base (ALIGN_DOWN with a 0 mask gives base 0) and lmb_alloc_mem (size 0).
    #expect(lmb.allocate(.any, size: 0x1000, align: 0) == .failed(.failed))
    #expect(lmb.allocate(.any, size: 0, align: 1) == .noAddress)
    #expect(lmb.reserved.isEmpty)
  }

  @Test("MAX bounds the exclusive end, and a bank starting at MAX is skipped")
  func maxIsExclusiveEnd() {
    var lmb = ram()
    // U-Boot lib/lmb.c, _lmb_alloc_base: end <= max_addr; a region starting at or above max is skipped.
    #expect(lmb.allocate(.max(0x4000_0000), size: 0x1000, align: 0x1000) == .failed(.failed))
    #expect(lmb.allocate(.max(0x4000_1000), size: 0x1000, align: 0x1000) == .placed(0x4000_0000))
  }

  @Test("a blocking reservation based below the size ends the search in that bank")
  func blockingBaseBelowSize() {
    var lmb = ram(0x1000, 0x10000)
    lmb.reserve(base: 0x1000, size: 0x8000)
    // HEAD lib/lmb.c _lmb_alloc_base: `if (res_base < size) break`.
    #expect(lmb.allocate(.any, size: 0x9000, align: 1) == .failed(.failed))
    #expect(lmb.allocate(.any, size: 0x8000, align: 1) == .placed(0x9000))
  }

  @Test("MAX below the size wraps to the top of the address space, as U-Boot does")
  func maxBelowSizeWraps() {
    var lmb = ram(0x10, 0x10000)
    // U-Boot lib/lmb.c, _lmb_alloc_base: its edge case, reproduced deliberately.
    #expect(lmb.allocate(.max(0x80), size: 0x100, align: 1) == .placed(0xffff_ffff_ffff_ff80))
  }

  @Test("a non-power-of-two alignment is used as a mask")
  func alignmentMask() {
    var lmb = ram()
    // U-Boot lib/lmb.c, _lmb_alloc_base: ALIGN_DOWN(x, 0xf) clears the bits of 0xe.
    #expect(lmb.allocate(.any, size: 0x11, align: 0xf) == .placed(0x5fff_ffe1))
  }

  @Test("allocations keep their flags and coalesce only with equal flags")
  func flagsKept() {
    var lmb = ram()
    #expect(lmb.allocate(.any, size: 0x1000, align: 0x1000, flags: [.noOverwrite, .noNotify])
      == .placed(0x5fff_f000))
    #expect(lmb.allocate(.any, size: 0x1000, align: 0x1000) == .placed(0x5fff_e000))
    // U-Boot lib/efi_loader/efi_memory.c, efi_allocate_pages: EFI allocations carry NOOVERWRITE|NONOTIFY (0xc).
    #expect(lmb.reserved.map(\.flags) == [.none, [.noOverwrite, .noNotify]])
  }
}
