/// The one XML escaper, for every renderer that writes XML or HTML (JUnit, SVG, the HTML page).
enum XML {
  /// Text content: `&`, `<`, `>` escaped, characters XML 1.0 cannot hold replaced.
  static func text(_ value: String) -> String { escape(value, inAttribute: false) }

  /// An attribute value: also quotes, and line breaks and tabs as character references (a
  /// parser would otherwise turn them into spaces).
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
      case "\n" where inAttribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t" where inAttribute: out += "&#9;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return out
  }

  /// XML 1.0's `Char` production (without the tab and line breaks handled above).
  private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
