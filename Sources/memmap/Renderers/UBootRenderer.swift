import MemoryMap

/// Text exactly as U-Boot prints it.
enum UBootRenderer {
  /// What `lmb_dump_all_force()` prints for `lmb` (HEAD `lib/lmb.c`): a header line, then
  /// each list's count and one line per region, every line ending in a newline.
  /// With `zeroAsHex` the region lines print zero as `0x0`, as v2025.01's `0x%llx` does.
  static func lmbDump(_ lmb: LMB, zeroAsHex: Bool = false) -> String {
    "lmb_dump_all:\n" + regionList(lmb.memory, name: "memory", zeroAsHex: zeroAsHex)
      + regionList(lmb.reserved, name: "reserved", zeroAsHex: zeroAsHex)
  }

  /// U-Boot's `lmb_dump_region`: ` NAME.count = %#x`, then per region
  /// ` NAME[%d]\t[%#llx-%#llx], %#llx bytes, flags: ` and the flag text; the end shown is
  /// `base + size - 1`, wrapping as U-Boot's does.
  static func regionList(_ regions: [LMBRegion], name: String, zeroAsHex: Bool = false) -> String {
    func hex(_ value: UInt64) -> String { zeroAsHex ? Hex.plain(value) : alternateHex(value) }
    var text = " \(name).count = \(alternateHex(UInt64(regions.count)))\n"
    for (index, region) in regions.enumerated() {
      text += " \(name)[\(index)]\t[\(hex(region.base))-\(hex(region.wrappingLast))]"
      text += ", \(hex(region.size)) bytes, flags: \(flagText(region.flags))\n"
    }
    return text
  }

  /// U-Boot's `lmb_print_region_flags`: `none` for no flags, the names from the highest bit
  /// down joined by `", "`, or `invalid %#x` when any unnamed bit is set.
  static func flagText(_ flags: LMBFlags) -> String {
    guard flags.isSubset(of: .known) else { return "invalid \(alternateHex(UInt64(flags.rawValue)))" }
    if flags.isEmpty { return "none" }
    return LMBFlags.names.reversed().filter { flags.contains($0.flag) }.map(\.name)
      .joined(separator: ", ")
  }

  /// The flag names for JSON, lowest bit first: `["none"]` for no flags.
  static func flagNames(_ flags: LMBFlags) -> [String] {
    if flags.isEmpty { return ["none"] }
    let named = LMBFlags.names.filter { flags.contains($0.flag) }.map(\.name)
    return flags.isSubset(of: .known) ? named : named + ["invalid"]
  }

  /// C's `%#llx`: `0x` and lower-case hex, except that zero prints as a bare `0`.
  static func alternateHex(_ value: UInt64) -> String { value == 0 ? "0" : Hex.plain(value) }
}

extension UBootRenderer {
  /// What U-Boot prints for a tree at start-up and in `bdinfo`: one `ERROR: reserving fdt
  /// memory region failed` line per refused reservation (HEAD `boot/image-fdt.c`), then the
  /// LMB dump.
  static func boot(_ result: UBootResult) -> String {
    errorLines(result).map { $0 + "\n" }.joined()
      + lmbDump(result.lmb, zeroAsHex: result.version.dumpsZeroAsHex)
  }

  /// The `ERROR: reserving fdt memory region failed` lines the release prints, in order.
  static func errorLines(_ result: UBootResult) -> [String] {
    result.reservations.filter(result.printsError).map { attempt in
      "\(UBootLog.errorPrefix) (addr=\(Hex.digits(attempt.range.base))"
        + " size=\(Hex.digits(attempt.range.size)) flags=\(Hex.digits(UInt64(attempt.flags.rawValue)))):"
        + " \(attempt.status.rawValue)"
    }
  }
}
