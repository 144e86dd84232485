/// The one parser for numbers typed by people: `0x` hex, decimal, and binary `K`/`M`/`G`/`T`
/// suffixes (`64M` is 64 MiB).
public enum NumberSyntax {
  /// The value of `text`, or nil when it is not a number or does not fit in 64 bits.
  public static func parse(_ text: some StringProtocol) -> UInt64? {
    var body = Substring(text)
    var shift: UInt64 = 0
    if let last = body.last, let s = suffixShift(last) {
      shift = s
      body = body.dropLast()
    }
    let value: UInt64?
    if body.hasPrefix("0x") || body.hasPrefix("0X") {
      value = hex(body)
    } else {
      value = UInt64(body, radix: 10)
    }
    guard let value else { return nil }
    guard shift > 0 else { return value }
    let (result, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
    return overflow ? nil : result
  }

  /// A hexadecimal number with or without `0x` (as firmware logs print them), or nil.
  public static func hex(_ text: some StringProtocol) -> UInt64? {
    let whole = Substring(text)
    let digits = whole.hasPrefix("0x") || whole.hasPrefix("0X") ? whole.dropFirst(2) : whole
    guard !digits.isEmpty else { return nil }
    return UInt64(digits, radix: 16)
  }

  private static func suffixShift(_ c: Character) -> UInt64? {
    switch c {
    case "K", "k": return 10
    case "M", "m": return 20
    case "G", "g": return 30
    case "T", "t": return 40
    default: return nil
    }
  }
}
