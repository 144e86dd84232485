import FoundationEssentials
import MemoryMap

/// The inspect JSON document read back (only the keys a diff needs).
enum SavedInspectJSON {
  struct Document: Decodable {
    var file: String
    var kernel: String
    /// The banks, the regions, the findings and the totals, read by the records that wrote them.
    var memory: [MemoryBank]
    var reserved: [KernelRegion]
    var findings: [Finding]
    var summary: MemorySummary?
  }

  /// A decoding error in one line: where in the document, and what was wrong.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return String(describing: error) }
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
    @unknown default: return String(describing: error)
    }
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
  }

  static func snapshot(from bytes: [UInt8], file: String) -> Result<MapSnapshot, InputError> {
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: Data(bytes))
    } catch {
      return .failure(InputError(file: file, problem: "not an 'inspect --format json' document of one file (\(describe(error)))"))
    }
    return .success(MapSnapshot(
      file: document.file, kernel: document.kernel,
      memory: document.memory.map(\.range),
      regions: document.reserved, totals: document.summary ?? .zero,
      findings: document.findings))
  }
}
