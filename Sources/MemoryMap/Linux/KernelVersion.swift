/// A kernel release's reserved-memory behaviour, as a value: each behaviour that changed
/// between releases is a field, so a new release is one more value plus the code for what changed.
public struct KernelVersion: Hashable, Sendable {
  /// How the reserved-memory table is built.
  public enum Flow: Hashable, Sendable {
    /// v6.1 … v6.12 mainline: one fixed array; dynamic regions allocated after sorting.
    case fixedArray
    /// v6.13+ (and Debian's 6.12.y): dynamic regions allocated and initialised during the early
    /// scan, static ones saved at unflatten time into an array sized from the count.
    case twoStage
  }

  /// The release, as `--kernel` names it ("6.1", "6.12", "7.2").
  public var name: String
  public var flow: Flow
  /// `/memreserve/` is reserved before `/reserved-memory` is scanned (before v6.4).
  public var memreserveFirst: Bool
  /// `__rmem_cmp` breaks base/size ties by structure offset (v6.5 … v7.0).
  public var sortTiesByOffset: Bool
  /// The `%pa..%pa (%lu KiB) ...` line per table entry (v6.3+).
  public var printsRegionInfo: Bool
  /// Messages of the static scan say `OF: fdt: ` (up to v6.9) instead of `OF: reserved mem: `.
  public var staticScanInFDT: Bool
  /// The `alloc-ranges` direction heuristic of v6.5+.
  public var directionHeuristic: Bool
  /// Dynamic regions past this many are skipped with a message (the post-7.1 fix); nil: none.
  public var dynamicLimit: Int?
  /// The `sort()` that orders the table: it decides the order of equal entries.
  public var sort: KernelSort = .bottomUp
  /// Bytes per `struct reserved_mem` in the second stage's array (48 up to v7.0, 40 from v7.1).
  public var tableEntryBytes = 48
  /// Zeroing the second stage's array faults when it lands in a page that a no-map region
  /// covers only in part: that page is not in 6.12's linear map although memblock hands it
  /// out. Seen on Debian's 6.12 (`Fixtures/kernel/52-crash-nomap-partial-page`, 53, 55, 59);
  /// 6.1 has no such array and 7.2 boots the same trees.
  public var tableArrayFaultsInPartialNoMapPage = false
  /// Capacity of the fixed table (`MAX_RESERVED_REGIONS`).
  public var fixedCapacity: Int = 64
  /// Warns about `reg` entries past the first that the table ignores (v6.14–v6.18).
  public var warnsIgnoredRegEntries: Bool
  /// Only the first `reg` entry is reserved, with an early warning about the others (7.2;
  /// "of: reserved_mem: only support one <base size> entry in reg property", May 2026).
  public var reservesFirstRegEntryOnly = false
  /// A malformed or empty `reg` counts as absent, silently: with `size` the node is placed
  /// like a dynamic one (`of_flat_dt_get_addr_size_prop`, v6.19+; empty `reg` from 7.2).
  public var invalidRegIsAbsent = false
  /// A malformed `alloc-ranges` is ignored (the region goes anywhere) instead of skipping the
  /// node (v6.19+).
  public var ignoresInvalidAllocRanges = false
  /// A region whose init function fails is not kept in the table, so it takes no part in the
  /// overlap check or the `alloc-ranges` heuristic (v7.1).
  public var dropsFailedInit = false
  /// A `status` value without a NUL counts as no `status` (libfdt's `fdt_stringlist_get`
  /// finds no string in it): the node is read, whatever the bytes say (7.2; before, `strcmp`
  /// read on past the value). `Fixtures/kernel/61-status-unterminated`.
  public var unterminatedStatusIsAbsent = false
  /// An init function that does not claim a node (CMA without `reusable` or with `no-map`, the
  /// DMA pool with `reusable`) says `-ENODEV`, "not mine": a `reusable` + `no-map`
  /// `shared-dma-pool` is kept as it is instead of failing (v7.1).
  public var unclaimedInitIsNoMatch = false

  /// Debian's 6.1 kernel (6.1.192).
  public static let v6_1 = KernelVersion(
    name: "6.1", flow: .fixedArray, memreserveFirst: true, sortTiesByOffset: false,
    printsRegionInfo: false, staticScanInFDT: true, directionHeuristic: false,
    dynamicLimit: nil, warnsIgnoredRegEntries: false)

  /// Debian's 6.12 kernel (6.12.117/118): the two-stage flow with the counted array, the
  /// fix that skips dynamic regions past 64, and the warning about ignored `reg` entries
  /// (all backported to 6.12.y; the warning was seen on the real kernel, case 09-multi-reg).
  public static let v6_12 = KernelVersion(
    name: "6.12", flow: .twoStage, memreserveFirst: false, sortTiesByOffset: true,
    printsRegionInfo: true, staticScanInFDT: false, directionHeuristic: true,
    dynamicLimit: 64, tableArrayFaultsInPartialNoMapPage: true, warnsIgnoredRegEntries: true)

  /// Debian sid's 7.2 kernel (7.2.13): v7.1's rework (no `fdt_node` tie-breaker, failed init
  /// not kept, "not mine" init results), v6.19's strict `reg`/`alloc-ranges` parsing, and
  /// one `reg` entry per node. Each difference from 6.12 was seen on the real kernel
  /// (`Fixtures/kernel/*.7.2.txt`).
  public static let v7_2 = KernelVersion(
    name: "7.2", flow: .twoStage, memreserveFirst: false, sortTiesByOffset: false,
    printsRegionInfo: true, staticScanInFDT: false, directionHeuristic: true,
    dynamicLimit: 64, sort: .doublePop, tableEntryBytes: 40, warnsIgnoredRegEntries: false,
    reservesFirstRegEntryOnly: true, invalidRegIsAbsent: true, ignoresInvalidAllocRanges: true,
    dropsFailedInit: true, unterminatedStatusIsAbsent: true, unclaimedInitIsNoMatch: true)

  /// Every recorded release, oldest first.
  public static let all: [KernelVersion] = [.v6_1, .v6_12, .v7_2]

  /// The release called `name`.
  public static func named(_ name: String) -> KernelVersion? { all.first { $0.name == name } }
}
