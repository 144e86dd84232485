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

  public init(file: String, format: EFIMapFormat, descriptors: [EFIDescriptor]) {
    self.file = file
    self.format = format
    self.descriptors = descriptors
  }
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

/// Reads an EFI memory map from text: a Linux boot log with `efi=debug`, or U-Boot's
/// `efidebug memmap` output. Pure: text in, descriptors or the first failing line out.
public enum EFIMapParser {
  public static func parse(_ text: String, file: String) -> Result<EFIFirmwareMap, EFIMapParseError> {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
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
