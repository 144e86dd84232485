/// A node's properties in blob order, read at once, for nodes whose properties are looked up
/// by several names: one pass over the node instead of one per name.
public struct PropertyTable: Sendable {
  let file: String
  let node: Node
  /// Names and values; a nil value is a property whose length libfdt reports as negative.
  let entries: [(String, [UInt8]?)]

  /// The first property called `name`, as `fdt_getprop` finds it; a bad length of that
  /// property is `FDT_ERR_BADSTRUCTURE`, as `DeviceTreeBlob.property(_:of:)` reports it.
  public func property(_ name: String) throws(DeviceTreeError) -> Property? {
    guard let entry = entries.first(where: { $0.0 == name }) else { return nil }
    guard let value = entry.1 else {
      throw DeviceTreeError(file: file, nodePath: node.path, property: name, reason: .fdt(.badStructure))
    }
    return Property(name: name, value: value)
  }

  /// The property names, in blob order.
  public var names: [String] { entries.map(\.0) }

  /// Every property in blob order; a bad length fails as in `property(_:)`.
  public func all() throws(DeviceTreeError) -> [Property] {
    var result: [Property] = []
    for (name, value) in entries {
      guard let value else {
        throw DeviceTreeError(file: file, nodePath: node.path, property: name, reason: .fdt(.badStructure))
      }
      result.append(Property(name: name, value: value))
    }
    return result
  }
}
