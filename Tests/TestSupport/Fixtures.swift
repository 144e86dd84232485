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
  ///
  /// A parameterised test over no fixtures would pass without testing anything, so a missing
  /// folder, or one with no matching file, yields a single name that says so: the test that
  /// opens it fails and names the problem.
  public static func names(in area: String, suffix: String) -> [String] {
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: path(area)) else {
      return ["<missing folder Fixtures/\(area)>"]
    }
    let names = files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }
    return names.isEmpty ? ["<no *\(suffix) in Fixtures/\(area)>"] : names.sorted()
  }
}
