/// Lines Linux prints with `efi=debug`: `efi_md_typeattr_format` inside either the arm64/riscv
/// layout of `reserve_regions` (`drivers/firmware/efi/efi-init.c`) or the x86 layout of
/// `efi_print_memmap` (`arch/x86/platform/efi/efi.c`). Other log lines are skipped.
enum LinuxEFILine {
  static func parse(_ line: String, format: EFIMapFormat) -> EFIMapParser.LineResult {
    guard let marker = line.firstRange(of: "efi: ") else { return .skip }
    let body = line[marker.upperBound...].drop { $0 == " " }
    if format == .linuxDebug {
      guard body.hasPrefix("0x") else { return .skip }
      return arm64(body)
    }
    guard body.hasPrefix("mem"), let colon = body.firstIndex(of: ":"),
      body[body.index(body.startIndex, offsetBy: 3)..<colon].allSatisfy({ $0.isNumber })
    else { return .skip }
    return x86(body[body.index(after: colon)...])
  }

  /// `0x%012llx-0x%012llx [type|attrs]`: the end is the last byte.
  static func arm64(_ body: Substring) -> EFIMapParser.LineResult {
    guard let space = body.firstIndex(of: " ") else { return .failure("no [type|attributes] after the range") }
    let bounds = body[..<space].split(separator: "-")
    guard bounds.count == 2, let start = NumberSyntax.hex(bounds[0]), let last = NumberSyntax.hex(bounds[1])
    else { return .failure("cannot read the range '\(body[..<space])'") }
    return describe(body[space...], start: start, end: last &+ 1)
  }

  /// `[type|attrs] range=[0x...-0x...] (NMB)`; `]` closes an inclusive end (kernels since 2015),
  /// `)` an exclusive one (older kernels).
  static func x86(_ body: Substring) -> EFIMapParser.LineResult {
    guard let range = body.firstRange(of: "range=[") else { return .failure("no range=[...] on the line") }
    let rest = body[range.upperBound...]
    guard let close = rest.firstIndex(where: { $0 == "]" || $0 == ")" }) else {
      return .failure("unterminated range=[")
    }
    let bounds = rest[..<close].split(separator: "-")
    guard bounds.count == 2, let start = NumberSyntax.hex(bounds[0]), let end = NumberSyntax.hex(bounds[1])
    else { return .failure("cannot read the range '\(rest[..<close])'") }
    return describe(body[..<range.lowerBound], start: start, end: rest[close] == "]" ? end &+ 1 : end)
  }

  /// The `[type|attr|...]` part, keyed on the type name.
  static func describe(_ text: Substring, start: UInt64, end: UInt64) -> EFIMapParser.LineResult {
    guard let open = text.firstIndex(of: "["), let close = text.lastIndex(of: "]"), open < close else {
      return .failure("no [type|attributes] field")
    }
    let fields = text[text.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
      .map { $0.trimmingSpaces }
    guard let type = memoryType(fields[0]) else { return .failure("unknown EFI memory type '\(fields[0])'") }
    var attributes: EFIAttributes = []
    for field in fields.dropFirst() where !field.isEmpty {
      if field.hasPrefix("attr="), let bits = NumberSyntax.hex(field.dropFirst(5)) {
        attributes = EFIAttributes(rawValue: bits)
      } else if let bit = EFIAttributes.linuxMnemonics.first(where: { $0.1 == field }) {
        attributes.insert(bit.0)
      } else {
        return .failure("unknown attribute '\(field)'")
      }
    }
    guard let d = EFIMapParser.descriptor(type, start: start, exclusiveEnd: end, attributes: attributes) else {
      return .failure("the range is not whole 4 KiB pages")
    }
    return .descriptor(d)
  }

  /// A Linux type name (`Boot Data`) or `type=N`.
  static func memoryType(_ name: String) -> EFIMemoryType? {
    if name.hasPrefix("type="), let value = UInt32(name.dropFirst(5)) { return EFIMemoryType(rawValue: value) }
    return EFIMemoryType.standard.first { $0.linuxName == name }
  }
}

extension StringProtocol {
  /// The text without leading and trailing blanks.
  public var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
