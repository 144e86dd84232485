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

  /// Whether Debian's build has `CONFIG_CMA`: every recorded one but riscv64 6.12
  /// (`# CONFIG_CMA is not set`), where reusable `shared-dma-pool` regions match no init
  /// function and get no CMA alignment.
  public var hasCMA: Bool { !(architecture == .riscv64 && version == .v6_12) }

  /// The default CMA area the kernel reserves after the scan (`CONFIG_CMA_SIZE_MBYTES`) when
  /// no `linux,cma-default` region became it, where memmap models its place: riscv64 7.2
  /// (128 MiB, `cma: Reserved 128 MiB at ...` in the recorded boots). nil for riscv64 6.12
  /// (no CMA) and for arm64, whose 64 MiB area lands below early allocations memmap does not
  /// model (0x7ac00000 on QEMU's virt with 6.12, not the top of RAM).
  public var defaultCMASize: UInt64? { architecture == .riscv64 && version == .v7_2 ? 128 << 20 : nil }

  /// Whether Debian's kernel of this release for this architecture was recorded, so that
  /// memmap can predict it.
  public var isRecorded: Bool {
    architecture.recordedReleases.contains(name) && architecture.pageSizes.contains(pageSize)
  }

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
