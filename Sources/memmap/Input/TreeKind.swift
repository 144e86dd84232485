import DeviceTree

/// What a valid blob holds, told from the names at its root: a board's tree, an overlay
/// (dtc's `/plugin/` output, which the kernel and U-Boot only apply to a base tree), or a FIT
/// image (U-Boot's container of kernels, device trees and overlays).
enum TreeKind: Equatable {
  case board
  case overlay
  case fit

  /// The kind of `blob`: `/images` with `/configurations` is a FIT; `__fixups__`,
  /// `__local_fixups__` or a `fragment...` node with an `__overlay__` child is an overlay.
  static func of(_ blob: DeviceTreeBlob) throws(DeviceTreeError) -> TreeKind {
    let top = try blob.children(of: blob.root)
    let names = Set(top.map(\.name))
    if names.contains("images") && names.contains("configurations") { return .fit }
    if names.contains("__fixups__") || names.contains("__local_fixups__") { return .overlay }
    for node in top where node.name.hasPrefix("fragment") {
      if try blob.children(of: node).contains(where: { $0.name == "__overlay__" }) { return .overlay }
    }
    return .board
  }
}
