/// The one table renderer: left-aligned columns separated by two spaces, header underlined.
///
/// Cells are untrusted text (node names, file names): every form writes them through
/// `VisibleText`, so a control character in a cell cannot break a row or reach the terminal.
struct TextTable {
  var headers: [String]
  var rows: [[String]] = []
  /// Columns aligned to the right (numbers).
  var rightAligned: Set<Int> = []

  init(_ headers: [String], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The table as lines, each indented by `indent` spaces; trailing blanks trimmed.
  func render(indent: Int = 2) -> String {
    let headers = self.headers.map(VisibleText.escape)
    let rows = self.rows.map { $0.map(VisibleText.escape) }
    var widths = headers.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    let pad = String(repeating: " ", count: indent)
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let fill = String(repeating: " ", count: max(0, widths[i] - cell.count))
        parts.append(rightAligned.contains(i) ? fill + cell : cell + fill)
      }
      var text = pad + parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    var out = line(headers)
    out += line(widths.map { String(repeating: "-", count: $0) })
    for row in rows { out += line(row) }
    return out
  }

  /// The table as GitHub-flavoured Markdown; right-aligned columns get `---:`. Cells are
  /// escaped with `markdownCell`.
  func renderMarkdown() -> String {
    func line(_ cells: [String]) -> String { "| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
    let rule = headers.indices.map { rightAligned.contains($0) ? "---:" : "---" }
    return ([line(headers), line(rule)] + rows.map(line)).joined()
  }

  /// Text inside a Markdown table cell: controls and line breaks (CR LF too) written visibly
  /// by `VisibleText`, then `|` escaped (also inside code spans, as GitHub wants it).
  static func markdownCell(_ text: String) -> String {
    VisibleText.escape(text).replacing("|", with: "\\|")
  }

  /// The table as an HTML `<table>`, cells escaped; right-aligned columns get class `num`, and
  /// row `i` the id `rowIDs[i]` when given.
  func renderHTML(rowIDs: [String] = []) -> String {
    func cells(_ values: [String], tag: String) -> String {
      values.enumerated().map { i, value in
        let align = rightAligned.contains(i) ? " class=\"num\"" : ""
        return "<\(tag)\(align)>\(XML.text(value))</\(tag)>"
      }.joined()
    }
    var out = "<table>\n<thead><tr>" + cells(headers, tag: "th") + "</tr></thead>\n<tbody>\n"
    for (i, row) in rows.enumerated() {
      let id = i < rowIDs.count ? " id=\"\(XML.attribute(rowIDs[i]))\"" : ""
      out += "<tr\(id)>" + cells(row, tag: "td") + "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }
}
