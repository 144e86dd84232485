/// Many boards side by side: for each region, where it is on every board.
public struct MapMatrix: Hashable, Sendable {
  /// How a region relates across the boards.
  public enum Sharing: String, Hashable, Sendable {
    /// On every board, at the same range.
    case shared
    /// On every board, at different ranges.
    case varies
    /// On some boards only.
    case specific = "board-specific"
  }

  public struct Row: Hashable, Sendable {
    /// The region's path (and `[reg N]`), the key it is matched by.
    public var label: String
    /// One entry per board, in board order: the range, or nil where the board lacks it
    /// (an unplaced dynamic region shows as an empty range at 0).
    public var ranges: [AddressRange?]
    public var sharing: Sharing
  }

  public var boards: [String]
  public var rows: [Row]

  /// Builds the matrix; rows are ordered shared, varies, board-specific, then by label.
  public static func build(_ snapshots: [MapSnapshot]) -> MapMatrix {
    var order: [String] = []
    var cells: [String: [AddressRange?]] = [:]
    for (board, snapshot) in snapshots.enumerated() {
      for region in snapshot.regions {
        let key = region.label
        if cells[key] == nil {
          order.append(key)
          cells[key] = Array(repeating: nil, count: snapshots.count)
        }
        cells[key]![board] = region.range ?? AddressRange(base: 0, size: 0)
      }
    }
    let rows = order.map { key -> Row in
      let ranges = cells[key]!
      let present = ranges.compactMap { $0 }
      let sharing: Sharing = present.count < ranges.count
        ? .specific : (Set(present).count == 1 ? .shared : .varies)
      return Row(label: key, ranges: ranges, sharing: sharing)
    }
    let rank: [Sharing: Int] = [.shared: 0, .varies: 1, .specific: 2]
    return MapMatrix(
      boards: snapshots.map(\.file),
      rows: rows.sorted { (rank[$0.sharing]!, $0.label) < (rank[$1.sharing]!, $1.label) })
  }
}
