/// Which kernel's reserved-memory flow to predict, as a value: each behaviour that changed
/// between releases is a field, so a profile is data rather than conditional compilation.
public struct KernelProfile: Hashable, Sendable {
  /// How the reserved-memory table is built.
  public enum Flow: Hashable, Sendable {
    /// v6.1 … v6.12 mainline: one fixed array; dynamic regions allocated after sorting.
    case fixedArray
    /// v6.13+ (and Debian's 6.12.y): dynamic regions allocated and initialised during the early
    /// scan, static ones saved at unflatten time into an array sized from the count.
    case twoStage
  }

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
  /// Capacity of the fixed table (`MAX_RESERVED_REGIONS`).
  public var fixedCapacity: Int = 64
  /// Warns about `reg` entries past the first that the table ignores (v6.14–v6.18).
  public var warnsIgnoredRegEntries: Bool
  public var pageSize: UInt64 = 4096
  /// `SMP_CACHE_BYTES`: the default alignment of dynamic regions.
  public var smpCacheBytes: UInt64 = 64
  /// `CMA_MIN_ALIGNMENT_BYTES`.
  public var cmaAlignment: UInt64 = 2 << 20

  /// Debian's arm64 6.1 kernel.
  public static let v6_1 = KernelProfile(
    name: "6.1", flow: .fixedArray, memreserveFirst: true, sortTiesByOffset: false,
    printsRegionInfo: false, staticScanInFDT: true, directionHeuristic: false,
    dynamicLimit: nil, warnsIgnoredRegEntries: false)

  /// Debian's arm64 6.12 kernel (6.12.117): the two-stage flow with the counted array, the
  /// fix that skips dynamic regions past 64, and the warning about ignored `reg` entries
  /// (all backported to 6.12.y; the warning was seen on the real kernel, case 09-multi-reg).
  public static let v6_12 = KernelProfile(
    name: "6.12", flow: .twoStage, memreserveFirst: false, sortTiesByOffset: true,
    printsRegionInfo: true, staticScanInFDT: false, directionHeuristic: true,
    dynamicLimit: 64, warnsIgnoredRegEntries: true)

  public static let all: [KernelProfile] = [.v6_1, .v6_12]

  /// The profile called `name` ("6.1" or "6.12").
  public static func named(_ name: String) -> KernelProfile? { all.first { $0.name == name } }
}
