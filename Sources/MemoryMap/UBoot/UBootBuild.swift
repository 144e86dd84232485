/// The numbers a U-Boot build fixes that decide where it relocates itself, read from the
/// board's `bdinfo` (see the README, "U-Boot's own memory").
///
/// U-Boot's `board_init_f` carves its new home from the top of usable RAM (`ram_top`) down, in
/// this order: page tables, relocated image (and frame buffer), malloc area, board info and
/// global data, its copy of the device tree, the bloblist, and 16 bytes of abort stack above
/// the stack pointer; LMB then reserves `[sp - stackSize, ram_top)` for all of it.
public struct UBootBuild: Hashable, Sendable {
  /// Relocated code, data, bss and frame buffer: bdinfo's `TLB addr` minus `relocaddr`.
  public var imageSize: UInt64
  /// The malloc area (`TOTAL_MALLOC_LEN`): `relocaddr` minus the start U-Boot prints in
  /// `using memory 0x...-0x... for malloc()`.
  public var mallocSize: UInt64
  /// `CONFIG_STACK_SIZE`: how far below `sp start` LMB's reservation begins.
  public var stackSize: UInt64
  /// The size of the free window `common/memtop.c` looks for under the tree's reservations:
  /// the image's code, data and bss (`mon_len`) rounded up to 1 MiB.
  public var relocationWindow: UInt64
  /// Page tables (`PGTABLE_SIZE`) taken from `ram_top` (first rounded down to 4 KiB), the
  /// result rounded down to 64 KiB. On qemu_arm64 2026.10 the recordings bound it to
  /// (0x11000, 0x14000]: 06-top-unaligned and 41-top-offset-4000 put `ram_top` off 64 KiB
  /// (2025.01's `ram_top`, the end of RAM, is always aligned, so any value fits it).
  public var pageTableSize: UInt64
  /// Board info and global data, between the malloc area and the tree copy.
  public var boardDataSize: UInt64
  /// The relocated bloblist (`CONFIG_BLOBLIST_SIZE_RELOC`) under the tree copy; U-Boot
  /// rounds its start down to 4 KiB. 0 when the build has none.
  public var bloblistSize: UInt64
  /// Pages the EFI loader allocates in LMB while U-Boot starts (`no-notify, no-overwrite`),
  /// before the first `bdinfo`.
  public var efiStartupSize: UInt64

  public init(imageSize: UInt64, mallocSize: UInt64, stackSize: UInt64, relocationWindow: UInt64,
              pageTableSize: UInt64, boardDataSize: UInt64, bloblistSize: UInt64,
              efiStartupSize: UInt64) {
    self.imageSize = imageSize
    self.mallocSize = mallocSize
    self.stackSize = stackSize
    self.relocationWindow = relocationWindow
    self.pageTableSize = pageTableSize
    self.boardDataSize = boardDataSize
    self.bloblistSize = bloblistSize
    self.efiStartupSize = efiStartupSize
  }

  /// Debian's qemu_arm64 2026.10-rc5 (Fixtures/uboot/01-plain.2026.10.log: TLB addr
  /// 0x7fde0000, relocaddr 0x7f480000, malloc from 0x7e440000, fdt_blob 0x7e437240, sp start
  /// 0x7e416ff0 for a tree of 0x8b40 bytes; config.qemu_arm64: STACK_SIZE 0x1000000,
  /// BLOBLIST_SIZE_RELOC 0x20000).
  public static let qemuArm64v2026_10 = UBootBuild(
    imageSize: 0x96_0000, mallocSize: 0x104_0000, stackSize: 0x100_0000, relocationWindow: 0x20_0000,
    pageTableSize: 0x1_4000, boardDataSize: 0x280, bloblistSize: 0x2_0000, efiStartupSize: 0x3000)

  /// Debian's qemu_arm64 2025.01 (Fixtures/uboot/01-plain.2025.01.log: TLB addr 0x7ffe0000,
  /// relocaddr 0x7f6b7000, fdt_blob 0x7e66e2b0, sp start 0x7e66e2a0, tree 0x8b40 bytes).
  public static let qemuArm64v2025_01 = UBootBuild(
    imageSize: 0x92_9000, mallocSize: 0x104_0000, stackSize: 0x100_0000, relocationWindow: 0x20_0000,
    pageTableSize: 0x1_4000, boardDataSize: 0x210, bloblistSize: 0, efiStartupSize: 0x3000)
}
