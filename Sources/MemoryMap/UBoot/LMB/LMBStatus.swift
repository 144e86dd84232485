/// The integer an LMB call returns, as U-Boot's C code returns it.
///
/// HEAD returns `0`, `-1`, `-EEXIST` (-17) or `-EINVAL` (-22); any other value is kept as is.
public struct LMBStatus: RawRepresentable, Hashable, Sendable {
  public let rawValue: Int

  public init(rawValue: Int) { self.rawValue = rawValue }

  /// `0`: the call did what was asked.
  public static let ok = LMBStatus(rawValue: 0)
  /// `-1`: U-Boot's generic failure.
  public static let failed = LMBStatus(rawValue: -1)
  /// `-EEXIST`: a reservation overlaps one it may not share with.
  public static let exists = LMBStatus(rawValue: -17)
  /// `-EINVAL`: a fixed-address request whose last byte is not in the memory region found.
  public static let invalid = LMBStatus(rawValue: -22)

  public var isSuccess: Bool { rawValue == 0 }
}
