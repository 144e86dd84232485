import MemoryMap

/// `memmap render`: the memory map as an SVG picture, written as plain text (no browser or
/// library involved) and deterministic: whole pixels, ids from indices, no dates.
///
/// Each map is a column: addresses on the left, one bar per run of memory banks (and regions
/// outside them) on a segmented scale (`MapScale`), labels in a column on the right with leader
/// lines, unplaced regions and totals below. A diff draws two columns on one shared scale.
enum SVGRenderer {
  static let margin = 20

  /// The picture of one map, as a standalone SVG file.
  static func render(_ picture: MapPicture) -> String {
    xmlDeclaration + svg(picture)
  }

  /// Two maps side by side on one scale, each changed region marked, as a standalone SVG file.
  static func render(_ diff: MapDiff) -> String {
    xmlDeclaration + svg(diff)
  }

  static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

  /// The `<svg>` element of one map (what the HTML page embeds).
  static func svg(_ picture: MapPicture) -> String {
    let title = "memmap render: \(picture.file) (Linux \(picture.kernel) profile)"
    return document(title: title, lines: picture.notes, columns: [(picture, nil)], diff: false)
  }

  /// The `<svg>` element of a diff.
  static func svg(_ diff: MapDiff) -> String {
    let (a, b) = MapPicture.pair(diff)
    let title = "memmap render: \(diff.a.file) -> \(diff.b.file) (Linux \(diff.b.kernel) profile)"
    let counts = MapDiff.Change.allCases.compactMap { change -> String? in
      let n = diff.regions.filter { $0.changes.contains(change) }.count
      return n == 0 ? nil : "\(n) \(change.rawValue)"
    }
    let n = diff.regions.count
    let summary = n == 0 ? "no region changed" : "\(n) region\(n == 1 ? "" : "s") changed: "
      + counts.joined(separator: ", ")
    return document(title: title, lines: [summary], columns: [(a, "A: \(diff.a.file)"), (b, "B: \(diff.b.file)")],
                    diff: true)
  }

  /// The whole picture: title, scale note, legend, then the columns on one scale.
  static func document(title: String, lines: [String], columns: [(MapPicture, String?)], diff: Bool) -> String {
    let pictures = columns.map(\.0)
    let scale = MapScale(
      ranges: pictures.flatMap { $0.banks.map(\.range) + $0.blocks.compactMap(\.drawnRange) },
      labelled: pictures.map { $0.blocks.compactMap(\.drawnRange) })
    var geometries: [ColumnGeometry] = []
    var x = margin
    for picture in pictures {
      let geometry = ColumnGeometry(x: x, picture: picture)
      geometries.append(geometry)
      x += geometry.width + 40
    }
    let width = max(x - 40 + margin, 760, 2 * margin + PictureStyle.textWidth(title, size: 16))
    var body = ""
    var y = margin + 16
    body += text(title, x: margin, y: y, size: 16, extra: " font-weight=\"bold\"")
    for line in ["segmented scale: heights grow with log(size), not to scale; addresses grow downward"] + lines {
      y += 20
      body += text(line, x: margin, y: y, size: 12)
    }
    let (legend, legendBottom) = self.legend(diff: diff, top: y + 14, width: width)
    body += legend
    y = legendBottom + 26
    var bottom = y
    for (i, (picture, heading)) in columns.enumerated() {
      var top = y
      if let heading {
        body += text(heading, x: geometries[i].x, y: y, size: 13, extra: " font-weight=\"bold\"")
        top += 14
      }
      let column = SVGColumn(picture: picture, scale: scale, geometry: geometries[i], top: top, columnIndex: i)
      body += column.render()
      bottom = max(bottom, column.bottom)
    }
    let height = bottom + margin
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(PictureStyle.font)\" font-size=\"\(PictureStyle.labelSize)\">\n"
      + "<title>\(XML.text(title))</title>\n" + defs
      + "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n" + body + "</svg>\n"
  }

  /// The hatching for no-map regions: thin diagonal lines over the kind's colour.
  static let defs = "<defs>\n"
    + "  <pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\n"
    + "    <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-opacity=\"0.55\"/>\n"
    + "  </pattern>\n</defs>\n"

  /// The legend's swatches in rows that fit `width`; returns the SVG and the bottom of the last row.
  static func legend(diff: Bool, top: Int, width: Int) -> (String, Int) {
    var out = "<g class=\"legend\">\n"
    var x = margin
    var y = top
    for item in PictureStyle.legend(diff: diff) {
      let itemWidth = 34 + PictureStyle.textWidth(item.text, size: PictureStyle.smallSize) + 18
      if x > margin && x + itemWidth > width - margin {
        x = margin
        y += 22
      }
      if item.isLine {
        out += "  <line x1=\"\(x)\" y1=\"\(y + 7)\" x2=\"\(x + 28)\" y2=\"\(y + 7)\" \(item.extra)/>\n"
      } else {
        out += "  <rect x=\"\(x)\" y=\"\(y)\" width=\"28\" height=\"14\" fill=\"\(item.fill)\" \(item.extra)/>\n"
      }
      if let overlay = item.overlay {
        out += "  <rect x=\"\(x)\" y=\"\(y)\" width=\"28\" height=\"14\" fill=\"\(overlay)\"/>\n"
      }
      out += "  " + text(item.text, x: x + 34, y: y + 11, size: PictureStyle.smallSize)
      x += itemWidth
    }
    return (out + "</g>\n", y + 14)
  }

  /// A `<text>` element on one line, its content escaped.
  static func text(_ content: String, x: Int, y: Int, size: Int, extra: String = "") -> String {
    "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"\(extra)>\(XML.text(content))</text>\n"
  }
}
