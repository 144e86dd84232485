/// Something the kernel's reserved-memory code did or said, in the order it happened.
///
/// The model records what happened; `KernelLogRenderer` alone knows each message's wording.
public enum KernelEvent: Hashable, Sendable {
  /// `/reserved-memory` lacks matching cell counts or `ranges`; no child is processed.
  case unsupportedNodeFormat
  /// Stage 2 of the two-stage flow found no `/reserved-memory`.
  case noReservedMemoryNode
  /// A `reg` whose length is not a whole number of entries.
  case invalidReg(name: String)
  /// A `reg` entry was reserved (a debug message, not printed by default).
  case reservedRegion(name: String, base: UInt64, size: UInt64)
  /// A `reg` entry could not be reserved: size 0, or no-map over an existing reservation.
  case failedToReserve(name: String, base: UInt64, size: UInt64)
  /// The table keeps only the first `reg` entry of this node.
  case ignoredRegEntries(name: String, count: Int)
  /// The node has `count` `reg` entries and only the first is reserved (7.2).
  case multipleRegEntries(name: String, count: Int)
  /// The fixed table is full.
  case notEnoughSpace(name: String)
  /// More than the profile's limit of dynamic regions.
  case tooManyDynamic(name: String)
  case invalidSize(name: String)
  case invalidAlignment(name: String)
  case invalidAllocRanges(name: String)
  /// A dynamic region was placed (a debug message).
  case allocated(name: String, base: UInt64, size: UInt64)
  case allocationFailed(name: String, size: UInt64)
  case cmaIncorrectAlignment(name: String)
  case cmaSetupFailed(name: String)
  case cmaCreated(name: String, base: UInt64, size: UInt64)
  case dmaPoolCreated(name: String, base: UInt64, size: UInt64)
  case initialized(name: String, compatible: String)
  case matchingFailed(name: String)
  /// The per-entry summary line of v6.3+.
  case regionInfo(name: String, base: UInt64, size: UInt64, noMap: Bool, reusable: Bool)
  /// Two neighbours in the sorted table overlap; ends are exclusive and wrap as the kernel's do.
  /// Indirect: the two sides would make every event of the list as large as this one.
  indirect case overlap(first: OverlapSide, second: OverlapSide)
}

/// One side of an overlap report.
public struct OverlapSide: Hashable, Sendable {
  public var name: String
  public var path: String
  public var base: UInt64
  public var size: UInt64
  /// `base + size` with 64-bit wrap-around.
  public var end: UInt64 { base &+ size }
}
