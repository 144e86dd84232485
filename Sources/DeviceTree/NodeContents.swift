/// A node given as values (name, properties, children), for building a blob rather than
/// reading one: what a `/proc/device-tree`-style directory holds.
public struct NodeContents: Sendable, Equatable {
  /// The name with its unit address (ignored for the root).
  public var name: String
  public var properties: [Property]
  public var children: [NodeContents]

  public init(name: String, properties: [Property] = [], children: [NodeContents] = []) {
    self.name = name
    self.properties = properties
    self.children = children
  }

  /// Roughly the bytes this subtree takes in a blob, to size the first buffer.
  var estimatedSize: Int {
    let own = 16 + name.utf8.count + properties.reduce(0) { $0 + 16 + 2 * $1.name.utf8.count + $1.value.count }
    return children.reduce(own) { $0 + $1.estimatedSize }
  }
}
