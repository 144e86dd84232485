/// The one table renderer: left-aligned columns separated by two spaces, header underlined.
///
/// Cells are untrusted text (node names, file names): every form writes them through
/// `VisibleText`, so a control character in a cell cannot break a row or reach the terminal.
struct TextTable {
  var headers: [String]
  var rows: [[String]] = []
  /// Columns aligned to the right (numbers).
  var rightAligned: Set<Int> = []
  /// Columns never narrowed to fit a terminal (addresses).
  var unbroken: Set<Int> = []
  /// Columns left out, in this order, when the table cannot fit a terminal otherwise.
  var droppable: [Int] = []

  init(_ headers: [String], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The table as lines, each indented by `indent` spaces; trailing blanks trimmed. With a
  /// `width` (the terminal's), columns in `droppable` are left out, in order, while the table
  /// is wider than that, then the widest columns are narrowed until a line fits and their cells wrap
  /// onto continuation lines. Numbers (`rightAligned`) and `unbroken` columns are never cut.
  func render(indent: Int = 2, width: Int? = nil) -> String {
    var kept = Array(headers.indices)
    if let width {
      for column in droppable where naturalWidth(kept) > width - indent && kept.count > 1 {
        kept.removeAll { $0 == column }
      }
    }
    let headers = kept.map { VisibleText.escape(self.headers[$0]) }
    let rows = self.rows.map { row in kept.map { $0 < row.count ? VisibleText.escape(row[$0]) : "" } }
    var widths = headers.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    if let width { widths = fitted(widths, columns: kept, to: width - indent) }
    let pad = String(repeating: " ", count: indent)
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let fill = String(repeating: " ", count: max(0, widths[i] - cell.count))
        parts.append(rightAligned.contains(kept[i]) ? fill + cell : cell + fill)
      }
      var text = pad + parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    /// One row as one line, or several when a cell is wider than its column.
    func lines(_ cells: [String]) -> String {
      let pieces = cells.enumerated().map { i, cell in
        cell.count > widths[i] ? Self.wrap(cell, width: widths[i]) : [cell]
      }
      let height = pieces.map(\.count).max() ?? 1
      return (0..<height).map { n in line(pieces.map { n < $0.count ? $0[n] : "" }) }.joined()
    }
    var out = line(headers)
    out += line(widths.map { String(repeating: "-", count: $0) })
    for row in rows { out += lines(row) }
    return out
  }

  /// Columns that may not be narrowed: numbers and `unbroken` ones.
  private func isFixed(_ column: Int) -> Bool { rightAligned.contains(column) || unbroken.contains(column) }

  /// The narrowest a column gets: its header, and at least 8 characters.
  private func floor(_ column: Int) -> Int { max(headers[column].count, 8) }

  /// The line `columns` make unfitted: each as wide as its widest cell, two spaces between.
  private func naturalWidth(_ columns: [Int]) -> Int {
    columns.reduce(2 * max(0, columns.count - 1)) { sum, column in
      sum + rows.reduce(VisibleText.escape(headers[column]).count) {
        max($0, column < $1.count ? VisibleText.escape($1[column]).count : 0)
      }
    }
  }

  /// `widths` (of `columns`) narrowed one character at a time, always the widest column that
  /// may be narrowed, until the columns and their two-space gaps fit in `available`.
  func fitted(_ widths: [Int], columns: [Int], to available: Int) -> [Int] {
    var widths = widths
    var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - available
    while excess > 0 {
      let candidates = widths.indices.filter { !isFixed(columns[$0]) && widths[$0] > floor(columns[$0]) }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
      excess -= 1
    }
    return widths
  }

  /// `text` in pieces of at most `width` characters, broken after a `/`, `,`, space or `-`
  /// when one is in the last half of a piece, else at the width.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [text] }
    var pieces: [String] = []
    var rest = Substring(text)
    while rest.count > width {
      let head = rest.prefix(width)
      var cut = head.endIndex
      if let breakAt = head.lastIndex(where: { "/, -".contains($0) }),
        head.distance(from: head.startIndex, to: breakAt) >= width / 2
      {
        cut = head.index(after: breakAt)
      }
      pieces.append(String(rest[..<cut]))
      rest = rest[cut...]
    }
    pieces.append(String(rest))
    return pieces
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
