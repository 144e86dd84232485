/// A node of a device tree: where it is in the blob, its name and its full path.
public struct Node: Hashable, Sendable {
  public let offset: NodeOffset
  /// The name including any unit address, as `fdt_get_name` gives it (`""` for the root).
  public let name: String
  /// The full path, such as `/reserved-memory/optee@80000000`.
  public let path: String

  public init(offset: NodeOffset, name: String, path: String) {
    self.offset = offset
    self.name = name
    self.path = path
  }

  /// The path a child called `childName` has.
  func childPath(_ childName: String) -> String {
    path == "/" ? "/" + childName : path + "/" + childName
  }
}
