/// The kernel's `PAGE_SIZE`, and what follows from it.
public struct PageSize: Hashable, Sendable, Comparable {
  /// Bytes per page.
  public let bytes: UInt64
  /// `pageblock_order` for this page size on arm64: the order of a PMD-sized huge page
  /// (`HPAGE_PMD_ORDER`: 2 MiB with 4K pages, 32 MiB with 16K, 512 MiB with 64K).
  let pageblockOrder: UInt64

  public static let k4 = PageSize(bytes: 4 << 10, pageblockOrder: 9)
  public static let k16 = PageSize(bytes: 16 << 10, pageblockOrder: 11)
  public static let k64 = PageSize(bytes: 64 << 10, pageblockOrder: 13)

  /// `CMA_MIN_ALIGNMENT_BYTES`: `PAGE_SIZE << pageblock_order`.
  public var cmaAlignment: UInt64 { bytes << pageblockOrder }

  /// "4K", "16K", "64K": the spelling of `--page-size`.
  public var name: String { "\(bytes >> 10)K" }

  /// The page size spelled `name` ("4K", "16K", "64K"; "4k" and "16384" too).
  public static func named(_ name: String) -> PageSize? {
    [PageSize.k4, .k16, .k64].first {
      $0.name == name.uppercased() || String($0.bytes) == name
    }
  }

  public static func < (a: PageSize, b: PageSize) -> Bool { a.bytes < b.bytes }
}
