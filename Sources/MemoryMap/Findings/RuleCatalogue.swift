/// Every rule memmap knows, in id order. Ids never change meaning and are never reused.
public enum RuleCatalogue {
  public static let reservedOverlap = Rule(
    id: "MM001", name: "reserved-overlap", defaultSeverity: .error, consumer: .linux,
    summary: "Two reserved regions overlap.",
    rationale: "Overlapping carve-outs mean two owners for the same memory. Linux only compares neighbours in its sorted table (OVERLAP DETECTED) and carries on; memmap reports every overlapping pair of static and placed dynamic regions.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __rmem_check_for_overlap() (\"OVERLAP DETECTED!\")",
      "Devicetree binding reserved-memory.yaml (dt-schema)",
    ],
    fixture: "lint/reserved-overlap.dts")
  public static let memreserveOverlap = Rule(
    id: "MM002", name: "memreserve-overlap", defaultSeverity: .warning, consumer: .linux,
    summary: "A /reserved-memory region overlaps a /memreserve/ entry.",
    rationale: "The same memory is described twice; on kernels before 6.4 (and on 6.1) /memreserve/ is reserved first, so a no-map region over it is refused with EBUSY. The two-stage flow (6.12, 7.2) places dynamic regions before it reserves /memreserve/, so a dynamic region can land on top of an entry.",
    sources: [
      "Linux drivers/of/fdt.c: early_init_fdt_scan_reserved_mem() (the order of /memreserve/ and /reserved-memory)",
      "Linux drivers/of/fdt.c: early_init_dt_reserve_memory() (-EBUSY for no-map over reserved memory)",
    ],
    fixture: "lint/memreserve-overlap.dts")
  public static let reserveFailed = Rule(
    id: "MM003", name: "reserve-failed", defaultSeverity: .error, consumer: .linux,
    summary: "The kernel fails to reserve a static region.",
    rationale: "A no-map region that overlaps memory already reserved (by an earlier node, /memreserve/ on older kernels, or the boot images) is refused with EBUSY: 'failed to reserve memory for node'. The memory stays mapped.",
    sources: [
      "Linux drivers/of/fdt.c: early_init_dt_reserve_memory() (-EBUSY for no-map over reserved memory)",
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_reserve_reg() (\"failed to reserve memory for node\")",
    ],
    fixture: "lint/reserve-failed.dts")
  public static let outsideMemory = Rule(
    id: "MM004", name: "outside-memory", defaultSeverity: .warning, consumer: .linux,
    summary: "A reserved region lies entirely outside /memory.",
    rationale: "Linux still records the reservation but it describes no RAM; usually a typo in the address or a /memory node that is too small.",
    sources: [
      "Linux drivers/of/fdt.c: early_init_dt_reserve_memory() (reserves without checking /memory)",
      "Linux drivers/of/fdt.c: early_init_dt_scan_memory()",
    ],
    fixture: "lint/outside-memory.dts")
  public static let straddlesMemory = Rule(
    id: "MM005", name: "straddles-memory", defaultSeverity: .warning, consumer: .linux,
    summary: "A reserved region is partly outside /memory.",
    rationale: "Part of the region is RAM and part is not: the size or the memory banks are wrong.",
    sources: [
      "Linux drivers/of/fdt.c: early_init_dt_reserve_memory()",
      "Linux drivers/of/fdt.c: early_init_dt_scan_memory()",
    ],
    fixture: "lint/straddles-memory.dts")
  public static let dynamicAllocationFailed = Rule(
    id: "MM006", name: "dynamic-alloc-failed", defaultSeverity: .error, consumer: .linux,
    summary: "A dynamic region cannot be placed.",
    rationale: "No free, mapped block of the requested size and alignment exists inside alloc-ranges (or anywhere): 'failed to allocate memory for node'. Drivers that need it fail to probe.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size() and __reserved_mem_alloc_in_range() (\"failed to allocate memory for node\")",
      "Linux mm/memblock.c: memblock_phys_alloc_range()",
    ],
    fixture: "lint/dynamic-alloc-failed.dts")
  public static let tableOverflow = Rule(
    id: "MM007", name: "table-overflow", defaultSeverity: .error, consumer: .linux,
    summary: "More than 64 regions for the 6.1 kernel's fixed table.",
    rationale: "Linux 6.1 keeps 64 entries: later static regions are reserved but never initialised or findable through memory-region, and later dynamic regions are never allocated ('not enough space for all defined regions.').",
    sources: [
      "Linux drivers/of/of_reserved_mem.c in 6.1: fdt_reserved_mem_save_node(), MAX_RESERVED_REGIONS = 64 (\"not enough space for all defined regions.\")",
    ],
    fixture: "lint/table-overflow.dts")
  public static let tooManyDynamic = Rule(
    id: "MM008", name: "too-many-dynamic", defaultSeverity: .error, consumer: .linux,
    summary: "More than 64 dynamic regions.",
    rationale: "Kernels with the two-stage flow keep at most 64 dynamic regions; the fixed ones skip the rest ('too many defined dynamic regions, skip'), older unfixed ones write past an array.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c in 6.12: fdt_scan_reserved_mem(), at most MAX_RESERVED_REGIONS dynamic nodes (\"too many defined dynamic regions, skip\")",
    ],
    fixture: "lint/too-many-dynamic.dts")
  public static let noMapReusable = Rule(
    id: "MM009", name: "nomap-reusable", defaultSeverity: .error, consumer: .devicetree,
    summary: "A region has both no-map and reusable.",
    rationale: "The binding forbids the pair: reusable memory is handed to the page allocator, no-map memory is never mapped. On a shared-dma-pool, 6.1 and 6.12 fail its init ('compatible matching fail') and release the memory; 7.2 keeps it as a no-map region that no driver initialises.",
    sources: [
      "Devicetree binding reserved-memory.yaml (dt-schema): no-map and reusable exclude each other",
      "Linux kernel/dma/contiguous.c: rmem_cma_setup() (refuses no-map)",
      "Linux kernel/dma/coherent.c: rmem_dma_setup() (refuses reusable)",
    ],
    fixture: "lint/nomap-reusable.dts")
  public static let cmaMisaligned = Rule(
    id: "MM010", name: "cma-misaligned", defaultSeverity: .error, consumer: .linux,
    summary: "A CMA region's base or size is not a multiple of the CMA alignment (2 MiB with 4K pages).",
    rationale: "CMA needs pageblock alignment (2 MiB with 4 KiB pages, 32 MiB with 16 KiB, 512 MiB with 64 KiB): 'incorrect alignment of CMA region', then 'compatible matching fail' and the memory is released.",
    sources: [
      "Linux kernel/dma/contiguous.c: rmem_cma_setup(), CMA_MIN_ALIGNMENT_BYTES (\"incorrect alignment of CMA region\")",
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_init_node() (\"compatible matching fail\")",
    ],
    fixture: "lint/cma-misaligned.dts")
  public static let reservedMemoryFormat = Rule(
    id: "MM011", name: "reserved-memory-format", defaultSeverity: .error, consumer: .linux,
    summary: "/reserved-memory has a format the kernel ignores.",
    rationale: "Its #address-cells and #size-cells must equal the root's and it must have ranges; otherwise Linux prints 'unsupported node format, ignoring' and reserves none of its children.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_check_root() (\"unsupported node format, ignoring\")",
      "Devicetree binding reserved-memory.yaml (dt-schema)",
    ],
    fixture: "lint/reserved-memory-format.dts")
  public static let malformedReg = Rule(
    id: "MM012", name: "malformed-reg", defaultSeverity: .error, consumer: .linux,
    summary: "A reg length is not a whole number of (address, size) entries.",
    rationale: "Linux up to 6.18 (6.1, 6.12) skips the node: 'invalid reg property ... skipping node.' From 6.19 (7.2) the reg counts as absent, silently: with a size the node is placed like a dynamic one, anywhere in RAM; without one it is ignored.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_reserve_reg() (\"invalid reg property in '...', skipping node.\")",
    ],
    fixture: "lint/malformed-reg.dts")
  public static let malformedSize = Rule(
    id: "MM013", name: "malformed-size", defaultSeverity: .error, consumer: .linux,
    summary: "A size property is not exactly #size-cells cells.",
    rationale: "Linux skips the node: 'invalid size property'.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size() (\"invalid size property in '...', skipping node.\")",
    ],
    fixture: "lint/malformed-size.dts")
  public static let malformedAlignment = Rule(
    id: "MM014", name: "malformed-alignment", defaultSeverity: .error, consumer: .linux,
    summary: "An alignment property is not exactly #address-cells cells.",
    rationale: "Linux reads alignment with #address-cells (not #size-cells as the binding says) and skips the node otherwise: 'invalid alignment property'.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size() (reads alignment with dt_root_addr_cells; \"invalid alignment property\")",
      "Devicetree binding reserved-memory.yaml (dt-schema): alignment",
    ],
    fixture: "lint/malformed-alignment.dts")
  public static let malformedAllocRanges = Rule(
    id: "MM015", name: "malformed-alloc-ranges", defaultSeverity: .error, consumer: .linux,
    summary: "alloc-ranges is not a whole number of (address, size) entries.",
    rationale: "Linux up to 6.18 (6.1, 6.12) skips the node: 'invalid alloc-ranges property'. From 6.19 (7.2) alloc-ranges is ignored, silently, and the region goes anywhere in RAM.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size() (\"invalid alloc-ranges property\")",
    ],
    fixture: "lint/malformed-alloc-ranges.dts")
  public static let multiEntryReg = Rule(
    id: "MM016", name: "multi-entry-reg", defaultSeverity: .warning, consumer: .linux,
    summary: "A reserved-memory node has more than one reg entry.",
    rationale: "Linux 6.1 and 6.12 reserve every entry but their table (and memory-region users) and U-Boot keep entry 0 only; 7.2 reserves entry 0 only ('node ... has N <base size> entries, only the first is used'), so the other entries are ordinary RAM that the kernel may hand out. The schema allows one.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_reserve_reg() (reserves every entry, saves the first in the table)",
      "U-Boot boot/image-fdt.c: boot_fdt_add_mem_rsv_regions() (fdt_get_resource(..., \"reg\", 0, ...): entry 0 only)",
      "Devicetree binding reserved-memory.yaml (dt-schema): reg has one entry",
    ],
    fixture: "lint/multi-entry-reg.dts")
  public static let zeroSize = Rule(
    id: "MM017", name: "zero-size", defaultSeverity: .warning, consumer: .linux,
    summary: "A reg entry has size 0.",
    rationale: "Nothing is reserved; Linux prints 'failed to reserve memory'. As the first entry it turns the node into a dynamic one in 6.1.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_reserve_reg() (\"failed to reserve memory for node\")",
      "Linux drivers/of/of_reserved_mem.c in 6.1: fdt_scan_reserved_mem() (a node without a usable reg goes to the dynamic path)",
    ],
    fixture: "lint/zero-size.dts")
  public static let rangeWraps = Rule(
    id: "MM018", name: "range-wraps", defaultSeverity: .error, consumer: .linux,
    summary: "A range runs past the top of the 64-bit address space.",
    rationale: "base + size overflows; the kernel's overlap arithmetic wraps and memblock silently caps the size.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __rmem_check_for_overlap() (base + size in 64 bits)",
      "Linux mm/memblock.c: memblock_cap_size()",
    ],
    fixture: "lint/range-wraps.dts")
  public static let memoryLeftToBootloader = Rule(
    id: "MM019", name: "memory-size-zero", defaultSeverity: .note, consumer: .devicetree,
    summary: "RAM unknown: /memory has no usable size and no RAM was given.",
    rationale: "Many trees ship reg = <0 0 0 0> for U-Boot to fill in. Without RAM nobody can say where the kernel places dynamic regions or whether a region lies in memory, so memmap says so once per file with this note, leaves dynamic regions unplaced (skipped: RAM unknown), and skips the checks that need RAM (MM004, MM005, MM006, MM024, MM030, MM031, MM033) instead of reporting refusals that only come from the missing RAM. Give RAM with --memory, a memory: entry in .memmap.yml, or --efi-map.",
    sources: [
      "Linux drivers/of/fdt.c: early_init_dt_scan_memory() (entries of size 0 are skipped)",
      "Devicetree Specification v0.4, section 3.4 (/memory node)",
    ],
    fixture: "lint/memory-size-zero.dts")
  public static let initFailed = Rule(
    id: "MM020", name: "init-failed", defaultSeverity: .error, consumer: .linux,
    summary: "The region's init function fails.",
    rationale: "'node ... compatible matching fail': the memory is released back to the kernel and the driver gets no pool.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_init_node() (\"node ... compatible matching fail\")",
      "Linux drivers/of/of_reserved_mem.c: fdt_init_reserved_mem() (the memory is freed)",
    ],
    fixture: "lint/init-failed.dts")
  public static let addressTruncated = Rule(
    id: "MM021", name: "address-truncated", defaultSeverity: .error, consumer: .linux,
    summary: "An address or size needs more than 64 bits.",
    rationale: "Linux keeps the low 64 bits of wider numbers (of_read_number), so the region lands somewhere else.",
    sources: [
      "Linux include/linux/of.h: of_read_number() (keeps the low 64 bits)",
      "Linux drivers/of/fdt.c: dt_mem_next_cell()",
    ],
    fixture: "lint/address-truncated.dts")
  public static let regAndSize = Rule(
    id: "MM022", name: "reg-and-size", defaultSeverity: .note, consumer: .devicetree,
    summary: "A node has both reg and size; size is ignored.",
    rationale: "The binding says reg takes precedence; the size is dead text that can mislead readers.",
    sources: [
      "Devicetree binding reserved-memory.yaml (dt-schema): \"If both reg and size are present, ... reg taking precedence and size is ignored\"",
    ],
    fixture: "lint/reg-and-size.dts")
  public static let noRegNoSize = Rule(
    id: "MM023", name: "no-reg-no-size", defaultSeverity: .warning, consumer: .linux,
    summary: "A reserved-memory child has neither reg nor size.",
    rationale: "Linux ignores it silently; nothing is reserved.",
    sources: [
      "Linux drivers/of/of_reserved_mem.c: fdt_scan_reserved_mem() (a child without reg or size is passed over silently)",
    ],
    fixture: "lint/no-reg-no-size.dts")

  public static let ubootReserveFailed = Rule(
    id: "MM024", name: "uboot-reserve-failed", defaultSeverity: .warning, consumer: .uboot,
    summary: "U-Boot's LMB refuses a reservation from the tree.",
    rationale: "boot_fdt_add_mem_rsv_regions reserves /memreserve/ entries and the first reg entry of each /reserved-memory node in LMB; an overlap with different flags, or a region not inside one RAM bank, is refused (-EEXIST, -EINVAL) and U-Boot prints 'ERROR: reserving fdt memory region failed'. The memory stays allocatable for U-Boot's loads and EFI allocations.",
    sources: [
      "U-Boot boot/image-fdt.c: boot_fdt_add_mem_rsv_regions() (\"ERROR: reserving fdt memory region failed\")",
      "U-Boot lib/lmb.c: lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, ...), lmb_overlap_checks()",
    ],
    fixture: "lint/uboot-reserve-failed.dts")

  public static let bootPanic = Rule(
    id: "MM034", name: "boot-panic", defaultSeverity: .error, consumer: .linux,
    summary: "The kernel panics at boot on this tree.",
    rationale: "Linux 6.12 allocates its reserved_mem array right after paging_init(), top-down, and zeroes it. When a no-map region covers only part of a page near the top of free memory, the rest of that page is still free in memblock but not in 6.12's linear map; the array lands there and the kernel dies before the console is up ('Unable to handle kernel paging request', seen only with earlycon). 6.1 and 7.2 boot the same trees. Make no-map regions page-aligned (MM035).",
    sources: [
      "Linux drivers/of/of_reserved_mem.c in 6.12: alloc_reserved_mem_array() (memblock_alloc of the reserved_mem array, top-down, after paging_init)",
      "Linux arch/arm64/mm/mmu.c: map_mem() (memory marked no-map is left out of the linear map)",
    ],
    fixture: "lint/boot-panic.dts")
  public static let noMapUnaligned = Rule(
    id: "MM035", name: "nomap-unaligned", defaultSeverity: .warning, consumer: .linux,
    summary: "A no-map region does not start and end on page boundaries.",
    rationale: "memblock marks exactly the bytes given as no-map, but the kernel maps and hands out memory by pages: the rest of the first or last page is left free memory in a page the region shares. Linux 6.12 panics when its reserved_mem array lands there (MM034); other kernels waste or trim the page. Round the region out to whole pages (4 KiB, or the kernel's page size).",
    sources: [
      "Linux mm/memblock.c: memblock_mark_nomap() (marks exactly the bytes given)",
      "Linux arch/arm64/mm/mmu.c: map_mem() (the linear map is built from whole pages)",
    ],
    fixture: "lint/nomap-unaligned.dts")

  /// All rules in id order.
  public static let all: [Rule] = [
    reservedOverlap, memreserveOverlap, reserveFailed, outsideMemory, straddlesMemory,
    dynamicAllocationFailed, tableOverflow, tooManyDynamic, noMapReusable, cmaMisaligned,
    reservedMemoryFormat, malformedReg, malformedSize, malformedAlignment, malformedAllocRanges,
    multiEntryReg, zeroSize, rangeWraps, memoryLeftToBootloader, initFailed, addressTruncated,
    regAndSize, noRegNoSize, ubootReserveFailed,
  ] + efiRules + [bootPanic, noMapUnaligned] + ubootRules + bootRules

  /// The rules that need RAM: not checked when a report's RAM is unknown (`MapReport.ramKnown`).
  public static let needingRAM: [Rule] = [
    outsideMemory, straddlesMemory, dynamicAllocationFailed, ubootReserveFailed,
    ubootEFIOutsideRAM, ubootEFITypeOverridden, ubootEFIPageRounding,
  ]

  /// The rule with id `id` (`MM001`) or name `id` (`reserved-overlap`).
  public static func rule(_ id: String) -> Rule? {
    all.first { $0.id == id || $0.name == id }
  }
}
