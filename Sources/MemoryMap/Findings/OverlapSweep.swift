/// Which ranges overlap which, with a bounded answer: for each range, in order of base, the
/// ranges before it that it overlaps, the first `limit` of them named and all of them counted.
///
/// Ten thousand regions at one address overlap in fifty million pairs; listing them is what
/// made a 520 KB tree take 2 GB. Here the work is O(n log n) for the sort plus O(n × limit)
/// for the names: ranges still open are found by a walk over the positions in base order
/// that skips closed ones (union-find with path compression), and counted by one pointer over
/// the positions in end order.
struct OverlapSweep {
  /// One range's overlaps with the ranges before it in base order.
  struct Step {
    /// The range, as an index into the input.
    var index: Int
    /// Up to `limit` earlier ranges of other groups that it overlaps, in base order.
    var named: [Int]
    /// How many earlier ranges of other groups it overlaps, named or not.
    var total: Int
  }

  /// Steps for the non-empty `ranges`, ordered by (base, size, index). Ranges of the same
  /// group (entries of one node, descriptors of one type) are not paired. Once `totalLimit`
  /// partners have been named in all, later steps only count theirs.
  static func steps(_ ranges: [AddressRange], groups: [Int], limit: Int, totalLimit: Int = .max) -> [Step] {
    let order = ranges.indices.filter { !ranges[$0].isEmpty }.sorted {
      (ranges[$0].base, ranges[$0].size, $0) < (ranges[$1].base, ranges[$1].size, $1)
    }
    // Positions in order of end: a range whose end is at or below a base is closed for every
    // later base, and its position is always an earlier one (its base is below its end).
    let byEnd = order.indices.sorted { ranges[order[$0]].saturatedEnd < ranges[order[$1]].saturatedEnd }
    var open = OpenPositions(count: order.count)
    var openPerGroup: [Int: Int] = [:]
    var openCount = 0
    var closing = 0
    var namedSoFar = 0
    var steps: [Step] = []
    steps.reserveCapacity(order.count)
    for (position, index) in order.enumerated() {
      let base = ranges[index].base
      while closing < byEnd.count, ranges[order[byEnd[closing]]].saturatedEnd <= base {
        open.close(byEnd[closing])
        openPerGroup[groups[order[byEnd[closing]]], default: 0] -= 1
        openCount -= 1
        closing += 1
      }
      let group = groups[index]
      var named: [Int] = []
      var candidate = open.first(from: 0)
      var skipped = 0
      let allowed = min(limit, totalLimit - namedSoFar)
      // Same-group ranges are stepped over, a bounded number of them per step.
      while candidate < position, named.count < allowed, skipped <= 4 * limit {
        if groups[order[candidate]] == group { skipped += 1 } else { named.append(order[candidate]) }
        candidate = open.first(from: candidate + 1)
      }
      namedSoFar += named.count
      steps.append(Step(index: index, named: named, total: openCount - openPerGroup[group, default: 0]))
      openPerGroup[group, default: 0] += 1
      openCount += 1
    }
    return steps
  }
}

/// Positions `0..<count`, each open until closed: the first open one from a position, in
/// near-constant amortised time.
private struct OpenPositions {
  /// `next[p] == p` while p is open; a closed p points further on (path-compressed).
  private var next: [Int]

  init(count: Int) { next = Array(0...count) }

  mutating func close(_ position: Int) { next[position] = position + 1 }

  /// The first open position at or after `position` (`count` when there is none).
  mutating func first(from position: Int) -> Int {
    var root = position
    while next[root] != root { root = next[root] }
    var p = position
    while next[p] != root {
      let following = next[p]
      next[p] = root
      p = following
    }
    return root
  }
}

extension OverlapSweep {
  /// The positions in `ranges` that overlap a range of another group, from the sweep's `steps`
  /// over them: a range overlaps an earlier one when its step counts any, and a later one when
  /// the first range of another group after it in base order starts before it ends (every
  /// range between is of its own group, and any later one starts no earlier). O(n).
  static func overlapping(_ steps: [Step], ranges: [AddressRange], groups: [Int]) -> [Int] {
    var out: [Int] = []
    var nextOther = steps.count
    for k in steps.indices.reversed() {
      let index = steps[k].index
      if k + 1 < steps.count, groups[steps[k + 1].index] != groups[index] { nextOther = k + 1 }
      let laterOverlaps = nextOther < steps.count
        && ranges[steps[nextOther].index].base < ranges[index].saturatedEnd
      if steps[k].total > 0 || laterOverlaps { out.append(index) }
    }
    return out
  }
}
