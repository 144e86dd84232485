/// Why a device tree blob could not be read, with where it happened.
public struct DeviceTreeError: Error, Sendable, Equatable {
  /// What went wrong.
  public enum Reason: Sendable, Equatable {
    /// The operating system refused to read the file (`errno` text).
    case unreadable(String)
    /// libfdt rejected the blob or a lookup in it.
    case fdt(FDTError)
    /// A cell count the kernel cannot decode (`#address-cells`/`#size-cells` outside 0...4).
    case badCellCount(property: String, value: UInt64)
    /// A cell count property that is not one 4-byte cell: its length in bytes.
    case badCellLength(property: String, length: Int)
    /// The file is larger than `limit` bytes, the most memmap reads for it.
    case tooLarge(limit: Int)
    /// The input is not a board's device tree memmap can read (an overlay, a `.dtsi`, an
    /// unknown format); the text says what it is and what to do instead.
    case refused(String)
    /// A tool that turns the input into a blob (`cpp`, `dtc`, `gzip`) failed; its own words.
    case toolFailed(tool: String, message: String)
    /// libfdt could not apply an overlay: the overlay file, the fragment when known, the code.
    case overlayFailed(overlay: String, fragment: String?, code: FDTError)
  }

  public var file: String
  public var nodePath: String?
  public var property: String?
  public var reason: Reason

  public init(file: String, nodePath: String? = nil, property: String? = nil, reason: Reason) {
    self.file = file
    self.nodePath = nodePath
    self.property = property
    self.reason = reason
  }

  /// The libfdt error behind this one, if any.
  public var code: FDTError? {
    switch reason {
    case .fdt(let code): return code
    case .badCellCount, .badCellLength: return .badNCells
    case .overlayFailed(_, _, let code): return code
    default: return nil
    }
  }
}

extension DeviceTreeError.Reason {
  /// A device tree's file that could not be read: the read's own reason.
  public init(_ failure: FileBytes.Failure.Reason) {
    switch failure {
    case .unreadable(let text): self = .unreadable(text)
    case .tooLarge(let limit): self = .tooLarge(limit: limit)
    }
  }
}
