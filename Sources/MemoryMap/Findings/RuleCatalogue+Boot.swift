/// Rules about how an architecture's boot makes a tree fatal or misleading (riscv64 so far).
extension RuleCatalogue {
  public static let memblockFull = Rule(
    id: "MM063", name: "memblock-full", defaultSeverity: .error, consumer: .linux,
    summary: "The tree needs more early memblock regions than the kernel has slots: it panics.",
    rationale: "While reserved memory is scanned, memblock's lists live in static arrays the kernel may not grow yet (128 slots each on riscv64). Every separate no-map region splits memory into two more regions and every separate reservation takes a slot; the change that does not fit panics the boot with 'memblock: cannot resize memory array' (or 'reserved array'). Merge neighbouring regions or drop no-map where it is not needed.",
    sources: [
      "Linux mm/memblock.c: INIT_MEMBLOCK_REGIONS (128), memblock_isolate_range() and memblock_add_range() (room for new regions first), memblock_double_array() (panics before memblock_allow_resize())",
      "Linux arch/riscv/mm/init.c: paging_init() (the reserved-memory scan, then the kernel text, rodata and KFENCE pool flagged no-map to map them, then memblock_allow_resize())",
    ],
    fixture: "lint/memblock-full.dts")
  public static let firmwareRegionLost = Rule(
    id: "MM064", name: "firmware-region-lost", defaultSeverity: .error, consumer: .linux,
    summary: "/reserved-memory is refused, and with it the firmware's own region: the kernel faults.",
    rationale: "On riscv64, OpenSBI adds its memory (mmode_resv*) to /reserved-memory before the kernel runs. When the kernel refuses the node ('unsupported node format': cell counts that differ from the root's, or no ranges), that memory is mapped and used like any other, and the first access to it traps on OpenSBI's PMP protection: 'Oops - store (or AMO) access fault', then a panic.",
    sources: [
      "OpenSBI lib/utils/fdt/fdt_fixup.c: fdt_reserved_memory_fixup() (adds mmode_resv* children for its PMP regions)",
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_check_root() ('unsupported node format, ignoring')",
    ],
    fixture: "lint/firmware-region-lost.dts")
  public static let dynamicOverDTB = Rule(
    id: "MM065", name: "dynamic-over-dtb", defaultSeverity: .warning, consumer: .linux,
    summary: "A dynamic region is placed over the device tree blob.",
    rationale: "riscv64 reserves the DTB only after the reserved-memory scan, so the scan's allocator does not avoid it: a dynamic region can be placed on the memory that holds the tree the kernel still reads. Give the region alloc-ranges away from where the boot loader puts the DTB.",
    sources: [
      "Linux arch/riscv/mm/init.c: setup_bootmem() (early_init_fdt_scan_reserved_mem() before the DTB's memblock_reserve())",
      "QEMU 7.2 hw/riscv/boot.c (the virt board's DTB: 2 MiB-aligned below the end of RAM or 3 GiB)",
    ],
    fixture: "lint/dynamic-over-dtb.dts")
  public static let firmwareRegionAbsent = Rule(
    id: "MM066", name: "firmware-region-absent", defaultSeverity: .note, consumer: .linux,
    summary: "A riscv64 tree without OpenSBI's mmode_resv region.",
    rationale: "OpenSBI adds /reserved-memory/mmode_resv* (its own memory) to the tree it passes on, so a tree without it is the one given to the firmware, not the one the kernel receives: the kernel will also see that region. On QEMU, read the tree the kernel received (/sys/firmware/fdt) for an exact prediction.",
    sources: [
      "OpenSBI lib/utils/fdt/fdt_fixup.c: fdt_reserved_memory_fixup() (adds mmode_resv* children for its PMP regions)",
    ],
    fixture: "lint/firmware-region-absent.dts")

  /// The boot rules, in id order.
  static let bootRules: [Rule] = [memblockFull, firmwareRegionLost, dynamicOverDTB, firmwareRegionAbsent]
}
