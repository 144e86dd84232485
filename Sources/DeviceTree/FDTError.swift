import CLibFDT

/// An error code returned by libfdt, named as libfdt names it.
///
/// `rawValue` is the positive `FDT_ERR_*` value; libfdt functions return its negation.
public struct FDTError: RawRepresentable, Error, Hashable, Sendable {
  public let rawValue: CInt

  public init(rawValue: CInt) { self.rawValue = rawValue }

  public static let notFound = FDTError(rawValue: FDT_ERR_NOTFOUND)
  public static let badOffset = FDTError(rawValue: FDT_ERR_BADOFFSET)
  public static let badPath = FDTError(rawValue: FDT_ERR_BADPATH)
  public static let truncated = FDTError(rawValue: FDT_ERR_TRUNCATED)
  public static let badMagic = FDTError(rawValue: FDT_ERR_BADMAGIC)
  public static let badVersion = FDTError(rawValue: FDT_ERR_BADVERSION)
  public static let badStructure = FDTError(rawValue: FDT_ERR_BADSTRUCTURE)
  public static let badLayout = FDTError(rawValue: FDT_ERR_BADLAYOUT)
  public static let badNCells = FDTError(rawValue: FDT_ERR_BADNCELLS)
  public static let badValue = FDTError(rawValue: FDT_ERR_BADVALUE)
  public static let alignment = FDTError(rawValue: FDT_ERR_ALIGNMENT)
  public static let noSpace = FDTError(rawValue: FDT_ERR_NOSPACE)
  public static let badPhandle = FDTError(rawValue: FDT_ERR_BADPHANDLE)
  public static let badOverlay = FDTError(rawValue: FDT_ERR_BADOVERLAY)
  public static let noPhandles = FDTError(rawValue: FDT_ERR_NOPHANDLES)

  /// libfdt's own name for the code, such as `FDT_ERR_TRUNCATED`.
  ///
  /// The corresponding libfdt function is `fdt_strerror`.
  public var name: String { LibFDT.errorName(rawValue) }
}
