/// Serial captures: what a terminal program saves from a board's console, with U-Boot's and
/// Linux's output mixed, CRLF line ends and terminal escape sequences.
enum SerialText {
  /// The text's lines, cleaned. Swift reads CR LF as one character, so it is a line end too.
  static func lines(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map { clean($0) }
  }

  /// The line without carriage returns and without terminal escape sequences (`ESC [ ... X`,
  /// `ESC 7`, `ESC ( B` ...), which U-Boot prints before its first `efidebug memmap`.
  static func clean(_ line: Substring) -> String {
    guard line.contains(where: { $0 == "\r" || $0 == "\u{1b}" }) else { return String(line) }
    var out = ""
    var scalars = line.unicodeScalars.makeIterator()
    while let c = scalars.next() {
      switch c {
      case "\r": continue
      case "\u{1b}": skipEscape(&scalars)
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Consumes one escape sequence after its ESC: a CSI (`[`, parameters, one final byte in
  /// 0x40...0x7e), a character-set designation (`(`, `)` and one byte), or one byte.
  static func skipEscape(_ scalars: inout IndexingIterator<Substring.UnicodeScalarView>) {
    guard let first = scalars.next() else { return }
    switch first {
    case "[":
      while let c = scalars.next(), !(0x40...0x7e).contains(c.value) {}
    case "(", ")":
      _ = scalars.next()
    default:
      break
    }
  }

  /// True when the text is a console capture rather than a bare map: it has escape sequences,
  /// U-Boot's banner or prompt, or the kernel's `[    0.000000]` timestamps.
  static func isCapture(_ text: String, lines: [String]) -> Bool {
    if text.unicodeScalars.contains("\u{1b}") { return true }
    return lines.contains { $0.hasPrefix("U-Boot 20") || $0.hasPrefix("Hit any key") || isTimestamped($0) }
  }

  /// `[    1.234567] `: a kernel log line.
  static func isTimestamped(_ line: String) -> Bool {
    guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
    let stamp = line[line.index(after: line.startIndex)..<close]
    return !stamp.isEmpty && stamp.allSatisfy { $0 == " " || $0 == "." || $0.isNumber }
      && stamp.contains(".")
  }

  /// Every map in a capture, in file order: each `efidebug memmap` table (header, `=`
  /// underline, rows up to the first line that is not a row) and each run of Linux `efi:`
  /// descriptor lines. A line that has a map row's shape but does not parse is an error.
  static func maps(in lines: [String]) -> Result<[(EFIMapOrigin, [EFIDescriptor])], EFIMapParseError> {
    var out: [(EFIMapOrigin, [EFIDescriptor])] = []
    var i = 0
    while i < lines.count {
      let result: Result<(EFIMapOrigin, [EFIDescriptor], next: Int)?, EFIMapParseError>
      if isTableHeader(lines[i]) {
        result = table(lines, header: i)
      } else {
        result = linuxRun(lines, from: i)
      }
      switch result {
      case .failure(let error): return .failure(error)
      case .success(let found?):
        if !found.1.isEmpty { out.append((found.0, found.1)) }
        i = found.next
      case .success(nil):
        i += 1
      }
    }
    return .success(out)
  }

  static func isTableHeader(_ line: String) -> Bool {
    let words = line.split(separator: " ")
    return words.first == "Type" && words.contains("Start") && words.contains("End")
  }

  /// The table whose header is line `header`; its layout is the first one its first row
  /// parses in (HEAD's CamelCase names or v2025.01-v2026.07's upper-case ones).
  static func table(_ lines: [String], header: Int)
    -> Result<(EFIMapOrigin, [EFIDescriptor], next: Int)?, EFIMapParseError>
  {
    var i = header + 1
    while i < lines.count, lines[i].hasPrefix("="), lines[i].allSatisfy({ $0 == "=" || $0 == " " }) { i += 1 }
    var format: EFIMapFormat?
    var rows: [EFIDescriptor] = []
    while i < lines.count, hasRange(lines[i]) {
      let formats: [EFIMapFormat] = format.map { [$0] } ?? [.efidebug, .efidebugLegacy]
      var parsed: EFIDescriptor?
      var problem = "expected TYPE START-END [ATTRIBUTES]"
      for candidate in formats {
        switch EFIDebugLine.parse(lines[i], format: candidate) {
        case .descriptor(let d): (parsed, format) = (d, candidate)
        case .failure(let message): problem = message
        case .skip: break
        }
        if parsed != nil { break }
      }
      guard let parsed else { return .failure(EFIMapParseError(line: i + 1, message: problem)) }
      rows.append(parsed)
      i += 1
    }
    let origin = EFIMapOrigin(format: format ?? .efidebug, firstLine: header + 1, lastLine: i)
    return .success((origin, rows, i))
  }

  /// A line with `%016llx-%016llx` in it: the shape of an `efidebug memmap` row.
  static func hasRange(_ line: String) -> Bool {
    line.split(separator: " ").contains(where: EFIDebugLine.isRange)
  }

  /// The run of Linux `efi:` descriptor lines starting at `start`, if one starts there.
  static func linuxRun(_ lines: [String], from start: Int)
    -> Result<(EFIMapOrigin, [EFIDescriptor], next: Int)?, EFIMapParseError>
  {
    var format: EFIMapFormat?
    var rows: [EFIDescriptor] = []
    var i = start
    scan: while i < lines.count {
      for candidate in format.map({ [$0] }) ?? [.linuxDebug, .linuxX86] {
        switch LinuxEFILine.parse(lines[i], format: candidate) {
        case .descriptor(let d):
          rows.append(d)
          format = candidate
          i += 1
          continue scan
        case .failure(let message):
          return .failure(EFIMapParseError(line: i + 1, message: message))
        case .skip:
          continue
        }
      }
      break
    }
    guard let format else { return .success(nil) }
    return .success((EFIMapOrigin(format: format, firstLine: start + 1, lastLine: i), rows, i))
  }
}
