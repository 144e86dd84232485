import DeviceTree
import FoundationEssentials
import MemoryMap

/// Why `--efi-map` could not be used; printed as one `memmap: error:` line (exit 2).
struct EFIMapLoadError: Error, LocalizedError {
  var text: String
  var errorDescription: String? { text }
}

/// Reads the `--efi-map` file; the parsing itself is the model's (`EFIMapParser`).
enum EFIMapLoader {
  /// Boot logs with `efi=debug` are large, but not this large.
  static let sizeLimit = 64 << 20

  /// The map in `path`, or an error naming the file and, for bad content, the first bad line
  /// (`FILE:LINE: message`).
  static func load(_ path: String) throws(EFIMapLoadError) -> EFIFirmwareMap {
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(path: path, limit: sizeLimit)
    } catch {
      throw EFIMapLoadError(text: "\(path): cannot read: \(ErrorText.reasonText(error.reason))")
    }
    switch EFIMapParser.parse(String(decoding: bytes, as: UTF8.self), file: path) {
    case .success(let map): return map
    case .failure(let problem): throw EFIMapLoadError(text: "\(path):\(problem.line): \(problem.message)")
    }
  }
}
