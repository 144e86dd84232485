import Testing

@testable import DeviceTree

/// `Node.isNamed` replaces `fdt_subnode_offset` for the root's children (one walk instead of
/// one per lookup), so it must match as libfdt's `fdt_nodename_eq_` does (libfdt/fdt_ro.c):
/// the bytes of the lookup must start the node's name, which must then end, or, when the
/// lookup has no unit address, continue with `@`.
@Suite struct NodeNameTests {
  static func node(_ name: String) -> Node {
    Node(offset: NodeOffset(rawValue: 8), name: name, path: "/" + name)
  }

  @Test("libfdt's name matching", arguments: [
    ("reserved-memory", "reserved-memory", true),
    ("reserved-memory@0", "reserved-memory", true),
    ("reserved-memory@", "reserved-memory", true),
    ("reserved-memoryx", "reserved-memory", false),
    ("reserved-memory", "reserved-memory@0", false),
    ("reserved-memory@0", "reserved-memory@0", true),
    ("reserved-memory@0", "reserved-memory@1", false),
    ("reserved-memory@0@1", "reserved-memory@0", false),
    ("reserved", "reserved-memory", false),
    ("Chosen", "chosen", false),
    ("chosen", "", false),
  ])
  func matching(name: String, lookup: String, expected: Bool) {
    #expect(Self.node(name).isNamed(lookup) == expected, "\(name) for \(lookup)")
  }
}
