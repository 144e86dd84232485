/// The rules about U-Boot as it really starts: trees that stop it before its prompt, and trees
/// that break its EFI boot.
extension RuleCatalogue {
  public static let ubootMemtopTableFull = Rule(
    id: "MM040", name: "uboot-memtop-table-full", defaultSeverity: .error, consumer: .uboot,
    summary: "U-Boot (2026.10 on) stops before its prompt: 64 or more /memreserve/ entries, or an enabled /reserved-memory child with reg at position 64 or later.",
    rationale: "With CONFIG_RELOC_ADDR_TOP (qemu_arm64 and other defconfigs since v2026.10-rc1) U-Boot computes where to relocate itself with common/memtop.c, which lists the tree's reservations in a fixed table of 64 entries. It asserts that there are fewer than 64 /memreserve/ entries, and that each enabled child with reg sits at a position below 64, counting every child of /reserved-memory (dynamic and disabled ones too). A failed assertion prints \"Assertion ... failed\" and the board hangs before the prompt. v2025.01 has no such table.",
    sources: [
      "U-Boot common/memtop.c: fdt_add_reserved_regions(), MEM_RGN_COUNT (v2026.10)",
      "U-Boot common/board_f.c: setup_ram_config() with CONFIG_RELOC_ADDR_TOP",
      "U-Boot configs/qemu_arm64_defconfig: CONFIG_RELOC_ADDR_TOP=y (v2026.10-rc1 on)",
    ],
    fixture: "uboot/31-children-65.dts")
  public static let ubootMemtopOverrun = Rule(
    id: "MM041", name: "uboot-memtop-overrun", defaultSeverity: .error, consumer: .uboot,
    summary: "U-Boot (2026.10 on) crashes before its prompt: /memreserve/ entries and /reserved-memory regions together make 66 or more entries for its 64-entry table.",
    rationale: "common/memtop.c checks the two counts separately, but writes /memreserve/ entries and enabled children with reg into the same 64-entry table on the stack. Two or more entries past it overwrite the rest of the stack frame before any check fails; on QEMU the board dies with a \"Synchronous Abort\" (recorded at 66, 67, 68, 72, 76 and 80 entries). One entry past is uboot-memtop-one-past. v2025.01 has no such table.",
    sources: [
      "U-Boot common/memtop.c: add_mem_region(), struct mem_region (v2026.10)",
      "U-Boot common/board_f.c: setup_ram_config() with CONFIG_RELOC_ADDR_TOP",
    ],
    fixture: "uboot/44-mixed-32-34.dts")
  public static let ubootMemtopOnePast = Rule(
    id: "MM043", name: "uboot-memtop-one-past", defaultSeverity: .warning, consumer: .uboot,
    summary: "U-Boot (2026.10 on) writes one entry past its 64-entry relocation table: it boots on qemu_arm64, but relocates as if the highest-based reservation were not there.",
    rationale: "common/memtop.c inserts /memreserve/ entries and enabled /reserved-memory children with reg in base order into a 64-entry table on the stack. A 65th entry passes both of its checks, and its insert writes the entry with the highest base one slot past the table, over the table's own count. On Debian's qemu_arm64 build U-Boot goes on, but its search for the highest free 2 MiB window under which it relocates no longer sees that entry: U-Boot may then relocate next to or over it (the finding says whether ram_top moves). The write is undefined behaviour in C: another build or compiler may crash instead (two entries past crash on QEMU). Keep the two lists at 64 entries or fewer.",
    sources: [
      "U-Boot common/memtop.c: add_mem_region(), fdt_add_reserved_regions(), struct mem_region (v2026.10)",
      "U-Boot common/board_f.c: setup_ram_config() with CONFIG_RELOC_ADDR_TOP",
    ],
    fixture: "uboot/45-one-past-top.dts")
  public static let ubootBootefiOutOfMemory = Rule(
    id: "MM042", name: "uboot-bootefi-out-of-memory", defaultSeverity: .error, consumer: .uboot,
    summary: "U-Boot cannot boot an EFI application: a region LMB refused covers where its EFI loader allocates next (on 2026.10, any region straddling the end of RAM).",
    rationale: "A region LMB refuses (it runs past the end of RAM: -EINVAL; it overlaps U-Boot's own memory: -EEXIST) stays free for LMB, so U-Boot's EFI loader allocates its pages there, top-down from the highest free page: on 2026.10 the window above ram_top, on 2025.01 just below U-Boot's own area. bootefi then carves the tree's regions into the EFI map, refused ones included, which turns those pages into boot services data or reserved memory; the next allocation fails: bootefi prints \"Out of memory\" and an EFI kernel fails with \"## Application failed, r = 9\".",
    sources: [
      "U-Boot boot/image-fdt.c: boot_fdt_add_mem_rsv_regions()",
      "U-Boot lib/lmb.c: lmb_alloc_mem(), _lmb_alloc_addr() (a range must lie in RAM)",
      "U-Boot lib/efi_loader/efi_dt_fixup.c: efi_carve_out_dt_rsv()",
      "U-Boot lib/efi_loader/efi_memory.c: efi_allocate_pages()",
    ],
    fixture: "uboot/18-straddle-end.dts")

  public static let ubootRules: [Rule] = [ubootMemtopTableFull, ubootMemtopOverrun, ubootBootefiOutOfMemory, ubootMemtopOnePast]
}
