import MemoryMap

extension SVGColumn {
  /// A piece of a label and its SVG attributes.
  typealias LabelPiece = (text: String, attributes: String)

  /// The label's words: change marks, name, size, flags, why it holds no memory, overlap.
  static func labelPieces(_ block: MapPicture.Block) -> [LabelPiece] {
    var pieces: [LabelPiece] = []
    if !block.changes.isEmpty {
      pieces.append(("[\(block.changes.joined(separator: ","))] ",
                     " fill=\"\(PictureStyle.changed)\" font-weight=\"bold\""))
    }
    pieces.append((block.name, " font-weight=\"bold\""))
    var details = "  " + Formatting.humanSize(block.size)
    if block.noMap { details += " no-map" }
    if block.reusable { details += " reusable" }
    if let note = block.note { details += " (\(note))" }
    pieces.append((details, " fill=\"\(PictureStyle.muted)\""))
    if block.overlaps { pieces.append(("  overlap", " fill=\"\(PictureStyle.overlap)\" font-weight=\"bold\"")) }
    return pieces
  }

  /// The label as plain text (for widths and the list of unplaced regions).
  static func labelText(_ block: MapPicture.Block) -> String { labelPieces(block).map(\.text).joined() }

  /// The hover text, line by line: the label's name, then where and what the region is.
  static func hoverLines(_ block: MapPicture.Block) -> [String] {
    var lines = [block.name, block.key] + block.details
    if block.overlaps { lines.append("overlaps another region (see the findings)") }
    if !block.changes.isEmpty { lines.append("changed: " + block.changes.joined(separator: ", ")) }
    return lines
  }

  /// One region: its block in its lane (kind colour, hatching for no-map, dashes for reusable,
  /// faded when it holds no memory, outlined for overlap and change), a leader line and its label.
  func block(_ placed: ColumnLayout.PlacedBlock) -> String {
    let block = picture.blocks[placed.index]
    // Later lanes are drawn over earlier ones, each indented further from the left, so that a
    // region inside another shows as a narrower block on top of it.
    let indent = geometry.barWidth / (placed.lanes + 1)
    let x = geometry.barX + placed.lane * indent
    let width = geometry.barWidth - placed.lane * indent
    let y = top + placed.top
    let height = placed.bottom - placed.top
    let labelY = top + placed.labelY
    let anchorY = min(max(labelY, y + 2), y + height - 2)
    var out = "<g class=\"region\" id=\"c\(columnIndex)-r\(placed.index)\" data-row=\"\(placed.index)\">\n"
    out += "  <title>\(XML.lines(Self.hoverLines(block)))</title>\n"
    let points = "\(x + width),\(anchorY) \(geometry.labelX - 16),\(labelY) \(geometry.labelX - 4),\(labelY)"
    out += "  <polyline points=\"\(points)\" fill=\"none\" stroke=\"#999999\" stroke-width=\"0.75\"/>\n"
    let box = "x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\""
    var style = "fill=\"\(PictureStyle.fill(kind: block.kind))\" stroke=\"\(PictureStyle.outline)\""
    style += block.reusable ? " stroke-width=\"2\" stroke-dasharray=\"4 2\"" : " stroke-width=\"1\""
    if !block.active { style += " fill-opacity=\"0.3\"" }
    out += "  <rect class=\"block\" \(box) \(style)/>\n"
    if block.noMap { out += "  <rect \(box) fill=\"url(#hatch)\"/>\n" }
    var inset = 2
    for (marked, colour) in [(!block.changes.isEmpty, PictureStyle.changed), (block.overlaps, PictureStyle.overlap)]
    where marked {
      out += "  <rect x=\"\(x + inset)\" y=\"\(y + inset)\" width=\"\(width - 2 * inset)\" "
        + "height=\"\(height - 2 * inset)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"3\"/>\n"
      inset += 3
    }
    let spans = Self.labelPieces(block).map { "<tspan\($0.attributes)>\(XML.text($0.text))</tspan>" }.joined()
    out += "  <text x=\"\(geometry.labelX)\" y=\"\(labelY + 4)\" xml:space=\"preserve\">\(spans)</text>\n"
    return out + "</g>\n"
  }
}
