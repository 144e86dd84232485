import DeviceTree
import FoundationEssentials
import MemoryMap

/// Why a baseline file cannot be used: one line naming it (exit 2).
struct BaselineError: Error, LocalizedError {
  var text: String
  var errorDescription: String? { text }
}

/// `lint --baseline` and `--write-baseline`: a `Baseline` as a JSON file, keys sorted, one
/// entry per finding, so that a reviewer can read what was accepted.
enum BaselineFile {
  /// The file's layout; `schemaVersion` 1.
  struct Document: Codable {
    var findings: [Baseline.Entry]
    var schemaVersion: Int
    var tool: String
  }

  static func read(_ path: String) throws(BaselineError) -> Baseline {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(path: path, limit: 256 << 20)
    } catch {
      throw BaselineError(text: "\(path): cannot read: \(ErrorText.reasonText(error.reason))")
    }
    guard let document = try? JSONDecoder().decode(Document.self, from: Data(bytes)),
      document.tool == ToolInfo.name
    else {
      throw BaselineError(text: "\(path): not a memmap baseline (write one with --write-baseline)")
    }
    guard document.schemaVersion == 1 else {
      throw BaselineError(text: "\(path): baseline schema \(document.schemaVersion) is newer than this memmap's (1)")
    }
    return Baseline(entries: document.findings)
  }

  static func text(_ baseline: Baseline) -> String {
    JSONRenderer.encode(Document(findings: baseline.entries, schemaVersion: 1, tool: ToolInfo.name))
  }

  static func write(_ baseline: Baseline, to path: String) throws(WriteError) {
    try OutputFile.replace(path, with: text(baseline))
  }

  /// How the baseline at `path` names an input: relative to the baseline's folder when the
  /// input is inside it (`arm/fvp.dtb`), else absolute; standard input stays `-`.
  static func key(for path: String) -> (String) -> String {
    let folder = Paths.folder(of: Paths.absolute(path))
    return { file in file == "-" ? file : Paths.relative(Paths.absolute(file), to: folder) }
  }
}
