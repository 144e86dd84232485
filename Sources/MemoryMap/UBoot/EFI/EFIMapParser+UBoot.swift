/// Rows of U-Boot's `efidebug memmap` (`cmd/efi_common.c` in HEAD, `cmd/efidebug.c` before):
/// a type name, `%016llx-%016llx` with an exclusive end, then `|`-joined attribute mnemonics.
/// The header, its `=` underline and `=>` prompt lines are skipped; anything else is an error.
enum EFIDebugLine {
  static func parse(_ line: String, format: EFIMapFormat) -> EFIMapParser.LineResult {
    let words = line.split(separator: " ", omittingEmptySubsequences: true)
    guard let first = words.first else { return .skip }
    if first == "=>" || words.allSatisfy({ $0.allSatisfy { $0 == "=" } }) { return .skip }
    if first == "Type" && words.contains("Start") && words.contains("End") { return .skip }
    guard let at = words.firstIndex(where: isRange) else {
      return .failure("expected TYPE START-END [ATTRIBUTES]")
    }
    let name = words[..<at].joined(separator: " ")
    guard let type = memoryType(name, format: format) else {
      return .failure("unknown EFI memory type '\(name)'")
    }
    let bounds = words[at].split(separator: "-")
    let start = NumberSyntax.hex(bounds[0])!, end = NumberSyntax.hex(bounds[1])!
    guard words.count <= at + 2 else { return .failure("unexpected text after the attributes") }
    guard let attributes = at + 1 < words.count ? self.attributes(words[at + 1]) : [] else {
      return .failure("unknown attribute in '\(words[at + 1])'")
    }
    guard let d = EFIMapParser.descriptor(type, start: start, exclusiveEnd: end, attributes: attributes) else {
      return .failure("the range is not whole 4 KiB pages")
    }
    return .descriptor(d)
  }

  /// `0000000040000000-000000004e000000`: two 16-digit hex numbers.
  static func isRange(_ word: Substring) -> Bool {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { $0.count == 16 && UInt64($0, radix: 16) != nil }
  }

  static func memoryType(_ name: String, format: EFIMapFormat) -> EFIMemoryType? {
    EFIMemoryType.standard.first { (format == .efidebug ? $0.name : $0.legacyName) == name }
  }

  /// `WB`, `UC|WC|WT|WB`, `WB|RT`, with `ISA=0x...` and raw `0x...` bits as HEAD prints them.
  static func attributes(_ text: Substring) -> EFIAttributes? {
    var out: EFIAttributes = []
    for word in text.split(separator: "|") {
      if let bit = EFIAttributes.mnemonics.first(where: { $0.1 == word }) {
        out.insert(bit.0)
      } else if word.hasPrefix("ISA="), let value = NumberSyntax.hex(word.dropFirst(4)) {
        out.insert(EFIAttributes(rawValue: (value << 44) & EFIAttributes.isaMask))
      } else if word.hasPrefix("0x"), let value = NumberSyntax.hex(word) {
        out.insert(EFIAttributes(rawValue: value))
      } else {
        return nil
      }
    }
    return out
  }
}
