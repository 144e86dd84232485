/// The CPU architecture a kernel is built for: what the reserved-memory code reads from it.
///
/// A new architecture is one more case plus the code for what differs (its boot layout in
/// `BootLayout`, its limits here).
public enum KernelArchitecture: String, Hashable, Sendable, CaseIterable {
  case arm64

  /// `SMP_CACHE_BYTES` (`L1_CACHE_BYTES`): the default alignment of dynamic regions.
  public var smpCacheBytes: UInt64 {
    switch self {
    case .arm64: return 64
    }
  }

  /// The page sizes the architecture's kernels are built with.
  public var pageSizes: [PageSize] {
    switch self {
    case .arm64: return [.k4, .k16, .k64]
    }
  }
}
