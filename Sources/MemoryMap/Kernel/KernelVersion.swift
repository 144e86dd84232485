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
  /// Capacity of the fixed table (`MAX_RESERVED_REGIONS`).
  public var fixedCapacity: Int = 64
  /// Warns about `reg` entries past the first that the table ignores (v6.14–v6.18).
  public var warnsIgnoredRegEntries: Bool

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
    dynamicLimit: 64, warnsIgnoredRegEntries: true)

  /// Debian sid's 7.2 kernel (7.2.13).
  public static let v7_2 = KernelVersion(
    name: "7.2", flow: .twoStage, memreserveFirst: false, sortTiesByOffset: true,
    printsRegionInfo: true, staticScanInFDT: false, directionHeuristic: true,
    dynamicLimit: 64, warnsIgnoredRegEntries: true)

  /// Every recorded release, oldest first.
  public static let all: [KernelVersion] = [.v6_1, .v6_12, .v7_2]

  /// The release called `name`.
  public static func named(_ name: String) -> KernelVersion? { all.first { $0.name == name } }
}
