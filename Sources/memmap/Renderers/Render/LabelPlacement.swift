/// Places one label line per region in a column beside the bars so that no two overlap.
enum LabelPlacement {
  /// Label centre lines as close to `desired` as the spacing allows: a pass down pushes each
  /// label below the one before, a pass up pulls them back above `bottom`. When
  /// `bottom - top` holds all the lines, every label stays inside and none overlap.
  static func place(desired: [Int], line: Int, top: Int, bottom: Int) -> [Int] {
    let order = desired.indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
    var y = [Int](repeating: 0, count: desired.count)
    var previous = Int.min
    for i in order {
      let lowest = previous == Int.min ? top + line / 2 : previous + line
      y[i] = max(desired[i], lowest)
      previous = y[i]
    }
    var next = Int.max
    for i in order.reversed() {
      let highest = next == Int.max ? bottom - (line - line / 2) : next - line
      y[i] = min(y[i], highest)
      next = y[i]
    }
    return y
  }
}
