/// A U-Boot release memmap predicts, as the values that differ between releases.
///
/// Each value was read from U-Boot's sources and checked against Debian's `u-boot-qemu`
/// builds booted under QEMU (the recordings in `Fixtures/uboot/`). A new release is a new value
/// plus code only for behaviour the fields below cannot express.
public struct UBootVersion: Hashable, Sendable {
  /// The release as users name it: `2026.10`.
  public let name: String
  /// `CONFIG_RELOC_ADDR_TOP` in the qemu_arm64 defconfig (from v2026.10-rc1): U-Boot places
  /// itself under the highest window of RAM that no tree reservation touches
  /// (`common/memtop.c`), instead of at the end of RAM.
  public let relocatesBelowReservations: Bool
  /// `MEM_RGN_COUNT` of `common/memtop.c`: entries in its fixed table of the tree's
  /// reservations (64). Only used when `relocatesBelowReservations`.
  public let memtopTableSize: Int
  /// Regions with no byte in RAM: v2025.01 reserves them in LMB like any other (its
  /// `lmb_reserve_flags` never looks at RAM); later releases refuse them.
  public let reservesOutsideRAM: Bool
  /// Refusals that print `ERROR: reserving fdt memory region failed`. v2025.01 prints none of
  /// the ones a tree can cause (it is silent on -EEXIST); 2026.10-rc5 prints all but -EFAULT,
  /// its answer for a region with no byte in RAM.
  public let reportedRefusals: Set<LMBStatus>
  /// A region of size 0 is added to LMB as one (v2025.01's `lmb_reserve_flags` has no size
  /// check); later releases return at once.
  public let reservesZeroSize: Bool
  /// `lmb_dump_all` prints numbers as `0x%llx` (v2025.01: zero is `0x0`) rather than `%#llx`
  /// (zero is `0`).
  public let dumpsZeroAsHex: Bool
  /// The list rules of this release's `lib/lmb.c` (see `LMBListRules`).
  public let lmbRules: LMBListRules
  /// `CONFIG_NR_DRAM_BANKS` of Debian's qemu_arm64 build.
  public let dramBanks: Int
  /// The qemu_arm64 build's numbers (`--uboot-image-size` and friends start from these).
  public let qemuBuild: UBootBuild

  /// Debian trixie's `u-boot-qemu` 2025.01-3+deb13u1: relocates to the end of RAM, one bank.
  public static let v2025_01 = UBootVersion(
    name: "2025.01", relocatesBelowReservations: false, memtopTableSize: 64,
    reservesOutsideRAM: true, reportedRefusals: [], reservesZeroSize: true, dumpsZeroAsHex: true,
    lmbRules: .v2025_01, dramBanks: 1, qemuBuild: .qemuArm64v2025_01)

  /// Debian experimental's `u-boot-qemu` 2026.10~rc5-1: `RELOC_ADDR_TOP`, four banks.
  public static let v2026_10 = UBootVersion(
    name: "2026.10", relocatesBelowReservations: true, memtopTableSize: 64,
    reservesOutsideRAM: false, reportedRefusals: [.failed, .exists, .invalid], reservesZeroSize: false,
    dumpsZeroAsHex: false, lmbRules: .v2026_10, dramBanks: 4, qemuBuild: .qemuArm64v2026_10)

  /// Every release memmap knows, oldest first.
  public static let all: [UBootVersion] = [.v2025_01, .v2026_10]
  /// The default: the newest release.
  public static let newest = v2026_10

  /// The release named `name` (`2025.01`), if memmap knows it.
  public static func named(_ name: String) -> UBootVersion? { all.first { $0.name == name } }

  /// Whether a refusal with `status` prints U-Boot's ERROR line in this release.
  public func reports(_ status: LMBStatus) -> Bool { reportedRefusals.contains(status) }
}

extension LMBStatus {
  /// `-EFAULT` (-14): 2026.10-rc5's answer for a fixed-address request with no byte in RAM.
  public static let fault = LMBStatus(rawValue: -14)
}
