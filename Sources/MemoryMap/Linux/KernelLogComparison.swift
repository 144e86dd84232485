/// A real boot log's reserved-memory lines compared with a prediction.
public struct KernelLogComparison: Sendable, Equatable {
  /// One line of the comparison: in both, only predicted, or only in the log.
  public enum Line: Sendable, Equatable {
    case same(String)
    case predictedOnly(String)
    case loggedOnly(String)
  }

  public var lines: [Line]

  public var agrees: Bool { lines.allSatisfy { if case .same = $0 { return true } else { return false } } }

  /// The prefixes of the lines about reserved memory, as the spec's grep selects them.
  public static let prefixes = ["OF: reserved mem:", "Reserved memory:", "OF: fdt: Reserved memory:"]

  /// The reserved-memory lines of raw `dmesg` text, timestamps (`[    0.000000] `) and
  /// syslog levels (`<6>`) stripped, in order. Only the lines after the last `Linux version`
  /// line count: a console capture followed by a `dmesg` copy holds the boot twice.
  public static func relevantLines(ofLog text: String) -> [String] {
    var out: [String] = []
    // Split on any line break: in Swift "\r\n" is one Character, which a split on "\n" misses.
    for raw in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      if raw.contains("Linux version ") { out.removeAll() }
      var line = raw
      line = line.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("<"), let close = line.firstIndex(of: ">"), line.distance(from: line.startIndex, to: close) <= 4 {
        line = line[line.index(after: close)...]
      }
      if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
        line = line[line.index(after: close)...].drop { $0 == " " }
      }
      if prefixes.contains(where: { line.hasPrefix($0) }) { out.append(String(line)) }
    }
    return out
  }

  /// Aligns the two sequences with a longest common subsequence, so that a missing or extra
  /// line shows as one difference rather than shifting everything after it.
  ///
  /// With `regionLinesSorted` (kernels 6.3 to 6.12.12, which print the region lines after
  /// sorting the table) the region lines of both sides are put in address order first, so that
  /// order alone is no difference.
  public static func compare(predicted: [String], logged: [String], regionLinesSorted: Bool = false)
    -> KernelLogComparison
  {
    guard !regionLinesSorted else {
      return compare(predicted: sortingRegionLines(predicted), logged: sortingRegionLines(logged))
    }
    let n = predicted.count
    let m = logged.count
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] = predicted[i] == logged[j]
          ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var lines: [Line] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && predicted[i] == logged[j] {
        lines.append(.same(predicted[i])); i += 1; j += 1
      } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
        lines.append(.loggedOnly(logged[j])); j += 1
      } else {
        lines.append(.predictedOnly(predicted[i])); i += 1
      }
    }
    return KernelLogComparison(lines: lines)
  }

  /// The `%pa..%pa (%lu KiB) ...` region lines put in address order, in the places region
  /// lines hold; other lines stay where they are. The addresses are zero-padded hex of one
  /// width, so text order is address order.
  static func sortingRegionLines(_ lines: [String]) -> [String] {
    let isRegionLine = { (line: String) in line.hasPrefix("OF: reserved mem: 0x") }
    var sorted = lines.filter(isRegionLine).sorted().makeIterator()
    return lines.map { isRegionLine($0) ? sorted.next()! : $0 }
  }
}
