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
      // Standard input cannot be read twice: the tree is read from the bytes already taken.
      let trees = InputLoader.load(contents: (FileBytes.words(of: bytes), bytes.count), name: path, settings: input)
      return ReportLoader.one(of: ReportLoader.reports(of: trees, options: options), path: path)
        .map(MapSnapshot.init).mapError(InputError.init)
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
