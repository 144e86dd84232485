/// Something the kernel's reserved-memory code did or said, in the order it happened.
///
/// Each event about a node carries its region: an index into `KernelResult.regions` (the
/// region of the `reg` entry it concerns, else the node's first region), so that consumers
/// read the node from the record instead of matching its name back. The model records what
/// happened; `KernelLogRenderer` alone knows each message's wording.
public enum KernelEvent: Hashable, Sendable {
  /// `/reserved-memory` lacks matching cell counts or `ranges`; no child is processed.
  case unsupportedNodeFormat
  /// Stage 2 of the two-stage flow found no `/reserved-memory`.
  case noReservedMemoryNode
  /// A `reg` whose length is not a whole number of entries.
  case invalidReg(region: Int)
  /// A `reg` entry was reserved (a debug message, not printed by default).
  case reservedRegion(region: Int, base: UInt64, size: UInt64)
  /// A `reg` entry could not be reserved: size 0, or no-map over an existing reservation.
  case failedToReserve(region: Int, base: UInt64, size: UInt64)
  /// The table keeps only the first `reg` entry of this node.
  case ignoredRegEntries(region: Int, count: Int)
  /// The node has `count` `reg` entries and only the first is reserved (7.2).
  case multipleRegEntries(region: Int, count: Int)
  /// The fixed table is full.
  case notEnoughSpace(region: Int)
  /// More than the profile's limit of dynamic regions.
  case tooManyDynamic(region: Int)
  case invalidSize(region: Int)
  case invalidAlignment(region: Int)
  case invalidAllocRanges(region: Int)
  /// A dynamic region was placed (a debug message).
  case allocated(region: Int, base: UInt64, size: UInt64)
  case allocationFailed(region: Int, size: UInt64)
  case cmaIncorrectAlignment(region: Int)
  case cmaSetupFailed(region: Int)
  case cmaCreated(region: Int, base: UInt64, size: UInt64)
  case dmaPoolCreated(region: Int, base: UInt64, size: UInt64)
  case initialized(region: Int, compatible: String)
  case matchingFailed(region: Int)
  /// The per-entry summary line of v6.3+.
  case regionInfo(region: Int, base: UInt64, size: UInt64, noMap: Bool, reusable: Bool)
  /// Two neighbours in the sorted table overlap; ends are exclusive and wrap as the kernel's do.
  /// Indirect: the two sides would make every event of the list as large as this one.
  indirect case overlap(first: OverlapSide, second: OverlapSide)
}

/// One side of an overlap report: a table entry as the kernel compared it.
public struct OverlapSide: Hashable, Sendable {
  /// The node's region (its first `reg` entry), as an index into `KernelResult.regions`.
  public var region: Int
  /// The entry's base and size when the table was sorted (0 and 0 for a dynamic region the
  /// fixed-array flow has not placed yet).
  public var base: UInt64
  public var size: UInt64
  /// `base + size` with 64-bit wrap-around.
  public var end: UInt64 { base &+ size }
}

/// Two regions the kernel reported as overlapping, in either order: indices into
/// `KernelResult.regions`.
public struct RegionPair: Hashable, Sendable {
  public let low: Int
  public let high: Int

  public init(_ a: Int, _ b: Int) {
    low = min(a, b)
    high = max(a, b)
  }
}

extension KernelResult {
  /// Each pair of regions the kernel's overlap check reported (`__rmem_check_for_overlap`).
  public var reportedOverlaps: Set<RegionPair> {
    Set(events.compactMap { event in
      guard case .overlap(let first, let second) = event else { return nil }
      return RegionPair(first.region, second.region)
    })
  }
}
