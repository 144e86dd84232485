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

  /// Whether a lookup of `name` among its siblings finds this node, as `fdt_subnode_offset`
  /// matches: the whole name, or, when `name` has no unit address, the name before the `@`.
  public func isNamed(_ lookup: String) -> Bool {
    // Byte comparison: libfdt compares bytes, and String's Unicode-aware comparison is slow.
    var name = self.name
    var lookup = lookup
    return name.withUTF8 { name in
      lookup.withUTF8 { lookup in
        guard name.count >= lookup.count, name.starts(with: lookup) else { return false }
        if name.count == lookup.count { return true }
        return name[lookup.count] == UInt8(ascii: "@") && !lookup.contains(UInt8(ascii: "@"))
      }
    }
  }

  /// The path a child called `childName` has.
  func childPath(_ childName: String) -> String {
    path == "/" ? "/" + childName : path + "/" + childName
  }
}
