import MemoryMap

/// The picture's palette, fonts and fixed sizes: one place for what the SVG and the HTML page
/// must agree on.
enum PictureStyle {
  /// Monospace everywhere, so that text widths can be computed without a font engine.
  static let font = "DejaVu Sans Mono, Menlo, Consolas, monospace"
  /// Label text size and the width of one character at that size (0.6 em in DejaVu Sans Mono).
  static let labelSize = 11
  static let smallSize = 10

  /// The width in pixels of `text` at `size`, rounded up.
  static func textWidth(_ text: String, size: Int) -> Int { (text.count * size * 6 + 9) / 10 }

  /// Fill colours of the kinds of region, and of what lies around them.
  static func fill(kind: RegionKind) -> String {
    switch kind {
    case .static: return "#8fb8de"
    case .dynamic: return "#b9a7e3"
    case .memreserve: return "#f4b97e"
    case .boot: return "#cfcf9a"
    }
  }
  static let freeRAM = "#e4f4dc"
  static let notRAM = "#f0f0f0"
  static let outline = "#333333"
  /// Overlaps: the warning colour.
  static let overlap = "#d62728"
  /// Regions a diff reports as changed.
  static let changed = "#c51b8a"
  static let muted = "#666666"

  /// One entry of the legend.
  struct LegendItem {
    /// The swatch's SVG attributes on a `rect`, or a second `rect` drawn over it (hatching).
    var fill: String
    var extra: String = ""
    var overlay: String? = nil
    var text: String
    /// Drawn as a line (with `extra`) instead of a swatch.
    var isLine = false
  }

  /// The dashed line where a RAM bank starts or ends inside a bar.
  static let bankEdge = "stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"6 3\""

  /// The legend: kinds, then flags and states, then the diff's mark when `diff`.
  static func legend(diff: Bool) -> [LegendItem] {
    let line = "stroke=\"\(outline)\" stroke-width=\"1\""
    var items = [
      LegendItem(fill: fill(kind: .static), extra: line, text: "static (reg)"),
      LegendItem(fill: fill(kind: .dynamic), extra: line, text: "dynamic (size)"),
      LegendItem(fill: fill(kind: .memreserve), extra: line, text: "/memreserve/"),
      LegendItem(fill: fill(kind: .boot), extra: line, text: "boot reservation"),
      LegendItem(fill: freeRAM, extra: line, text: "free RAM"),
      LegendItem(fill: notRAM, extra: line, text: "not RAM"),
      LegendItem(fill: "none", extra: bankEdge, text: "RAM bank edge", isLine: true),
      LegendItem(fill: "#ffffff", extra: line, overlay: "url(#hatch)", text: "no-map (hatched)"),
      LegendItem(fill: "#ffffff", extra: "stroke=\"\(outline)\" stroke-width=\"2\" stroke-dasharray=\"4 2\"",
                 text: "reusable (dashed)"),
      LegendItem(fill: "#ffffff", extra: "stroke=\"\(overlap)\" stroke-width=\"3\"", text: "overlap"),
      LegendItem(fill: fill(kind: .static), extra: line + " fill-opacity=\"0.3\"",
                 text: "disabled or failed"),
    ]
    if diff {
      items.append(LegendItem(fill: "#ffffff", extra: "stroke=\"\(changed)\" stroke-width=\"3\"", text: "changed"))
    }
    return items
  }
}
