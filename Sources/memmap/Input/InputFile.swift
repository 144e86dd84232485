import DeviceTree

/// Reads an input that is not a device tree (a log, a script, a map, a document) whole.
enum InputFile {
  /// The bytes of `path` ("-" is standard input), at most `limit`; errors name the file
  /// `name` (default `path`) and say `cannot read: ...`, or for a file too large, with
  /// `kind` given, `larger than 16 MiB, the most memmap reads as a script`.
  static func read(_ path: String, limit: Int, name: String? = nil, kind: String? = nil)
    throws(InputError) -> [UInt8]
  {
    do {
      return try FileBytes.read(path: path, limit: limit)
    } catch {
      if case .tooLarge = error.reason, let kind {
        throw InputError(file: name ?? path, problem: reason(error.reason) + " as " + kind)
      }
      throw InputError(file: name ?? path, problem: "cannot read: " + reason(error.reason))
    }
  }

  /// The text of `path`, invalid UTF-8 replaced (logs carry stray bytes).
  static func text(_ path: String, limit: Int) throws(InputError) -> String {
    String(decoding: try read(path, limit: limit), as: UTF8.self)
  }

  /// Why the read failed: the C library's words, or the size limit.
  static func reason(_ reason: FileBytes.Failure.Reason) -> String {
    switch reason {
    case .unreadable(let text): return text
    case .tooLarge(let limit): return "larger than \(Formatting.humanSize(UInt64(limit))), the most memmap reads"
    }
  }
}
