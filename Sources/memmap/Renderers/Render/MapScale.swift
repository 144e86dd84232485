import MemoryMap

/// The picture's segmented vertical scale: where each address lands, in whole pixels, with low
/// addresses at the top.
///
/// A linear scale would hide a 4 KiB region in a 16 GiB bank, so the drawn address space is
/// cut at every breakpoint (each bank and region boundary) into segments, and each segment
/// gets a height that grows with log2 of its size: `minimumSegment` for 4 KiB and below, then
/// `perDoubling` more for every doubling. A segment is never lower than the label lines of the
/// regions that start in it, so every region gets at least one text line. Addresses nothing
/// covers (the holes between banks) are not drawn: each run of drawn addresses is a bar, and
/// bars are separated by a fixed gap.
struct MapScale: Equatable {
  /// Sizes in pixels.
  struct Metrics: Equatable {
    /// The height of a segment of 4 KiB or less: one label line.
    var minimumSegment = 16
    /// What each doubling of a segment's size above 4 KiB adds.
    var perDoubling = 3
    /// The height of a label line.
    var line = 16
    /// The band above each bar for its caption.
    var header = 26
    /// The band between two bars.
    var gap = 30
  }

  /// A run of addresses between two consecutive breakpoints.
  struct Segment: Equatable {
    var range: AddressRange
    var top: Int
    var height: Int
    var bottom: Int { top + height }
  }

  /// A run of drawn addresses without holes: consecutive segments.
  struct Bar: Equatable {
    var range: AddressRange
    var segments: [Segment]
    var top: Int { segments.first?.top ?? 0 }
    var bottom: Int { segments.last?.bottom ?? 0 }
  }

  var metrics: Metrics
  var bars: [Bar]
  /// From the top of the first bar's header to the bottom of the last bar.
  var height: Int

  /// The scale over `ranges` (banks and regions, empty ones ignored). `labelled` holds, for each
  /// column of the picture, the ranges whose labels it shows: a segment is at least as high as
  /// the labels that start in it, in the column that has the most.
  init(ranges: [AddressRange], labelled: [[AddressRange]], metrics: Metrics = Metrics()) {
    self.metrics = metrics
    let demand = Self.labelDemand(labelled)
    let boundaries = Self.boundaries(ranges)
    var next = 0
    var y = 0
    bars = []
    for run in Self.runs(ranges) {
      y += (bars.isEmpty ? 0 : metrics.gap) + metrics.header
      // Runs and boundaries are both in address order: one pass over the boundaries in all.
      var cuts = [run.base]
      while next < boundaries.count && boundaries[next] <= run.base { next += 1 }
      while next < boundaries.count && boundaries[next] < run.saturatedEnd {
        cuts.append(boundaries[next])
        next += 1
      }
      cuts.append(run.saturatedEnd)
      var segments: [Segment] = []
      for (start, end) in zip(cuts, cuts.dropFirst()) {
        let range = AddressRange(start: start, end: end)!
        let height = max(Self.height(forSize: range.size, metrics: metrics), (demand[start] ?? 0) * metrics.line)
        segments.append(Segment(range: range, top: y, height: height))
        y += height
      }
      bars.append(Bar(range: run, segments: segments))
    }
    height = y
  }

  /// A segment's height before labels: grows by `perDoubling` for each doubling above 4 KiB.
  static func height(forSize size: UInt64, metrics: Metrics) -> Int {
    let log2 = 63 - size.leadingZeroBitCount
    return metrics.minimumSegment + metrics.perDoubling * max(0, log2 - 12)
  }

  /// The maximal runs of addresses covered by at least one range; touching ranges join.
  static func runs(_ ranges: [AddressRange]) -> [AddressRange] {
    var runs: [AddressRange] = []
    for range in ranges.filter({ !$0.isEmpty }).sorted() {
      if let last = runs.last, range.base <= last.saturatedEnd {
        runs[runs.count - 1] = AddressRange(start: last.base, end: max(last.saturatedEnd, range.saturatedEnd))!
      } else {
        runs.append(AddressRange(start: range.base, end: range.saturatedEnd)!)
      }
    }
    return runs
  }

  /// Every boundary of the non-empty ranges, sorted and unique.
  static func boundaries(_ ranges: [AddressRange]) -> [UInt64] {
    var cuts: [UInt64] = []
    cuts.reserveCapacity(2 * ranges.count)
    for range in ranges where !range.isEmpty { cuts += [range.base, range.saturatedEnd] }
    cuts.sort()
    var unique: [UInt64] = []
    for cut in cuts where unique.last != cut { unique.append(cut) }
    return unique
  }

  /// For each address, the most labels that start there in any one column.
  static func labelDemand(_ columns: [[AddressRange]]) -> [UInt64: Int] {
    var demand: [UInt64: Int] = [:]
    for column in columns {
      var counts: [UInt64: Int] = [:]
      for range in column where !range.isEmpty { counts[range.base, default: 0] += 1 }
      demand.merge(counts) { max($0, $1) }
    }
    return demand
  }

  /// The y of `address`: the top edge of the byte at `address`, or the bottom of the bar it ends.
  /// Inside a segment, addresses are spread linearly. nil for an address no bar holds.
  /// Bars and segments are in address order: both are found by binary search.
  func y(_ address: UInt64) -> Int? {
    let b = Self.firstIndex(in: bars) { $0.range.saturatedEnd >= address }
    guard b < bars.count else { return nil }
    let bar = bars[b]
    if address == bar.range.saturatedEnd { return bar.bottom }
    guard bar.range.contains(address) else { return nil }
    let s = Self.firstIndex(in: bar.segments) { $0.range.saturatedEnd > address }
    guard s < bar.segments.count, bar.segments[s].range.contains(address) else { return nil }
    let segment = bar.segments[s]
    let offset = address - segment.range.base
    let product = offset.multipliedFullWidth(by: UInt64(segment.height))
    return segment.top + Int(segment.range.size.dividingFullWidth(product).quotient)
  }

  /// The first index whose element satisfies `isAtOrPast`, which is false and then true
  /// along `elements` (`elements.count` when it never holds).
  static func firstIndex<T>(in elements: [T], where isAtOrPast: (T) -> Bool) -> Int {
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      if isAtOrPast(elements[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The top and bottom of a range; nil when it is empty or not on the scale.
  func span(_ range: AddressRange) -> (top: Int, bottom: Int)? {
    guard !range.isEmpty, let top = y(range.base), let bottom = y(range.saturatedEnd) else { return nil }
    return (top, bottom)
  }
}
