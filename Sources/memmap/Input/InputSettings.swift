import DeviceTree

/// How inputs are read beyond their own bytes: include folders for source, overlays to apply
/// to every base tree, and whether findings need source locations.
struct InputSettings: Sendable {
  /// `--include` folders, searched after a source file's own folder.
  var includes: [String] = []
  /// `--overlay` files, loaded and checked once, applied in order.
  var overlays: [DeviceTreeBlob] = []
  /// Ask dtc where each node was written (lint output shows it).
  var locate = false
}
