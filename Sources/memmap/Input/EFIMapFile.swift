import MemoryMap

/// Reads the `--efi-map` file; the parsing itself is the model's (`EFIMapParser`).
enum EFIMapFile {
  /// Boot logs with `efi=debug` are large, but not this large.
  static let sizeLimit = 64 << 20

  /// The map in `path`, or an error naming the file and, for bad content, the first bad line
  /// (`FILE:LINE: message`).
  static func load(_ path: String) throws(InputError) -> EFIFirmwareMap {
    switch EFIMapParser.parse(try InputFile.text(path, limit: sizeLimit), file: path) {
    case .success(let map): return map
    case .failure(let problem): throw InputError(file: path, line: problem.line, problem: problem.message)
    }
  }

  /// Which map of a capture `--efi-map` uses, for a run note: `FILE: using the linux efi=debug
  /// map at lines 40-61, the map the kernel received; also found: efidebug memmap table at ...`.
  static func originNote(_ path: String, origin: EFIMapOrigin, map: EFIFirmwareMap) -> String {
    func describe(_ o: EFIMapOrigin) -> String {
      let kind = o.format == .linuxDebug || o.format == .linuxX86 ? "map" : "table"
      return "\(o.format.rawValue) \(kind) at lines \(o.firstLine)-\(o.lastLine)"
    }
    let why = origin.format == .linuxDebug || origin.format == .linuxX86
      ? "the map the kernel received" : "the last table the capture holds"
    var text = "\(VisibleText.escape(path)): using the \(describe(origin)), \(why)"
    if !map.othersFound.isEmpty { text += "; also found: " + map.othersFound.map(describe).joined(separator: ", ") }
    return text
  }
}
