import FoundationEssentials
import MemoryMap

/// `lint --baseline` and `--write-baseline`: a `Baseline` as a JSON file, keys sorted, one
/// entry per finding, so that a reviewer can read what was accepted.
enum BaselineFile {
  /// The file's layout; `schemaVersion` 1.
  struct Document: Codable {
    var findings: [Baseline.Entry]
    var schemaVersion: Int
    var tool: String
  }

  static func read(_ path: String) throws(InputError) -> Baseline {
    let bytes = try InputFile.read(path, limit: 256 << 20)
    guard let document = try? JSONDecoder().decode(Document.self, from: Data(bytes)),
      document.tool == ToolInfo.name
    else {
      throw InputError(file: path, problem: "not a memmap baseline (write one with --write-baseline)")
    }
    guard document.schemaVersion == 1 else {
      throw InputError(file: path, problem: "baseline schema \(document.schemaVersion) is newer than this memmap's (1)")
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
