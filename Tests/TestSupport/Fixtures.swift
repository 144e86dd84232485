import Foundation

/// Where the fixtures live and how tests read them.
public enum Fixtures {
  /// The repository's `Fixtures/` folder, found from this source file's location.
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Fixtures").path
  }()

  /// Compiled DTBs: the Makefile writes `Fixtures/<area>/<case>.dts` to `Fixtures/.dtb/<area>/<case>.dtb`.
  public static let dtbRoot: String = root + "/.dtb"

  /// The absolute path of `relative` under `Fixtures/`.
  public static func path(_ relative: String) -> String { root + "/" + relative }

  /// The compiled DTB of `Fixtures/<area>/<name>.dts`.
  public static func dtb(_ area: String, _ name: String) -> String {
    "\(dtbRoot)/\(area)/\(name).dtb"
  }

  /// The text of a fixture file.
  public static func text(_ relative: String) throws -> String {
    try String(contentsOfFile: path(relative), encoding: .utf8)
  }

  /// The bytes of a file.
  public static func bytes(atPath path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// File names in `Fixtures/<area>` ending in `suffix`, sorted, without the suffix.
  public static func names(in area: String, suffix: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: path(area))) ?? []
    return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
  }
}
