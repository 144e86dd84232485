/// Where U-Boot puts itself after relocation, as `board_init_f` carves it from `ram_top` down
/// (`common/board_f.c`: `reserve_mmu`, `reserve_video`, `reserve_uboot`, `reserve_malloc`,
/// `reserve_board`, `reserve_global_data`, `reserve_fdt`, `reserve_bloblist`, `reserve_stacks`).
public struct UBootLayout: Hashable, Sendable {
  /// The top of the RAM U-Boot uses (bdinfo's LMB reservation ends here).
  public var ramTop: UInt64
  /// bdinfo's `TLB addr`.
  public var pageTables: UInt64
  /// bdinfo's `relocaddr`: the relocated image.
  public var relocationAddress: UInt64
  /// The start of the malloc area.
  public var mallocStart: UInt64
  /// U-Boot's copy of the tree (bdinfo's `fdt_blob` after relocation).
  public var treeCopy: UInt64
  /// bdinfo's `sp start`.
  public var stackPointer: UInt64
  /// What `lmb_reserve_uboot_region` reserves: from `sp start - stackSize` to `ramTop`,
  /// cut at the end of the bank holding its start.
  public var reservation: AddressRange

  /// The layout for `ramTop`, a build and a tree of `treeSize` bytes (its header's
  /// `totalsize`); nil when the stack would start below address 0 or outside every bank.
  public static func carve(ramTop: UInt64, build: UBootBuild, treeSize: UInt64, banks: [AddressRange])
    -> UBootLayout?
  {
    let pageTables = LMBMath.alignDown(LMBMath.alignDown(ramTop, 0x1000) &- build.pageTableSize, 0x1_0000)
    let relocation = LMBMath.alignDown(pageTables &- build.imageSize, 0x1000)
    let mallocStart = relocation &- build.mallocSize
    let treeCopy = mallocStart &- build.boardDataSize &- ((treeSize + 31) & ~31)
    let bloblist = build.bloblistSize == 0 ? treeCopy : LMBMath.alignDown(treeCopy &- build.bloblistSize, 0x1000)
    let stackPointer = LMBMath.alignDown(bloblist &- 16, 16)
    let start = stackPointer &- build.stackSize
    guard start <= stackPointer, start < ramTop,
      let bank = banks.first(where: { $0.base <= start && start &- $0.base < $0.size })
    else { return nil }
    let end = min(ramTop, bank.saturatedEnd)
    return UBootLayout(
      ramTop: ramTop, pageTables: pageTables, relocationAddress: relocation, mallocStart: mallocStart,
      treeCopy: treeCopy, stackPointer: stackPointer, reservation: AddressRange(base: start, size: end - start))
  }
}
