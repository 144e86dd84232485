/// JSON strings that stay readable when a person pipes them to a terminal: JSON escapes C0
/// controls itself; DEL, C1 controls and the invisible format characters `VisibleText` names
/// are written as `\uXXXX` as well (the same string to a parser, inert on a screen).
enum JSONText {
  /// Whether `scalar` is written as `\uXXXX` though JSON would allow it raw.
  static func needsUnicodeEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x7F && VisibleText.needsEscape(scalar)
  }

  /// `\u0085`: four hex digits (every scalar `needsUnicodeEscape` picks is in the BMP).
  static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// Encoded JSON with those scalars escaped; they can only occur inside its strings.
  static func escapeInvisible(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: needsUnicodeEscape) else { return json }
    var out = ""
    for scalar in json.unicodeScalars {
      if needsUnicodeEscape(scalar) { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }
}
