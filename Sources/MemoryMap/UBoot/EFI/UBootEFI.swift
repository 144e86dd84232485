/// One range U-Boot's `efi_carve_out_dt_rsv` writes into the EFI map for the OS.
public struct EFICarveOut: Hashable, Sendable {
  /// A `/memreserve/` entry or a `/reserved-memory` node (never `.ubootImage`).
  public var source: UBootReservation.Source
  public var range: AddressRange
  public var type: EFIMemoryType

  /// The pages the carve-out marks: the range rounded outward to 4 KiB.
  public var pageRange: AddressRange {
    let span = EFIMemoryMap.pageSpan(start: range.base, size: range.size)
    return AddressRange(base: span.start, size: span.pages &<< 12)
  }
}

/// The EFI memory map U-Boot builds for a tree: before `bootefi` (from the LMB notifications)
/// and as handed to the OS (after the device-tree carve-out).
public struct UBootEFI: Hashable, Sendable {
  /// After `lmb_init` and `efi_memory_init`: RAM conventional, every LMB reservation boot
  /// services data, U-Boot's own region boot services code.
  public var beforeBoot: EFIMemoryMap
  /// What `efi_carve_out_dt_rsv` writes, in its order (later entries overwrite earlier ones).
  public var carveOuts: [EFICarveOut]
  /// The map the OS gets.
  public var atBoot: EFIMemoryMap
}

extension UBootEFI {
  /// Replays U-Boot HEAD for `description` on top of LMB's result: `lmb_add` notifies each bank
  /// as conventional memory, each successful reservation as boot services data, U-Boot's own
  /// region becomes boot services code (`add_u_boot_and_runtime`), then the carve-out
  /// (`efi_carve_out_dt_rsv`).
  public static func build(_ description: MemoryDescription, uboot: UBootResult) -> UBootEFI {
    var map = EFIMemoryMap()
    for bank in uboot.banks where bank.size != 0 {
      map.add(start: bank.base, size: bank.size, type: .conventional)
    }
    // The EFI loader's own start-up pages are no-notify: they reach the map its own way.
    for attempt in uboot.reservations
    where attempt.status.isSuccess && attempt.range.size != 0 && attempt.source != .efiStartup {
      map.add(start: attempt.range.base, size: attempt.range.size, type: .bootServicesData)
    }
    for attempt in uboot.reservations where attempt.source == .ubootImage && attempt.status.isSuccess {
      map.add(start: attempt.range.base, size: attempt.range.size, type: .bootServicesCode)
    }
    let carveOuts = carveOuts(description)
    var atBoot = map
    for item in carveOuts { atBoot.add(start: item.range.base, size: item.range.size, type: item.type) }
    return UBootEFI(beforeBoot: map, carveOuts: carveOuts, atBoot: atBoot)
  }

  /// What `efi_carve_out_dt_rsv` reserves: every `/memreserve/` entry as reserved memory, then
  /// the first `reg` entry of each enabled `/reserved-memory` child (status absent or "okay"),
  /// reserved memory when `no-map`, boot services data otherwise; not limited to RAM.
  public static func carveOuts(_ description: MemoryDescription) -> [EFICarveOut] {
    var out = description.memoryReservations.map {
      EFICarveOut(source: .memreserve(index: $0.index),
                  range: AddressRange(base: $0.address, size: $0.size), type: .reserved)
    }
    guard let parent = description.reservedMemory else { return out }
    out.reserveCapacity(out.count + parent.children.count)
    for child in parent.children where child.status.isEnabledForUBoot {
      guard let range = UBootBoot.firstResource(child, parent: parent) else { continue }
      out.append(EFICarveOut(source: .node(path: child.path), range: range,
                             type: child.noMap ? .reserved : .bootServicesData))
    }
    return out
  }
}
