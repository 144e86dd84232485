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

  /// A short unified-style listing of the lines that differ: lines only in the golden file
  /// start with `-`, lines only in the output with `+`, each with its line number on its side,
  /// so one inserted line shows as one insertion rather than as every following line changed.
  public static func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [String] = []
    for edit in edits(e, a) {
      switch edit {
      case .removed(let line): out.append("  line \(line + 1) - \(e[line])")
      case .inserted(let line): out.append("  line \(line + 1) + \(a[line])")
      }
      if out.count > 40 {
        out.append("  ...")
        break
      }
    }
    return out.joined(separator: "\n")
  }

  /// One line of a line diff: its index in the golden file or in the output.
  enum Edit: Equatable {
    case removed(Int)
    case inserted(Int)
  }

  /// The edits that turn `e` into `a`, from a longest common subsequence of the lines after
  /// their common prefix and suffix (goldens differ in a few places, so what is left is small;
  /// past 4 million cells the remainder is listed as removed and inserted wholesale).
  static func edits(_ e: [String], _ a: [String]) -> [Edit] {
    var prefix = 0
    while prefix < e.count, prefix < a.count, e[prefix] == a[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < e.count - prefix, suffix < a.count - prefix,
      e[e.count - 1 - suffix] == a[a.count - 1 - suffix]
    { suffix += 1 }
    let es = Array(prefix..<(e.count - suffix)), as_ = Array(prefix..<(a.count - suffix))
    guard es.count * as_.count <= 4_000_000 else {
      return es.map(Edit.removed) + as_.map(Edit.inserted)
    }
    // lcs[i][j]: length of the longest common subsequence of es[i...] and as_[j...].
    var lcs = Array(repeating: Array(repeating: 0, count: as_.count + 1), count: es.count + 1)
    for i in stride(from: es.count - 1, through: 0, by: -1) {
      for j in stride(from: as_.count - 1, through: 0, by: -1) {
        lcs[i][j] = e[es[i]] == a[as_[j]] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var result: [Edit] = []
    var i = 0, j = 0
    while i < es.count || j < as_.count {
      if i < es.count, j < as_.count, e[es[i]] == a[as_[j]] {
        i += 1
        j += 1
      } else if i < es.count, j == as_.count || lcs[i + 1][j] >= lcs[i][j + 1] {
        result.append(.removed(es[i]))
        i += 1
      } else {
        result.append(.inserted(as_[j]))
        j += 1
      }
    }
    return result
  }
}
