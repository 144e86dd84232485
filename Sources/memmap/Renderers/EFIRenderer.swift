import MemoryMap

/// EFI memory maps as text: U-Boot's `efidebug memmap` layout and the inspect table section.
enum EFIRenderer {
  /// HEAD `efidebug memmap` (`cmd/efi_common.c`, v2026.10-rc2+): a 23-wide type column, 16-digit
  /// start and exclusive end, then the attribute mnemonics joined by `|`.
  static func efidebug(_ descriptors: [EFIDescriptor]) -> String {
    var out = "Type                    Start            End              Attributes\n"
    out += "======================= ================ ================ ==========\n"
    for d in descriptors {
      let name = d.type.name ?? "(unknown)"
      out += name.padding(23) + " " + digits16(d.start) + "-" + digits16(d.end)
      let words = attributeWords(d.attributes)
      out += (words.isEmpty ? "" : " " + words.joined(separator: "|")) + "\n"
    }
    return out
  }

  /// The mnemonics HEAD prints, then `ISA=0x...` when ISA_VALID is set and unknown bits as `0x...`.
  static func attributeWords(_ attributes: EFIAttributes) -> [String] {
    var words = attributes.names
    let raw = attributes.rawValue
    if attributes.contains(.isaValid) {
      words.append("ISA=" + Hex.plain((raw & EFIAttributes.isaMask) >> 44))
    }
    let known = EFIAttributes.mnemonics.reduce(EFIAttributes.isaMask) { $0 | $1.0.rawValue }
    if raw & ~known != 0 { words.append(Formatting.hex(raw & ~known)) }
    return words
  }

  /// The inspect table section: which map it is, then one row per descriptor.
  static func section(_ report: MapReport, width: Int? = nil) -> String {
    var table = TextTable(["TYPE", "START", "END (excl.)", "SIZE", "ATTRIBUTES"], rightAligned: [3])
    for d in report.efi.shown {
      table.add([d.type.name ?? "type \(d.type.rawValue)", Formatting.paddedHex(d.start),
                 Formatting.paddedHex(d.end), Formatting.humanSize(d.range.size),
                 attributeWords(d.attributes).joined(separator: "|")])
    }
    return table.rows.isEmpty ? "  no descriptors\n" : table.render(width: width)
  }

  /// The heading word for the map shown: the firmware's file, or U-Boot's built map.
  static func source(_ report: MapReport) -> String {
    guard let firmware = report.efi.firmware else { return "U-Boot's map for this tree, as handed to the OS" }
    return "firmware: \(VisibleText.escape(firmware.file)), \(firmware.format.rawValue)"
  }

  static func digits16(_ value: UInt64) -> String { String(Formatting.paddedHex(value).dropFirst(2)) }
}

extension String {
  /// The string padded with spaces on the right to `width` (left-aligned, like `%-23s`).
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
