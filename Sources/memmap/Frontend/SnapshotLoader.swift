import DeviceTree
import FoundationEssentials
import MemoryMap

/// Reads a diff input: a DTB (modelled now) or a saved `inspect --format json` document.
enum SnapshotLoader {
  static func load(_ path: String, options: MapOptions, input: InputSettings) -> Result<MapSnapshot, InputError> {
    let modelled = {
      ReportLoader.loadOne(path, options: options, input: input)
        .map(MapSnapshot.init).mapError(InputError.init)
    }
    // `image.itb:conf-1` names a FIT configuration, not a file to read.
    if InputLoader.imageOfBoard(path) != nil { return modelled() }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path, limit: DeviceTreeBlob.maximumSize)
    } catch {
      return .failure(error)
    }
    if bytes.first == UInt8(ascii: "{") || bytes.first == UInt8(ascii: "[") {
      return SavedInspectJSON.snapshot(from: bytes, file: path)
    }
    if path == "-" {
      // Standard input cannot be read twice; it is taken as a blob.
      do {
        let blob = try DeviceTreeBlob(bytes: bytes, file: path)
        return .success(MapSnapshot(try MapReport.make(blob, options: options)))
      } catch {
        return .failure(InputError(error))
      }
    }
    return modelled()
  }

  /// Every input's snapshot, in order; nil, after printing the first failure's line, when one
  /// cannot be used (diff and render compare nothing then).
  static func loadAll(_ paths: [String], run: RunSettings) throws(ConfigError) -> [MapSnapshot]? {
    try loadAll(paths, input: run.input) { (_, path) throws(ConfigError) in try run.mapOptions(for: path) }
  }

  /// Each input's snapshot under the options `options(index, path)` gives it, resolved just
  /// before it is read; nil as for `loadAll(_:run:)`.
  static func loadAll(_ paths: [String], input: InputSettings,
                      options: (Int, String) throws(ConfigError) -> MapOptions) throws(ConfigError)
    -> [MapSnapshot]?
  {
    var snapshots: [MapSnapshot] = []
    for (index, path) in paths.enumerated() {
      switch load(path, options: try options(index, path), input: input) {
      case .success(let snapshot): snapshots.append(snapshot)
      case .failure(let failure):
        Diagnostics.printError(failure.text)
        return nil
      }
    }
    return snapshots
  }
}

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
