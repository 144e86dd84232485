import DeviceTree

/// Which fragment of an overlay libfdt could not apply, and why. `fdt_overlay_apply` only
/// returns a code, so this reads what it reads: the labels in `__fixups__` (resolved through
/// the base's `__symbols__`) and each fragment's `target-path`.
enum OverlayDiagnosis {
  /// `fragment@1: label 'uart9' is not in the base tree's __symbols__`, or nil when no
  /// fragment has an unresolvable target.
  static func fragment(base: DeviceTreeBlob, overlay: DeviceTreeBlob) -> String? {
    try? missingLabel(base: base, overlay: overlay) ?? missingTargetPath(base: base, overlay: overlay)
  }

  /// The first `__fixups__` label the base does not define, with the fragment that uses it.
  private static func missingLabel(base: DeviceTreeBlob, overlay: DeviceTreeBlob) throws(DeviceTreeError) -> String? {
    guard let fixups = try overlay.node(at: "/__fixups__") else { return nil }
    let symbols = try base.node(at: "/__symbols__")
    let known = try symbols.map { node throws(DeviceTreeError) in Set(try base.properties(of: node).names) } ?? []
    for fixup in try overlay.properties(of: fixups).all() where !known.contains(fixup.name) {
      let label = fixup.name
      // Each use is "/fragment@0:target:0": the node, the property, the offset.
      let use = fixup.strings.first ?? ""
      let fragment = use.split(separator: "/").first.map { String($0.prefix { $0 != ":" }) } ?? "a fragment"
      let hint = symbols == nil ? " (it has none: compile it with dtc -@)" : ""
      return "\(fragment): label '\(label)' is not in the base tree's __symbols__\(hint)"
    }
    return nil
  }

  /// The first fragment whose `target-path` names no node of the base.
  private static func missingTargetPath(base: DeviceTreeBlob, overlay: DeviceTreeBlob) throws(DeviceTreeError) -> String? {
    for fragment in try overlay.children(of: overlay.root) {
      guard let path = try overlay.property("target-path", of: fragment)?.strings.first else { continue }
      if path.hasPrefix("/"), try base.node(at: path) == nil {
        return "\(fragment.name): target-path '\(path)' is not in the base tree"
      }
    }
    return nil
  }
}
