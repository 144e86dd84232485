import DeviceTree

/// A device tree laid out as folders and files, as Linux shows it in `/proc/device-tree` and
/// `/sys/firmware/devicetree/base` and as dtc reads it with `-I fs`: a folder per node, a file
/// per property holding the raw value.
///
/// Entries are taken in name order (dtc's order is the folder's, which varies between file
/// systems), so the order of `/reserved-memory` children may differ from the booted blob's;
/// `/sys/firmware/fdt` is that blob itself. Such a tree has no `/memreserve/` entries.
enum DirectoryTree {
  /// Whether `path` holds a tree rather than files to check: it has a `#address-cells` or
  /// `compatible` file at its top, as every Linux device-tree folder does.
  static func looksLikeTree(_ path: String) -> Bool {
    guard let entries = DirectoryEntries.list(path) else { return false }
    return entries.contains { !$0.isDirectory && ($0.name == "#address-cells" || $0.name == "compatible") }
  }

  /// The blob of the tree in `path`; a folder that is not a tree is refused.
  static func blob(_ path: String) throws(DeviceTreeError) -> DeviceTreeBlob {
    guard looksLikeTree(path) else {
      throw DeviceTreeError(file: path, reason: .refused(
        "a folder that is not a device tree (no #address-cells or compatible file at its top)"))
    }
    var budget = DeviceTreeBlob.maximumSize
    return try DeviceTreeBlob(building: try node(path, name: "", budget: &budget, root: path), file: path)
  }

  /// The node in folder `path`, its files as properties and its folders as children.
  private static func node(_ path: String, name: String, budget: inout Int, root: String)
    throws(DeviceTreeError) -> NodeContents
  {
    guard let entries = DirectoryEntries.list(path) else {
      throw DeviceTreeError(file: root, nodePath: path, reason: .unreadable("cannot open the folder"))
    }
    var contents = NodeContents(name: name)
    for entry in entries {
      let child = path + "/" + entry.name
      if entry.isDirectory {
        contents.children.append(try node(child, name: entry.name, budget: &budget, root: root))
        continue
      }
      let value: [UInt8]
      do {
        value = try FileBytes.read(path: child, limit: budget)
      } catch {
        throw DeviceTreeError(file: root, nodePath: child, reason: .init(error.reason))
      }
      budget -= value.count
      contents.properties.append(Property(name: entry.name, value: value))
    }
    return contents
  }
}
