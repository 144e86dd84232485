/// The structure-block offset of a node, as libfdt hands it out.
///
/// A distinct type so that an offset is never passed where a size or a count is wanted.
public struct NodeOffset: RawRepresentable, Hashable, Comparable, Sendable {
  public let rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The root node is always at offset 0.
  public static let root = NodeOffset(rawValue: 0)

  public static func < (lhs: NodeOffset, rhs: NodeOffset) -> Bool { lhs.rawValue < rhs.rawValue }
}
