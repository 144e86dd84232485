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

  /// Where a region is on one board.
  public enum Cell: Hashable, Sendable {
    /// The board has no such region.
    case absent
    /// The board has it, but the kernel does not place it (a dynamic region that fails).
    case notPlaced
    case placed(AddressRange)
  }

  public struct Row: Hashable, Sendable {
    /// The region's path (and `[reg N]`), the key it is matched by.
    public var label: String
    /// One cell per board, in board order.
    public var cells: [Cell]
    public var sharing: Sharing
  }

  public var boards: [String]
  public var rows: [Row]

  /// True when every region is on every board at the same place.
  public var isUniform: Bool { rows.allSatisfy { $0.sharing == .shared } }

  /// Builds the matrix; rows are ordered shared, varies, board-specific, then by label.
  public static func build(_ snapshots: [MapSnapshot]) -> MapMatrix {
    var order: [String] = []
    var cells: [String: [Cell]] = [:]
    for (board, snapshot) in snapshots.enumerated() {
      for region in snapshot.regions {
        let key = region.label
        if cells[key] == nil {
          order.append(key)
          cells[key] = Array(repeating: .absent, count: snapshots.count)
        }
        cells[key]![board] = region.range.map(Cell.placed) ?? .notPlaced
      }
    }
    let rows = order.map { key -> Row in
      let row = cells[key]!
      let present = row.filter { $0 != .absent }
      let sharing: Sharing = present.count < row.count
        ? .specific : (Set(present).count == 1 ? .shared : .varies)
      return Row(label: key, cells: row, sharing: sharing)
    }
    let rank: [Sharing: Int] = [.shared: 0, .varies: 1, .specific: 2]
    return MapMatrix(
      boards: snapshots.map(\.file),
      rows: rows.sorted { (rank[$0.sharing]!, $0.label) < (rank[$1.sharing]!, $1.label) })
  }
}
