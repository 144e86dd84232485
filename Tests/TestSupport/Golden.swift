import Foundation

/// Compares output with a golden file beside its fixture.
///
/// `MEMMAP_RECORD=1` rewrites the golden file and still reports a failure, so that a recording
/// never passes silently.
public enum Golden {
  /// nil when `actual` equals the golden file; otherwise a message with a line diff.
  public static func mismatch(_ actual: String, golden relative: String) -> String? {
    let path = Fixtures.path(relative)
    if ProcessInfo.processInfo.environment["MEMMAP_RECORD"] == "1" {
      try? actual.write(toFile: path, atomically: true, encoding: .utf8)
      return "recorded \(relative); run again without MEMMAP_RECORD"
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      return "missing golden file \(relative) (record it with MEMMAP_RECORD=1)"
    }
    if expected == actual { return nil }
    return "\(relative) differs:\n" + lineDiff(expected: expected, actual: actual)
  }

  /// A short unified-style listing of the lines that differ.
  public static func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
      let left = i < e.count ? String(e[i]) : nil
      let right = i < a.count ? String(a[i]) : nil
      if left != right {
        if let left { out.append("  line \(i + 1) - \(left)") }
        if let right { out.append("  line \(i + 1) + \(right)") }
      }
      if out.count > 40 {
        out.append("  ...")
        break
      }
    }
    return out.joined(separator: "\n")
  }
}
