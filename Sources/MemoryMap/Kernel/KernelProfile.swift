/// Which kernel to predict: a release, the architecture it runs on and its page size.
///
/// The release decides the flow (`KernelVersion`), the architecture its cache line and boot
/// layout, the page size the rounding and CMA alignment. Release fields read through the
/// profile (`profile.flow`), so the flow never asks which of the three a behaviour comes from.
@dynamicMemberLookup
public struct KernelProfile: Hashable, Sendable {
  public var version: KernelVersion
  public var architecture: KernelArchitecture
  public var pageSize: PageSize

  public init(version: KernelVersion, architecture: KernelArchitecture = .arm64,
              pageSize: PageSize = .k4) {
    self.version = version
    self.architecture = architecture
    self.pageSize = pageSize
  }

  public subscript<T>(dynamicMember field: KeyPath<KernelVersion, T>) -> T { version[keyPath: field] }

  /// The release's name ("7.2"), as JSON's `kernel` field and `--kernel` say it.
  public var name: String { version.name }

  /// The release, plus the architecture and page size when they are not the defaults:
  /// "7.2", "7.2 arm64 16K".
  public var label: String {
    self.architecture == .arm64 && pageSize == .k4
      ? name : "\(name) \(architecture.rawValue) \(pageSize.name)"
  }

  /// `SMP_CACHE_BYTES`: the default alignment of dynamic regions.
  public var smpCacheBytes: UInt64 { architecture.smpCacheBytes }
  /// `CMA_MIN_ALIGNMENT_BYTES`.
  public var cmaAlignment: UInt64 { pageSize.cmaAlignment }

  /// Debian's arm64 6.1 kernel, 4K pages.
  public static let v6_1 = KernelProfile(version: .v6_1)
  /// Debian's arm64 6.12 kernel, 4K pages.
  public static let v6_12 = KernelProfile(version: .v6_12)
  /// Debian's arm64 7.2 kernel, 4K pages.
  public static let v7_2 = KernelProfile(version: .v7_2)
  /// What memmap predicts unless told otherwise: the newest recorded kernel.
  public static let `default` = v7_2

  /// The arm64 4K profile of every recorded release, oldest first.
  public static let all: [KernelProfile] = KernelVersion.all.map { KernelProfile(version: $0) }

  /// The arm64 4K profile of the release called `name` ("6.1", "6.12", "7.2").
  public static func named(_ name: String) -> KernelProfile? {
    KernelVersion.named(name).map { KernelProfile(version: $0) }
  }
}
