/// A UEFI memory type (`EFI_MEMORY_TYPE`), the 32-bit value of a descriptor's `Type` field.
public struct EFIMemoryType: RawRepresentable, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  /// `EfiReservedMemoryType` (0): never usable by the OS.
  public static let reserved = EFIMemoryType(rawValue: 0)
  /// `EfiLoaderCode` (1).
  public static let loaderCode = EFIMemoryType(rawValue: 1)
  /// `EfiLoaderData` (2).
  public static let loaderData = EFIMemoryType(rawValue: 2)
  /// `EfiBootServicesCode` (3).
  public static let bootServicesCode = EFIMemoryType(rawValue: 3)
  /// `EfiBootServicesData` (4): what every LMB reservation becomes in U-Boot.
  public static let bootServicesData = EFIMemoryType(rawValue: 4)
  /// `EfiRuntimeServicesCode` (5).
  public static let runtimeServicesCode = EFIMemoryType(rawValue: 5)
  /// `EfiRuntimeServicesData` (6).
  public static let runtimeServicesData = EFIMemoryType(rawValue: 6)
  /// `EfiConventionalMemory` (7): free RAM.
  public static let conventional = EFIMemoryType(rawValue: 7)
  /// `EfiUnusableMemory` (8).
  public static let unusable = EFIMemoryType(rawValue: 8)
  /// `EfiACPIReclaimMemory` (9).
  public static let acpiReclaim = EFIMemoryType(rawValue: 9)
  /// `EfiACPIMemoryNVS` (10).
  public static let acpiNVS = EFIMemoryType(rawValue: 10)
  /// `EfiMemoryMappedIO` (11).
  public static let mmio = EFIMemoryType(rawValue: 11)
  /// `EfiMemoryMappedIOPortSpace` (12).
  public static let mmioPort = EFIMemoryType(rawValue: 12)
  /// `EfiPalCode` (13).
  public static let palCode = EFIMemoryType(rawValue: 13)
  /// `EfiPersistentMemory` (14).
  public static let persistent = EFIMemoryType(rawValue: 14)
  /// `EfiUnacceptedMemoryType` (15).
  public static let unaccepted = EFIMemoryType(rawValue: 15)

  /// The standard types in value order.
  public static let standard: [EFIMemoryType] = (0...15).map { EFIMemoryType(rawValue: $0) }

  /// The name U-Boot's HEAD `efidebug memmap` prints (`cmd/efi_common.c`), nil past 15.
  public var name: String? {
    Self.headNames.indices.contains(Int(rawValue)) ? Self.headNames[Int(rawValue)] : nil
  }

  /// The upper-case name of U-Boot v2025.01 to v2026.07's `efidebug memmap`; nil when that
  /// version printed `(unknown)` (15 and above).
  public var legacyName: String? {
    Self.legacyNames.indices.contains(Int(rawValue)) ? Self.legacyNames[Int(rawValue)] : nil
  }

  /// The name Linux's `efi_md_typeattr_format` prints with `efi=debug`, nil past 15.
  public var linuxName: String? {
    Self.linuxNames.indices.contains(Int(rawValue)) ? Self.linuxNames[Int(rawValue)] : nil
  }

  /// Memory Linux may use as RAM (`is_usable_memory` in `drivers/firmware/efi/efi-init.c`),
  /// provided the descriptor is also write-back cacheable.
  public var isLinuxUsable: Bool {
    [.loaderCode, .loaderData, .bootServicesCode, .bootServicesData, .conventional, .acpiReclaim,
     .persistent].contains(self)
  }

  /// Firmware-owned memory a reservation must not share: runtime services, ACPI tables and
  /// NVS, memory-mapped I/O (the DT spec's "/reserved-memory and UEFI" section).
  public var isFirmwareOwned: Bool {
    [.runtimeServicesCode, .runtimeServicesData, .acpiReclaim, .acpiNVS, .mmio, .mmioPort]
      .contains(self)
  }

  static let headNames = [
    "ReservedMemory", "LoaderCode", "LoaderData", "BootServicesCode", "BootServicesData",
    "RuntimeServicesCode", "RuntimeServicesData", "ConventionalMemory", "UnusableMemory",
    "ACPIReclaimMemory", "ACPIMemoryNVS", "MemoryMappedIO", "MemoryMappedIOPortSpace", "PalCode",
    "PersistentMemory", "UnacceptedMemory",
  ]
  static let legacyNames = [
    "RESERVED", "LOADER CODE", "LOADER DATA", "BOOT CODE", "BOOT DATA", "RUNTIME CODE",
    "RUNTIME DATA", "CONVENTIONAL", "UNUSABLE MEM", "ACPI RECLAIM MEM", "ACPI NVS", "IO", "IO PORT",
    "PAL", "PERSISTENT",
  ]
  static let linuxNames = [
    "Reserved", "Loader Code", "Loader Data", "Boot Code", "Boot Data", "Runtime Code",
    "Runtime Data", "Conventional", "Unusable", "ACPI Reclaim", "ACPI Mem NVS", "MMIO",
    "MMIO Port", "PAL Code", "Persistent", "Unaccepted",
  ]
}
