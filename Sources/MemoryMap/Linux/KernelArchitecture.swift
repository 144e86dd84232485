/// The CPU architecture a kernel is built for: what the reserved-memory code reads from it.
///
/// A new architecture is one more case plus the code for what differs (its boot layout in
/// `BootLayout`, its limits here).
public enum KernelArchitecture: String, Hashable, Sendable, CaseIterable {
  case arm64
  case riscv64

  /// `SMP_CACHE_BYTES` (`L1_CACHE_BYTES`): the default alignment of dynamic regions.
  /// 64 on both (arm64 `L1_CACHE_SHIFT` 6; riscv `L1_CACHE_SHIFT` 6).
  public var smpCacheBytes: UInt64 {
    switch self {
    case .arm64, .riscv64: return 64
    }
  }

  /// The page sizes the architecture's kernels are built with.
  public var pageSizes: [PageSize] {
    switch self {
    case .arm64: return [.k4, .k16, .k64]
    case .riscv64: return [.k4]
    }
  }

  /// The releases of Debian's kernel for this architecture that the oracle recorded.
  public var recordedReleases: [String] {
    switch self {
    case .arm64: return ["6.1", "6.12", "7.2"]
    case .riscv64: return ["6.12", "7.2"]
    }
  }

  /// Slots of memblock's static arrays while the reserved-memory scan runs, before the
  /// kernel may resize them: riscv keeps the generic `INIT_MEMBLOCK_REGIONS` (128) for both
  /// lists, and a tree that splits memory into more regions panics there (recorded:
  /// `Fixtures/kernel-riscv64/6x-nomap-holes-*`). nil for arm64, whose arrays are larger
  /// (it boots the 70 no-map holes of `Fixtures/kernel/08-static-70`) and not modelled.
  public var earlyMemblockSlots: Int? {
    switch self {
    case .arm64: return nil
    case .riscv64: return 128
    }
  }

  /// Memory regions the kernel still adds after the scan, before it may resize memblock: riscv's
  /// `paging_init` flags the kernel text, its read-only data and the KFENCE pool (Debian's
  /// `CONFIG_KFENCE=y`, a 2 MiB pool) no-map, each splitting a region in three, and then needs
  /// room for two more to clear the first flag again. Recorded: 59 separate no-map holes (119
  /// regions after the scan) boot, 60 (121) panic in `memblock_clear_nomap` from `paging_init`,
  /// on 6.12 and 7.2 (`Fixtures/kernel-riscv64/6[01]-nomap-holes-*`). Counts all three as
  /// splits inside one region, which is where they fall unless a no-map region touches them.
  public var slotsNeededAfterScan: Int {
    switch self {
    case .arm64: return 0
    case .riscv64: return 3 * 2 + 2
    }
  }

  /// True when the machine's firmware (OpenSBI on riscv) adds its own region to
  /// `/reserved-memory` before the kernel sees the tree, so a tree without it is the tree
  /// given to the firmware rather than the one the kernel receives.
  public var firmwareAddsReservedRegion: Bool { self == .riscv64 }

  /// The architecture a tree is written for, from its CPU nodes' `compatible` (`"riscv"`,
  /// `"arm,cortex-a53"`, `"arm,armv8"`) or else its root `compatible` (`"riscv-virtio"`,
  /// `"linux,dummy-virt"`); nil when neither says.
  public static func detect(_ description: MemoryDescription) -> KernelArchitecture? {
    if let found = detect(cpu: description.cpuCompatible) { return found }
    if description.boardCompatible.contains(where: { $0.hasPrefix("riscv-virtio") }) { return .riscv64 }
    if description.boardCompatible.contains("linux,dummy-virt") { return .arm64 }
    return nil
  }

  /// The architecture CPU `compatible` strings name, when they name exactly one.
  static func detect(cpu compatible: [String]) -> KernelArchitecture? {
    let riscv = compatible.contains { $0 == "riscv" || $0.hasSuffix(",riscv") }
    let arm = compatible.contains { $0.hasPrefix("arm,cortex-a") || $0.hasPrefix("arm,armv8")
      || $0.hasPrefix("arm,neoverse") }
    switch (riscv, arm) {
    case (true, false): return .riscv64
    case (false, true): return .arm64
    default: return nil
    }
  }
}
