/// Which regions of a map overlap, decided once when the report is made
/// (`OverlapAnalysis.record`): the overlap findings (MM001, MM002) are written from it and the
/// picture outlines the regions it names.
public struct RegionOverlaps: Sendable {
  /// Indices into `KernelResult.regions` of each region that overlaps something: a placed
  /// `/reserved-memory` region over a placed region of another node or over a `/memreserve/`
  /// entry, and a `/memreserve/` region a placed region lies over.
  public var regions: Set<Int> = []
  /// The placed regions, as indices into `KernelResult.regions`: static or dynamic, with a
  /// non-empty range, not disabled. These are the ones compared.
  var placed: [Int] = []
  /// The sweep over `placed` (indices into `placed`), each region's earlier partners named up
  /// to `OverlapAnalysis.pairsPerRegion` and all of them counted.
  var steps: [OverlapSweep.Step] = []
  /// Each placed region over a `/memreserve/` entry of size other than 0, entry by entry:
  /// the entry's position in `MemoryDescription.memoryReservations` and the region's index.
  var overMemreserve: [(entry: Int, region: Int)] = []

  public init() {}
}
