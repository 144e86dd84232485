/// The rules about the EFI memory map: the DT specification's "/reserved-memory and UEFI"
/// requirements checked against a firmware map (`--efi-map`), and the conflicts of U-Boot's
/// own EFI map with the tree that the tree alone shows.
extension RuleCatalogue {
  public static let efiNoMapNotReserved = Rule(
    id: "MM025", name: "efi-nomap-not-reserved", defaultSeverity: .error, consumer: .efi,
    summary: "A no-map region or /memreserve/ entry is not EfiReservedMemoryType in the firmware's EFI map.",
    rationale: "The DT spec wants static no-map regions listed as EfiReservedMemoryType. The EFI stub deletes /memreserve/, so the EFI map is all that protects those entries; where the map says usable memory, firmware, the loader or Linux may hand it out.",
    sources: [
      "Devicetree Specification v0.4, section 3.5.4 (/reserved-memory and UEFI)",
      "Linux drivers/firmware/efi/libstub/fdt.c: update_fdt() (deletes every /memreserve/ entry)",
    ],
    fixture: "efi/nomap-not-reserved.dts")
  public static let efiStaticNotBootData = Rule(
    id: "MM026", name: "efi-static-not-boot-data", defaultSeverity: .warning, consumer: .efi,
    summary: "A static region without no-map is not EfiBootServicesData in the firmware's EFI map.",
    rationale: "The DT spec wants it listed as EfiBootServicesData. As conventional, loader or boot-services-code memory, firmware and the EFI loader were free to allocate it before the kernel ran; as reserved memory Linux will not map it.",
    sources: [
      "Devicetree Specification v0.4, section 3.5.4 (/reserved-memory and UEFI)",
      "UEFI Specification 2.10, section 7.2 (EFI_MEMORY_TYPE)",
    ],
    fixture: "efi/static-not-boot-data.dts")
  public static let efiFirmwareOverlap = Rule(
    id: "MM027", name: "efi-firmware-overlap", defaultSeverity: .error, consumer: .efi,
    summary: "A static region overlaps runtime-services, ACPI or MMIO descriptors.",
    rationale: "That memory belongs to the firmware after ExitBootServices (runtime code and data, ACPI tables and NVS) or is not RAM (MMIO); a driver using the region corrupts it or faults.",
    sources: [
      "UEFI Specification 2.10, section 7.2 (runtime services, ACPI and MMIO memory types)",
      "Linux drivers/firmware/efi/efi-init.c: reserve_regions()",
    ],
    fixture: "efi/firmware-overlap.dts")
  public static let efiOutsideMap = Rule(
    id: "MM028", name: "efi-outside-map", defaultSeverity: .warning, consumer: .efi,
    summary: "Part of a static region is in no EFI descriptor.",
    rationale: "Under UEFI Linux ignores /memory and takes RAM from the EFI map only; memory the map does not describe is not RAM to the kernel, so the region's driver gets nothing usable.",
    sources: [
      "Linux drivers/firmware/efi/efi-init.c: efi_init(), reserve_regions() (RAM comes from the EFI map, not /memory)",
    ],
    fixture: "efi/outside-map.dts")
  public static let efiDynamicUnusable = Rule(
    id: "MM029", name: "efi-dynamic-unusable", defaultSeverity: .error, consumer: .efi,
    summary: "A dynamic region fits only in memory the EFI map marks unusable.",
    rationale: "Linux allocates dynamic regions from EFI-usable memory only (usable types with WB); when alloc-ranges hold no usable block of the region's size the allocation fails.",
    sources: [
      "Linux drivers/firmware/efi/efi-init.c: is_usable_memory(), reserve_regions()",
      "Linux drivers/of/of_reserved_mem.c: __reserved_mem_alloc_size()",
    ],
    fixture: "efi/dynamic-unusable.dts")
  public static let ubootEFIOutsideRAM = Rule(
    id: "MM030", name: "uboot-efi-outside-ram", defaultSeverity: .warning, consumer: .efi,
    summary: "U-Boot's EFI carve-out lists a reservation outside RAM.",
    rationale: "efi_carve_out_dt_rsv adds every /memreserve/ entry and reserved-memory node to the EFI map with the WB attribute, RAM or not, while LMB refuses it (-EINVAL); an OS that trusts the EFI map takes the hole for memory.",
    sources: [
      "U-Boot lib/efi_loader/efi_dt_fixup.c: efi_carve_out_dt_rsv()",
      "U-Boot lib/lmb.c: lmb_alloc_mem() (-EINVAL outside RAM)",
    ],
    fixture: "lint/uboot-efi-outside-ram.dts")
  public static let ubootEFITypeOverridden = Rule(
    id: "MM031", name: "uboot-efi-type-overridden", defaultSeverity: .warning, consumer: .efi,
    summary: "Overlapping reservations get different EFI types; the later one wins.",
    rationale: "LMB keeps the first of two overlapping reservations, but the EFI carve-out is a blind overwrite in tree order: a later region without no-map turns a no-map or /memreserve/ range into EfiBootServicesData, which the OS may use, or the reverse.",
    sources: [
      "U-Boot lib/efi_loader/efi_dt_fixup.c: efi_carve_out_dt_rsv(), efi_reserve_memory()",
      "U-Boot lib/efi_loader/efi_memory.c: efi_update_memory_map() (the later call overwrites)",
      "U-Boot lib/lmb.c: lmb_overlap_checks() (the first reservation stays)",
    ],
    fixture: "lint/uboot-efi-type-overridden.dts")
  public static let ubootStatusOk = Rule(
    id: "MM032", name: "uboot-status-ok", defaultSeverity: .warning, consumer: .efi,
    summary: "A reserved-memory node has status \"ok\": Linux reserves it, U-Boot and its EFI map do not.",
    rationale: "Linux accepts \"ok\" as enabled; U-Boot's fdtdec_get_is_enabled wants \"okay\", so neither LMB nor the EFI carve-out reserve the region and U-Boot's loads and EFI allocations may land in it.",
    sources: [
      "U-Boot lib/fdtdec.c: fdtdec_get_is_enabled() (only \"okay\")",
      "Linux drivers/of/fdt.c: of_fdt_device_is_available() (\"okay\" or \"ok\")",
    ],
    fixture: "lint/uboot-status-ok.dts")
  public static let ubootEFIPageRounding = Rule(
    id: "MM033", name: "uboot-efi-page-rounding", defaultSeverity: .note, consumer: .efi,
    summary: "A reservation is not whole 4 KiB pages: U-Boot's EFI map widens it.",
    rationale: "EFI describes whole pages; U-Boot rounds the start down and the end up, so the neighbouring bytes get the region's type (reserved memory for no-map: Linux will not map them).",
    sources: [
      "U-Boot lib/efi_loader/efi_dt_fixup.c: efi_reserve_memory() (rounds out to EFI_PAGE_SIZE)",
      "UEFI Specification 2.10, section 7.2 (4 KiB pages)",
    ],
    fixture: "lint/uboot-efi-page-rounding.dts")

  /// The EFI rules in id order.
  static let efiRules: [Rule] = [
    efiNoMapNotReserved, efiStaticNotBootData, efiFirmwareOverlap, efiOutsideMap,
    efiDynamicUnusable, ubootEFIOutsideRAM, ubootEFITypeOverridden, ubootStatusOk,
    ubootEFIPageRounding,
  ]
}
