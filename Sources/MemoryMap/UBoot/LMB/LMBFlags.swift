/// The attributes of an LMB region, with the bit values of U-Boot's `include/lmb.h` since
/// v2025.07 (`LMB_NONE` 0, then BIT(1), BIT(2), BIT(3)).
///
/// Any set other than `none` makes a reservation exclusive: U-Boot lets two reservations
/// overlap only when both are exactly `LMB_NONE`.
public struct LMBFlags: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32

  public init(rawValue: UInt32) { self.rawValue = rawValue }

  /// U-Boot's `LMB_NONE` (0): an ordinary region that another `LMB_NONE` request may reuse.
  public static let none: LMBFlags = []

  /// U-Boot's `LMB_NOMAP` (BIT(1)): the device tree said `no-map`; architecture code leaves
  /// the range out of the MMU map.
  public static let noMap = LMBFlags(rawValue: 1 << 1)

  /// U-Boot's `LMB_NOOVERWRITE` (BIT(2)): the range can never be reserved again while held.
  public static let noOverwrite = LMBFlags(rawValue: 1 << 2)

  /// U-Boot's `LMB_NONOTIFY` (BIT(3)): the change is not mirrored into the EFI memory map.
  public static let noNotify = LMBFlags(rawValue: 1 << 3)

  /// Every bit U-Boot gives a name; any other bit makes the dump print `invalid`.
  public static let known: LMBFlags = [.noMap, .noOverwrite, .noNotify]
}
