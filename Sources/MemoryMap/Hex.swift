/// The one hex formatter: `0x` and lower-case digits.
public enum Hex {
  /// `0x` and lower-case hex, no padding (`0x40000000`): JSON and messages.
  public static func plain(_ value: UInt64) -> String { "0x" + digits(value) }

  /// Lower-case hex digits without a prefix: C's `%llx`, as U-Boot prints in its messages.
  public static func digits(_ value: UInt64) -> String { String(value, radix: 16) }

  /// `0x` and 16 zero-padded digits: the kernel's `%pa` on 64-bit.
  public static func padded(_ value: UInt64) -> String {
    let text = digits(value)
    return "0x" + String(repeating: "0", count: max(0, 16 - text.count)) + text
  }

  /// `[base, end)` for a message; an end past 2^64 is written as `2^64+...`.
  public static func range(_ range: AddressRange) -> String {
    if let end = range.end { return "[\(plain(range.base)), \(plain(end)))" }
    if range.wrappingEnd == 0 { return "[\(plain(range.base)), 2^64)" }
    return "[\(plain(range.base)), 2^64+\(plain(range.wrappingEnd)))"
  }
}
