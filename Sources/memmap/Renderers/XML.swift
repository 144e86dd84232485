/// The one XML escaper, for every renderer that writes XML or HTML (JUnit, SVG, the HTML page).
enum XML {
  /// Text content: `&`, `<`, `>` escaped; controls (line breaks too) and invisible format
  /// characters written visibly by `VisibleText`; what XML 1.0 cannot hold replaced.
  static func text(_ value: String) -> String { escape(value, inAttribute: false) }

  /// Lines of text content, each escaped as `text`, joined by real line breaks.
  static func lines(_ values: [String]) -> String { values.map(text).joined(separator: "\n") }

  /// An attribute value: as `text`, and quotes escaped.
  static func attribute(_ value: String) -> String { escape(value, inAttribute: true) }

  private static func escape(_ value: String, inAttribute: Bool) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where inAttribute: out += "&quot;"
      case "'" where inAttribute: out += "&apos;"
      case _ where VisibleText.needsEscape(scalar): out += VisibleText.escape(String(scalar))
      default: out.unicodeScalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return out
  }

  /// XML 1.0's `Char` production.
  private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
