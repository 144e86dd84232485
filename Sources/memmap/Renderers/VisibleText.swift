/// The one escaper of untrusted text for people: node names, `compatible` strings, file names,
/// log and script lines, saved-JSON values, on their way to a terminal, a CI log or Markdown.
///
/// Bytes from a tree are chosen by whoever wrote it. Raw, an ESC starts a terminal sequence
/// (clear the screen, an OSC 8 link), a line break starts a line that GitHub Actions runs as a
/// workflow command (`::error file=...`), and a right-to-left override reorders what is shown.
/// Each such character is written visibly instead, in Swift's escape notation: `\n`, `\r`,
/// `\t`, `\x1b` for the other C0 controls and DEL, `\u{85}` for C1 controls and the invisible
/// format characters (bidirectional overrides and isolates, zero-width characters, line and
/// paragraph separators). Everything else passes unchanged; invalid UTF-8 was already decoded
/// as U+FFFD when the tree was read.
enum VisibleText {
  /// `text` with every control and invisible format character written visibly.
  static func escape(_ text: String) -> String {
    // Printable ASCII, nearly every name, needs no look at its scalars.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  /// Whether `scalar` must not reach a reader as it is.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    // Arabic letter mark; zero-width space, joiners and the LRM/RLM marks; line and paragraph
    // separators; LRE, RLE, PDF, LRO, RLO; word joiner and invisible operators; LRI, RLI,
    // FSI, PDI and the deprecated format characters; the byte-order mark.
    case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF: return true
    default: return false
    }
  }

  /// The visible spelling of one scalar that `needsEscape`.
  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default:
      let hex = String(scalar.value, radix: 16)
      return scalar.value <= 0x7F ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
    }
  }
}
