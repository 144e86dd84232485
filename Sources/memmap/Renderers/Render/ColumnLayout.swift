import MemoryMap

/// Where one map's blocks, labels and free runs go on a scale: the geometry of one column of the
/// picture, before any SVG is written.
struct ColumnLayout: Equatable {
  /// A drawn region: its vertical extent and its lane among regions that overlap it.
  struct PlacedBlock: Equatable {
    /// Index into the picture's blocks.
    var index: Int
    var top: Int
    var bottom: Int
    /// 0 for the first lane; a region that shares addresses with an earlier one gets a later
    /// lane, drawn indented on top of it.
    var lane: Int
    /// How many lanes the overlapping group needs (1 when the region overlaps nothing).
    var lanes: Int
    /// The y of the label's centre line, in the label column.
    var labelY: Int
  }

  /// A part of a bar that no region holds: free RAM, or addresses outside every bank.
  struct Hole: Equatable {
    var range: AddressRange
    var top: Int
    var bottom: Int
    var isRAM: Bool
    /// False when a region that holds no memory (disabled, failed) is drawn over it: the
    /// hole's colour shows, its words would be hidden.
    var isLabelled: Bool
  }

  var blocks: [PlacedBlock]
  var holes: [Hole]

  init(_ picture: MapPicture, scale: MapScale) {
    var placed: [PlacedBlock] = []
    for (index, block) in picture.blocks.enumerated() {
      guard let range = block.drawnRange, let span = scale.span(range) else { continue }
      placed.append(PlacedBlock(index: index, top: span.top, bottom: span.bottom, lane: 0, lanes: 1, labelY: 0))
    }
    Self.assignLanes(&placed, ranges: placed.map { picture.blocks[$0.index].drawnRange! })
    let labels = LabelPlacement.place(
      desired: placed.map { ($0.top + $0.bottom) / 2 }, line: scale.metrics.line,
      top: scale.bars.first?.top ?? 0, bottom: scale.height)
    for i in placed.indices { placed[i].labelY = labels[i] }
    blocks = placed
    holes = Self.holes(picture, scale: scale)
  }

  /// Gives each block a lane: regions sorted by base (larger first on ties) take the first lane
  /// free at their base; every block of a group of mutually reachable overlaps gets the group's
  /// lane count, so a region that overlaps nothing keeps the full width.
  static func assignLanes(_ blocks: inout [PlacedBlock], ranges: [AddressRange]) {
    let order = blocks.indices.sorted {
      (ranges[$0].base, UInt64.max - ranges[$0].size, $0) < (ranges[$1].base, UInt64.max - ranges[$1].size, $1)
    }
    var group: [Int] = []
    var laneEnds: [UInt64] = []
    var groupEnd: UInt64 = 0
    func closeGroup() {
      for i in group { blocks[i].lanes = max(1, laneEnds.count) }
      group = []
      laneEnds = []
    }
    for i in order {
      let range = ranges[i]
      if !group.isEmpty && range.base >= groupEnd { closeGroup() }
      let lane = laneEnds.firstIndex { $0 <= range.base } ?? laneEnds.count
      if lane == laneEnds.count { laneEnds.append(0) }
      laneEnds[lane] = range.saturatedEnd
      blocks[i].lane = lane
      group.append(i)
      groupEnd = group.count == 1 ? range.saturatedEnd : max(groupEnd, range.saturatedEnd)
    }
    closeGroup()
  }

  /// The segments no region holds (none drawn over them, or only ones that hold no memory),
  /// joined while they stay on the same side of a bank boundary and equally covered. Segments
  /// are cut at every range boundary, so each lies wholly inside or outside each range: which
  /// ranges cover it is answered by binary search in their merged runs.
  static func holes(_ picture: MapPicture, scale: MapScale) -> [Hole] {
    let drawn = MapScale.runs(picture.blocks.compactMap(\.drawnRange))
    let holding = MapScale.runs(picture.blocks.filter(\.active).compactMap(\.drawnRange))
    let ram = MapScale.runs(picture.banks.map(\.range))
    let bankStarts = Set(picture.banks.map(\.range.base))
    var holes: [Hole] = []
    for bar in scale.bars {
      for segment in bar.segments where !covered(segment.range, by: holding) {
        let isRAM = covered(segment.range, by: ram)
        let isLabelled = !covered(segment.range, by: drawn)
        if let last = holes.last, last.range.saturatedEnd == segment.range.base, last.isRAM == isRAM,
          last.isLabelled == isLabelled, !bankStarts.contains(segment.range.base)
        {
          holes[holes.count - 1].range = AddressRange(start: last.range.base, end: segment.range.saturatedEnd)!
          holes[holes.count - 1].bottom = segment.bottom
        } else {
          holes.append(Hole(range: segment.range, top: segment.top, bottom: segment.bottom, isRAM: isRAM,
                            isLabelled: isLabelled))
        }
      }
    }
    return holes
  }

  /// Whether sorted, disjoint `runs` overlap `range`.
  static func covered(_ range: AddressRange, by runs: [AddressRange]) -> Bool {
    let i = MapScale.firstIndex(in: runs) { $0.saturatedEnd > range.base }
    return i < runs.count && runs[i].overlaps(range)
  }
}
