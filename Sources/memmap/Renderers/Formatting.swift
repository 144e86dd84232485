import MemoryMap

/// The one place that turns numbers into text for people and for JSON.
enum Formatting {
  /// `0x` and lower-case hex, no padding: the JSON form.
  static func hex(_ value: UInt64) -> String { Hex.plain(value) }

  /// `0x` and 16 zero-padded hex digits: the kernel's `%pa` on 64-bit.
  static func paddedHex(_ value: UInt64) -> String { Hex.padded(value) }

  /// A size in the largest binary unit that keeps it exact, else with one decimal.
  static func humanSize(_ bytes: UInt64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var unit = 0
    var value = bytes
    while unit < units.count - 1, value >= 1024, value % 1024 == 0 {
      value /= 1024
      unit += 1
    }
    if value < 1024 || unit == units.count - 1 { return "\(value) \(units[unit])" }
    var scaled = Double(bytes)
    unit = 0
    while scaled >= 1024, unit < units.count - 1 {
      scaled /= 1024
      unit += 1
    }
    let tenths = Int((scaled * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }
}
