import Testing

@testable import MemoryMap

/// The list algorithm of U-Boot's `lmb_add_region_flags`, quirks included. The list-level
/// cases run over both answers to the port's questions: U-Boot's own scans and the binary
/// search the product uses.
@Suite struct LMBAddRegionTests {
  /// Which `LMBRegionList` a case runs on.
  enum ListKind: CaseIterable, Sendable {
    case linear, indexed

    func make(_ regions: [LMBRegion]) -> any LMBRegionList {
      switch self {
      case .linear: LMBLinearList(regions)
      case .indexed: LMBIndexedList(regions)
      }
    }
  }

  private func region(_ base: UInt64, _ size: UInt64, _ flags: LMBFlags = .none) -> LMBRegion {
    LMBRegion(base: base, size: size, flags: flags)
  }

  @Test("adding RAM that touches or overlaps RAM joins it; the same range twice changes nothing")
  func addMerges() {
    var lmb = LMB()
    #expect(lmb.add(base: 0x4000_0000, size: 0x1000_0000) == .ok)
    #expect(lmb.add(base: 0x5000_0000, size: 0x1000_0000) == .ok)
    #expect(lmb.add(base: 0x4800_0000, size: 0x1000_0000) == .ok)
    #expect(lmb.add(base: 0x4000_0000, size: 0x2000_0000) == .ok)
    // U-Boot lib/lmb.c, lmb_add -> lmb_add_region_flags: overlapping or adjacent RAM merges into the union.
    #expect(lmb.memory == [region(0x4000_0000, 0x2000_0000)])
  }

  @Test("the fix-up pass runs once, leaving two touching regions apart")
  func singleSecondPass() {
    var lmb = LMB()
    for base: UInt64 in [0x1000, 0x3000, 0x5000] { lmb.add(base: base, size: 0x1000) }
    #expect(lmb.add(base: 0x2000, size: 0x3000) == .ok)
    // U-Boot lib/lmb.c (HEAD), lmb_add_region_flags: [0x1000+0x4000 N][0x5000+0x1000 N].
    #expect(lmb.memory == [region(0x1000, 0x4000), region(0x5000, 0x1000)])
  }

  @Test("a resize in the first scan lets the fix-up pass join the rest")
  func firstScanResize() {
    var lmb = LMB()
    for base: UInt64 in [0x1000, 0x3000, 0x5000] { lmb.add(base: base, size: 0x1000) }
    lmb.add(base: 0x1800, size: 0x3800)
    // U-Boot lib/lmb.c (HEAD), lmb_add_region_flags: the same list with add(0x1800, 0x3800) is [0x1000+0x5000 N].
    #expect(lmb.memory == [region(0x1000, 0x5000)])
  }

  @Test("a mismatch just above the new range ends the scan; the pair check may then drop it",
        arguments: ListKind.allCases)
  func breakOnMismatchBelow(kind: ListKind) {
    var list = kind.make([region(0x1000, 0x4000), region(0x5000, 0x1000)])
    // HEAD lib/lmb.c lmb_add_region_flags: `break` at index 0, then regions 0 and 1 coalesce,
    // which counts as merging, so the no-overwrite range is never inserted and 0 is returned.
    #expect(list.lmbAddRegionFlags(base: 0x800, size: 0x800, flags: .noOverwrite) == .ok)
    #expect(list.regions == [region(0x1000, 0x5000)])
  }

  @Test("a mismatch just below the new range is skipped and the scan goes on", arguments: ListKind.allCases)
  func continueOnMismatchAbove(kind: ListKind) {
    var list = kind.make([region(0x1000, 0x1000, .noMap), region(0x2800, 0x800)])
    // HEAD lib/lmb.c: `continue` past region 0; region 1 is adjacent above and grows down.
    #expect(list.lmbAddRegionFlags(base: 0x2000, size: 0x800, flags: .none) == .ok)
    #expect(list.regions == [region(0x1000, 0x1000, .noMap), region(0x2000, 0x1000)])
  }

  @Test("v2025.01 stops at a flag mismatch just below the new range, v2026.10 skips it",
        arguments: ListKind.allCases)
  func releasesDifferOnMismatchAbove(kind: ListKind) {
    let existing = [region(0x4800_0000, 0x10_0000, .noMap), region(0x4820_0000, 0x10_0000, .noOverwrite)]
    var old = kind.make(existing)
    var new = kind.make(existing)
    #expect(old.lmbAddRegionFlags(base: 0x4810_0000, size: 0x10_0000, flags: .noOverwrite, rules: .v2025_01) == .ok)
    #expect(new.lmbAddRegionFlags(base: 0x4810_0000, size: 0x10_0000, flags: .noOverwrite, rules: .v2026_10) == .ok)
    // Fixtures/uboot/52-touching-flags.2025.01.log, first bdinfo: the new region stays apart
    // from the touching no-overwrite one; .2026.10.log: it is joined to it.
    #expect(old.regions == existing[..<1] + [region(0x4810_0000, 0x10_0000, .noOverwrite)] + existing[1...])
    #expect(new.regions == [existing[0], region(0x4810_0000, 0x20_0000, .noOverwrite)])
  }

  @Test("v2025.01 refuses an overlap when the new flags are not LMB_NONE", arguments: ListKind.allCases)
  func v2025RefusesFlaggedOverlap(kind: ListKind) {
    var list = kind.make([region(0x1000, 0x1000)])
    // v2025.01 lib/lmb.c lmb_add_region_flags: an overlapping region with flags != LMB_NONE
    // returns -EEXIST before any resize; the list is unchanged.
    #expect(list.lmbAddRegionFlags(base: 0x1800, size: 0x1000, flags: .noMap, rules: .v2025_01) == .exists)
    #expect(list.regions == [region(0x1000, 0x1000)])
  }

  @Test("a merged range keeps the flags of the region already there", arguments: ListKind.allCases)
  func resizeKeepsExistingFlags(kind: ListKind) {
    var list = kind.make([region(0x1000, 0x1000)])
    // Spec §3.2 resize_regions: only LMB_NONE regions are merged, and flags are kept.
    let merged = list.lmbResizeRegions(from: 0, base: 0x1800, size: 0x1000)
    #expect(merged)
    #expect(list.regions == [region(0x1000, 0x1800)])
    var blocked = kind.make([region(0x1000, 0x1000, .noOverwrite)])
    let refused = !blocked.lmbResizeRegions(from: 0, base: 0x1800, size: 0x1000)
    #expect(refused)
    #expect(blocked.regions == [region(0x1000, 0x1000, .noOverwrite)])
  }

  @Test("a new region goes after every region with an equal or lower base", arguments: ListKind.allCases)
  func insertionOrder(kind: ListKind) {
    var list = kind.make([region(0x1000, 0x10, .noMap), region(0x3000, 0x10)])
    #expect(list.lmbAddRegionFlags(base: 0x2000, size: 0x10, flags: .noOverwrite) == .ok)
    #expect(list.regions.map(\.base) == [0x1000, 0x2000, 0x3000])
  }
}
