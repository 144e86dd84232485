/// The text layouts `--efi-map` accepts.
public enum EFIMapFormat: String, Hashable, Sendable {
  /// Linux `efi=debug` on arm64, riscv, ARM: `efi:   0x...-0x... [Type|attrs]`, end inclusive.
  case linuxDebug = "linux efi=debug"
  /// Linux `efi=debug` on x86: `efi: memNN: [Type|attrs] range=[0x...-0x...]` (`)` = exclusive).
  case linuxX86 = "linux x86 efi=debug"
  /// U-Boot HEAD `efidebug memmap`: CamelCase types, 23-wide column, end exclusive.
  case efidebug = "efidebug memmap"
  /// U-Boot v2025.01 to v2026.07 `efidebug memmap` / `efi mem`: upper-case types, 16 wide.
  case efidebugLegacy = "efidebug memmap (v2025.01-v2026.07)"
}

/// A firmware EFI memory map read from a file.
public struct EFIFirmwareMap: Hashable, Sendable {
  public var file: String
  public var format: EFIMapFormat
  /// In the file's order.
  public var descriptors: [EFIDescriptor]
  /// Which map of the file this is, when the file held more than a bare map: its format and
  /// 1-based first and last lines.
  public var origin: EFIMapOrigin?
  /// The other maps the file held, in file order (a serial log of U-Boot and Linux).
  public var othersFound: [EFIMapOrigin]

  public init(file: String, format: EFIMapFormat, descriptors: [EFIDescriptor],
              origin: EFIMapOrigin? = nil, othersFound: [EFIMapOrigin] = []) {
    self.file = file
    self.format = format
    self.descriptors = descriptors
    self.origin = origin
    self.othersFound = othersFound
  }
}

/// Where in a file one EFI map was found.
public struct EFIMapOrigin: Hashable, Sendable {
  public var format: EFIMapFormat
  public var firstLine: Int
  public var lastLine: Int
}

/// Why a map file was refused: the 1-based line and what is wrong with it.
public struct EFIMapParseError: Error, Hashable, Sendable {
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
}

/// Reads an EFI memory map from text: a Linux boot log with `efi=debug`, U-Boot's
/// `efidebug memmap` output, or a raw serial capture holding several of them. Pure: text in,
/// descriptors or the first failing line out.
public enum EFIMapParser {
  /// A bare map (every line is part of it, or the first bad line is an error), or a serial
  /// capture: CR line ends and terminal escapes removed, every `efidebug memmap` table and the
  /// kernel's `efi:` map found; the map used is the kernel's (what the OS received), else the
  /// last table (after `bootefi`, the carve-out included).
  public static func parse(_ text: String, file: String) -> Result<EFIFirmwareMap, EFIMapParseError> {
    let lines = SerialText.lines(text)
    guard SerialText.isCapture(text, lines: lines) else { return parseBare(lines, file: file) }
    let maps: [(EFIMapOrigin, [EFIDescriptor])]
    switch SerialText.maps(in: lines) {
    case .failure(let error): return .failure(error)
    case .success(let found): maps = found
    }
    guard let chosen = maps.lastIndex(where: { $0.0.format == .linuxDebug || $0.0.format == .linuxX86 })
      ?? maps.indices.last
    else {
      return .failure(EFIMapParseError(line: 1, message:
        "no EFI memory map in this capture (expected an `efidebug memmap` table or Linux `efi:` lines from an efi=debug boot)"))
    }
    var others = maps.map(\.0)
    others.remove(at: chosen)
    return .success(EFIFirmwareMap(file: file, format: maps[chosen].0.format, descriptors: maps[chosen].1,
                                   origin: maps[chosen].0, othersFound: others))
  }

  /// A file that is only a map: every non-blank line must belong to it.
  static func parseBare(_ lines: [String], file: String) -> Result<EFIFirmwareMap, EFIMapParseError> {
    guard let format = detect(lines) else {
      let first = lines.firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
      return .failure(EFIMapParseError(line: first + 1, message:
        "not an EFI memory map (expected `efidebug memmap` output or Linux `efi:` lines from an efi=debug boot)"))
    }
    var descriptors: [EFIDescriptor] = []
    for (index, line) in lines.enumerated() {
      switch parseLine(line, format: format) {
      case .skip: continue
      case .descriptor(let d): descriptors.append(d)
      case .failure(let message): return .failure(EFIMapParseError(line: index + 1, message: message))
      }
    }
    return .success(EFIFirmwareMap(file: file, format: format, descriptors: descriptors))
  }

  enum LineResult {
    case skip
    case descriptor(EFIDescriptor)
    case failure(String)
  }

  /// The format of the first line that parses as a descriptor in any layout.
  static func detect(_ lines: [String]) -> EFIMapFormat? {
    let formats: [EFIMapFormat] = [.linuxDebug, .linuxX86, .efidebug, .efidebugLegacy]
    for line in lines {
      for format in formats {
        if case .descriptor = parseLine(line, format: format) { return format }
      }
    }
    return nil
  }

  static func parseLine(_ line: String, format: EFIMapFormat) -> LineResult {
    switch format {
    case .linuxDebug, .linuxX86: return LinuxEFILine.parse(line, format: format)
    case .efidebug, .efidebugLegacy: return EFIDebugLine.parse(line, format: format)
    }
  }

  /// A descriptor from an address range; nil unless it is whole 4 KiB pages.
  static func descriptor(_ type: EFIMemoryType, start: UInt64, exclusiveEnd: UInt64,
                         attributes: EFIAttributes) -> EFIDescriptor? {
    guard exclusiveEnd > start, start & 0xfff == 0, (exclusiveEnd &- start) & 0xfff == 0 else { return nil }
    return EFIDescriptor(type: type, start: start, pages: (exclusiveEnd &- start) >> 12, attributes: attributes)
  }

}
