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
    /// The blob is larger than memmap accepts.
    case tooLarge(Int)
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
    case .badCellCount: return .badNCells
    default: return nil
    }
  }
}
