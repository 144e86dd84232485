import MemoryMap

/// Reads an LMB script (docs/lmb-script.md) for `memmap lmb`; the language itself is the
/// model's (`LMBScript.parse`).
enum LMBScriptFile {
  /// The largest script read (far more than any hand-written one).
  static let sizeLimit = 16 << 20

  /// Reads and parses the script at `path` ("-" is standard input, named `<stdin>`).
  static func read(_ path: String) -> Result<LMBScript, InputError> {
    let name = path == "-" ? "<stdin>" : path
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path, limit: sizeLimit, name: name, kind: "a script")
    } catch {
      return .failure(error)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(InputError(file: name, problem: "not UTF-8 text"))
    }
    return parse(text, file: name)
  }

  /// Parses a script's text; `file` names it in errors, with the line the parser refused.
  static func parse(_ text: String, file: String) -> Result<LMBScript, InputError> {
    LMBScript.parse(text).mapError {
      InputError(file: file, line: $0.line, problem: LMBScriptRenderer.describe($0.reason))
    }
  }
}
