import MemoryMap

/// The SVG of one map's column: bar captions, gaps, address ticks, free and non-RAM runs,
/// region blocks with their labels, then the unplaced regions and the totals.
struct SVGColumn {
  var picture: MapPicture
  var scale: MapScale
  var geometry: ColumnGeometry
  /// The y of the scale's 0.
  var top: Int
  /// Prefix of element ids, so that two columns never share one.
  var columnIndex: Int

  init(picture: MapPicture, scale: MapScale, geometry: ColumnGeometry, top: Int, columnIndex: Int) {
    self.picture = picture
    self.scale = scale
    self.geometry = geometry
    self.top = top
    self.columnIndex = columnIndex
  }

  /// The lines under the bars: regions with no place, then the totals.
  static func footerLines(_ picture: MapPicture) -> [String] {
    let unplaced = picture.blocks.filter { $0.drawnRange == nil }.map { block in
      "not placed: " + labelText(block)
    }
    return unplaced + ["Summary: " + picture.totals]
  }

  /// The bottom of what the column draws.
  var bottom: Int { top + scale.height + 14 + 16 * Self.footerLines(picture).count }

  func render() -> String {
    let layout = ColumnLayout(picture, scale: scale)
    var out = "<g class=\"column\" id=\"column-\(columnIndex)\">\n"
    if scale.bars.isEmpty {
      out += SVGRenderer.text("nothing to draw: no RAM and no placed region", x: geometry.x, y: top + 12, size: 12)
    }
    out += bars()
    out += layout.holes.map(hole).joined()
    out += layout.blocks.sorted { ($0.lane, $0.index) < ($1.lane, $1.index) }.map(block).joined()
    out += bankEdges()
    var y = top + scale.height + 14
    for line in Self.footerLines(picture) {
      y += 16
      out += SVGRenderer.text(line, x: geometry.x, y: y, size: PictureStyle.labelSize)
    }
    return out + "</g>\n"
  }

  /// Each bar's caption, outline and address ticks, and the gap before it.
  func bars() -> String {
    var out = ""
    var previous: MapScale.Bar?
    let banks = banksByBar()
    for (index, bar) in scale.bars.enumerated() {
      if let previous {
        let gapSize = bar.range.base - previous.range.saturatedEnd
        let y = top + previous.bottom + (scale.metrics.gap + 4) / 2
        out += small("gap \(Formatting.humanSize(gapSize)) (not drawn)", x: geometry.barX + 6, y: y,
                     extra: " fill=\"\(PictureStyle.muted)\"")
      }
      out += small(caption(banks[index] ?? []), x: geometry.x, y: top + bar.top - 12, extra: " font-weight=\"bold\"")
      out += "<rect x=\"\(geometry.barX)\" y=\"\(top + bar.top)\" width=\"\(geometry.barWidth)\" "
        + "height=\"\(bar.bottom - bar.top)\" fill=\"none\" stroke=\"\(PictureStyle.outline)\"/>\n"
      let ticks = bar.segments.map { ($0.range.base, $0.top) } + [(bar.range.saturatedEnd, bar.bottom)]
      for (address, y) in ticks {
        out += "<line x1=\"\(geometry.barX - 4)\" y1=\"\(top + y)\" x2=\"\(geometry.barX)\" y2=\"\(top + y)\" "
          + "stroke=\"\(PictureStyle.outline)\"/>\n"
        out += small(Hex.plain(address), x: geometry.addressRight, y: top + y + 3, extra: " text-anchor=\"end\"")
      }
      previous = bar
    }
    return out
  }

  /// The banks in each bar, by bar index, in the picture's order: a bar is a run of touching
  /// ranges, so a bank lies in the one bar that holds its base.
  func banksByBar() -> [Int: [MapPicture.Bank]] {
    var out: [Int: [MapPicture.Bank]] = [:]
    for bank in picture.banks where !bank.range.isEmpty {
      let index = MapScale.firstIndex(in: scale.bars) { $0.range.saturatedEnd > bank.range.base }
      if index < scale.bars.count && scale.bars[index].range.overlaps(bank.range) { out[index, default: []].append(bank) }
    }
    return out
  }

  /// A dashed line across the bar where a bank starts or ends inside it, so that a region
  /// running past the end of RAM shows where RAM stops.
  func bankEdges() -> String {
    var out = ""
    let edges = MapScale.boundaries(picture.banks.map(\.range))
    for bar in scale.bars {
      var i = MapScale.firstIndex(in: edges) { $0 > bar.range.base }
      while i < edges.count && edges[i] < bar.range.saturatedEnd {
        let edge = edges[i]
        i += 1
        guard let y = scale.y(edge) else { continue }
        out += "<line class=\"bank-edge\" x1=\"\(geometry.barX - 8)\" y1=\"\(top + y)\" "
          + "x2=\"\(geometry.barX + geometry.barWidth + 8)\" y2=\"\(top + y)\" \(PictureStyle.bankEdge)/>\n"
      }
    }
    return out
  }

  /// A line of small text (captions, addresses, hole sizes).
  func small(_ content: String, x: Int, y: Int, extra: String) -> String {
    SVGRenderer.text(content, x: x, y: y, size: PictureStyle.smallSize, extra: extra)
  }

  /// What a bar holds of this map's RAM: its banks, or that it has none.
  func caption(_ banks: [MapPicture.Bank]) -> String {
    if banks.isEmpty { return "no RAM in this map" }
    return "RAM " + banks.map { bank in
      "\(Hex.plain(bank.range.base)) +\(Formatting.humanSize(bank.range.size))" + (bank.source.map { " \($0)" } ?? "")
    }.joined(separator: "; ")
  }

  /// A run no region holds: pale green free RAM or grey non-RAM, with its size when no region
  /// is drawn over it.
  func hole(_ hole: ColumnLayout.Hole) -> String {
    let fill = hole.isRAM ? PictureStyle.freeRAM : PictureStyle.notRAM
    let words = (hole.isRAM ? "free " : "not RAM ") + Formatting.humanSize(hole.range.size)
    let height = hole.bottom - hole.top
    var out = "<rect x=\"\(geometry.barX)\" y=\"\(top + hole.top)\" width=\"\(geometry.barWidth)\" "
      + "height=\"\(height)\" fill=\"\(fill)\" stroke=\"\(PictureStyle.outline)\" stroke-width=\"0.5\"/>\n"
    if hole.isLabelled && height >= 12 {
      out += small(words, x: geometry.barX + geometry.barWidth / 2, y: top + (hole.top + hole.bottom) / 2 + 4,
                   extra: " text-anchor=\"middle\" fill=\"\(PictureStyle.muted)\"")
    }
    return out
  }
}
