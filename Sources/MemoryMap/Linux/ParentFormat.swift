/// What the kernel made of `/reserved-memory`'s own format (`__reserved_mem_check_root`),
/// decided once by the kernel flow and read by the findings.
public enum ParentFormat: Hashable, Sendable {
  /// The tree has no `/reserved-memory` node.
  case absent
  /// Cell counts equal the root's and `ranges` is present: the children are read.
  case accepted
  /// The kernel ignores every child, for these reasons (at least one), in this order.
  case refused([Problem])

  /// One reason the kernel refuses `/reserved-memory`.
  public enum Problem: Hashable, Sendable {
    /// `#address-cells` differs from the root's (nil: the property is missing).
    case addressCells(parent: UInt32?, root: Int)
    /// `#size-cells` differs from the root's (nil: the property is missing).
    case sizeCells(parent: UInt32?, root: Int)
    /// `ranges` is missing.
    case missingRanges
  }

  /// Judges `parent` against the root's cell counts as `__reserved_mem_check_root` does: both
  /// counts must be equal to the root's, and `ranges` must be present.
  static func judge(_ parent: ReservedMemoryParent?, root cells: RootCells) -> ParentFormat {
    guard let parent else { return .absent }
    var problems: [Problem] = []
    if parent.addressCells != UInt32(cells.addressCells) {
      problems.append(.addressCells(parent: parent.addressCells, root: cells.addressCells))
    }
    if parent.sizeCells != UInt32(cells.sizeCells) {
      problems.append(.sizeCells(parent: parent.sizeCells, root: cells.sizeCells))
    }
    if !parent.hasRanges { problems.append(.missingRanges) }
    return problems.isEmpty ? .accepted : .refused(problems)
  }

  /// True when the kernel refused the node: its children are never read.
  public var isRefused: Bool {
    if case .refused = self { return true }
    return false
  }
}
