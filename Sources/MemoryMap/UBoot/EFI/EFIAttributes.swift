/// A descriptor's `Attribute` bits (`EFI_MEMORY_*` in the UEFI specification and U-Boot's
/// `include/efi.h`).
public struct EFIAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt64
  public init(rawValue: UInt64) { self.rawValue = rawValue }

  /// `EFI_MEMORY_UC`: uncacheable.
  public static let uc = EFIAttributes(rawValue: 0x1)
  /// `EFI_MEMORY_WC`: write-combining.
  public static let wc = EFIAttributes(rawValue: 0x2)
  /// `EFI_MEMORY_WT`: write-through.
  public static let wt = EFIAttributes(rawValue: 0x4)
  /// `EFI_MEMORY_WB`: write-back; U-Boot gives it to every type but MMIO.
  public static let wb = EFIAttributes(rawValue: 0x8)
  /// `EFI_MEMORY_UCE`.
  public static let uce = EFIAttributes(rawValue: 0x10)
  /// `EFI_MEMORY_WP`.
  public static let wp = EFIAttributes(rawValue: 0x1000)
  /// `EFI_MEMORY_RP`.
  public static let rp = EFIAttributes(rawValue: 0x2000)
  /// `EFI_MEMORY_XP`.
  public static let xp = EFIAttributes(rawValue: 0x4000)
  /// `EFI_MEMORY_NV`.
  public static let nv = EFIAttributes(rawValue: 0x8000)
  /// `EFI_MEMORY_MORE_RELIABLE`.
  public static let moreReliable = EFIAttributes(rawValue: 0x10000)
  /// `EFI_MEMORY_RO`.
  public static let ro = EFIAttributes(rawValue: 0x20000)
  /// `EFI_MEMORY_SP`: specific purpose (soft reserved).
  public static let sp = EFIAttributes(rawValue: 0x40000)
  /// `EFI_MEMORY_CPU_CRYPTO`.
  public static let cpuCrypto = EFIAttributes(rawValue: 0x80000)
  /// `EFI_MEMORY_HOT_PLUGGABLE`.
  public static let hotPluggable = EFIAttributes(rawValue: 0x100000)
  /// `EFI_MEMORY_ISA_VALID`: the `EFI_MEMORY_ISA_MASK` bits hold an ISA value.
  public static let isaValid = EFIAttributes(rawValue: 0x4000_0000_0000_0000)
  /// `EFI_MEMORY_RUNTIME`: needed by runtime services.
  public static let runtime = EFIAttributes(rawValue: 0x8000_0000_0000_0000)
  /// `EFI_MEMORY_ISA_MASK`.
  public static let isaMask: UInt64 = 0x0FFF_F000_0000_0000

  /// The mnemonics of HEAD `efidebug memmap`, in its table order.
  public static let mnemonics: [(EFIAttributes, String)] = [
    (.uc, "UC"), (.wc, "WC"), (.wt, "WT"), (.wb, "WB"), (.uce, "UCE"), (.wp, "WP"), (.rp, "RP"),
    (.xp, "XP"), (.nv, "NV"), (.moreReliable, "REL"), (.ro, "RO"), (.sp, "SP"),
    (.cpuCrypto, "CRYPT"), (.hotPluggable, "HOTPL"), (.isaValid, "ISA_VALID"), (.runtime, "RT"),
  ]

  /// The mnemonics Linux's `efi_md_typeattr_format` prints (RUN, MR, CC where U-Boot says RT,
  /// REL, CRYPT).
  public static let linuxMnemonics: [(EFIAttributes, String)] = [
    (.runtime, "RUN"), (.moreReliable, "MR"), (.cpuCrypto, "CC"), (.sp, "SP"), (.nv, "NV"),
    (.xp, "XP"), (.rp, "RP"), (.wp, "WP"), (.ro, "RO"), (.uce, "UCE"), (.wb, "WB"), (.wt, "WT"),
    (.wc, "WC"), (.uc, "UC"),
  ]

  /// The mnemonic names of the set bits, in U-Boot's order (ISA value and unknown bits left out).
  public var names: [String] { Self.mnemonics.filter { contains($0.0) }.map(\.1) }

  /// What U-Boot's `efi_update_memory_map` (`lib/efi_loader/efi_memory.c`) gives a new
  /// descriptor of `type`: WB|RT for runtime code and data, RT for MMIO, WB for everything else.
  public static func uboot(for type: EFIMemoryType) -> EFIAttributes {
    switch type {
    case .runtimeServicesCode, .runtimeServicesData: return [.wb, .runtime]
    case .mmio: return .runtime
    default: return .wb
    }
  }
}
