import DeviceTree

/// The one-line wording of load errors: `FILE: what is wrong (FDT_ERR_...)`.
enum ErrorText {
  static func line(for error: DeviceTreeError) -> String {
    error.file + ": " + problem(for: error)
  }

  /// The line without its file: `/memory: reg: truncated device tree blob (FDT_ERR_TRUNCATED)`.
  static func problem(for error: DeviceTreeError) -> String {
    var location = ""
    if let node = error.nodePath { location += node + (error.property.map { ": " + $0 } ?? "") + ": " }
    switch error.reason {
    case .unreadable(let text): return location + "cannot read: " + text
    case .tooLarge(let limit):
      return location + "larger than \(Formatting.humanSize(UInt64(limit))), the most memmap reads as a device tree"
    case .badCellCount(let property, let value):
      return location + "\(property) must be one cell from 0 to 4 (got \(value)) (FDT_ERR_BADNCELLS)"
    case .badCellLength(let property, let length):
      return location + "\(property) must be one cell from 0 to 4 (it is \(length) bytes long, not 4) (FDT_ERR_BADNCELLS)"
    case .fdt(let code): return location + describe(code) + " (\(code.name))"
    case .refused(let text): return location + text
    case .toolFailed(let tool, let message): return location + "\(tool) failed: " + message
    case .overlayFailed(let overlay, let fragment, let code):
      return location + "cannot apply overlay " + overlay + ": " + (fragment ?? overlayProblem(code))
        + " (\(code.name))"
    }
  }

  /// What libfdt's code means when `fdt_overlay_apply` returns it.
  static func overlayProblem(_ code: FDTError) -> String {
    switch code {
    case .notFound: return "its target or a label it uses is not in the base tree"
    case .badPath: return "its target path is not in the base tree"
    case .badPhandle: return "a phandle it refers to is not in the base tree"
    case .badOverlay: return "malformed overlay"
    case .noPhandles: return "the base tree has no phandles left"
    default: return describe(code)
    }
  }

  /// What a libfdt code means for a file someone handed us.
  static func describe(_ code: FDTError) -> String {
    switch code {
    case .badMagic: return "not a device tree blob (bad magic)"
    case .truncated: return "truncated device tree blob"
    case .badVersion: return "unsupported device tree version"
    case .badStructure: return "corrupt structure block"
    case .badLayout: return "corrupt block layout"
    case .badOffset: return "corrupt header offsets"
    case .alignment: return "misaligned device tree blob"
    default: return "corrupt device tree blob"
    }
  }
}
