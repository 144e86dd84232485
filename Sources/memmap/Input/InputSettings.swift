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

extension InputSettings {
  /// The settings with each overlay at `overlayPaths` read and checked, in order; the first
  /// that cannot be used is the error.
  init(includes: [String], overlayPaths: [String], locate: Bool) throws(InputError) {
    self.init(includes: includes, overlays: [], locate: locate)
    for path in overlayPaths {
      do {
        overlays.append(try InputLoader.overlay(path, settings: self))
      } catch {
        throw InputError(error)
      }
    }
  }
}
