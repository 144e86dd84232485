import Testing

@testable import memmap

/// The one table renderer's Markdown form, used by lint's step summary, diff, the matrix and
/// docs/rules.md: a `|` in a cell would end the cell, a line break the row (GitHub-flavoured
/// Markdown's table rules), so every cell is escaped.
@Suite struct TextTableTests {
  @Test("Markdown cells escape | and show line breaks (CR LF too) visibly")
  func markdownEscaping() {
    var table = TextTable(["name", "size"], rightAligned: [1])
    table.add(["`a|b`", "1"])
    table.add(["two\nlines\r", "2"])
    table.add(["crlf\r\n| forged |", "3"])
    #expect(table.renderMarkdown() == """
      | name | size |
      | --- | ---: |
      | `a\\|b` | 1 |
      | two\\nlines\\r | 2 |
      | crlf\\r\\n\\| forged \\| | 3 |

      """)
  }
}

/// Tables fitted to a terminal: columns dropped in the table's order, then the widest narrowed
/// and wrapped; numbers and addresses never cut; without a width nothing changes.
@Suite struct TextTableFittingTests {
  static func table() -> TextTable {
    var table = TextTable(["START", "END", "SIZE", "NODE", "COMPATIBLE"], rightAligned: [2])
    table.unbroken = [0, 1]
    table.droppable = [1]
    table.add(["0x0000000080000000", "0x00000000801fffff", "2 MiB", "/reserved-memory/tfa@80000000", "arm,tfa"])
    table.add(["0x0000000090000000", "0x0000000093ffffff", "64 MiB",
               "/reserved-memory/a-very-long-modem-region-name@90000000", "qcom,modem,memory-region"])
    return table
  }

  @Test("no width: the natural table; a width it fits in: the same table")
  func unchanged() {
    let natural = Self.table().render()
    #expect(Self.table().render(width: 200) == natural)
    #expect(natural.split(separator: "\n").count == 4)
  }

  @Test("every line fits, the dropped column is gone, wrapped cells read back whole",
        arguments: [100, 80, 60])
  func fits(_ width: Int) {
    let text = Self.table().render(width: width)
    let lines = text.split(separator: "\n").map(String.init)
    for line in lines { #expect(line.count <= width, "\(line.count): \(line)") }
    // The END column (droppable) goes before anything is wrapped.
    #expect(!lines[0].contains("END"))
    #expect(lines.contains { $0.contains("0x0000000090000000") && $0.contains("64 MiB") })
    // The NODE column's pieces, top to bottom, are the node path.
    let nodeStart = lines[0].range(of: "NODE")!.lowerBound.utf16Offset(in: lines[0])
    let compatibleStart = lines[0].range(of: "COMPATIBLE")!.lowerBound.utf16Offset(in: lines[0])
    let node = lines.dropFirst(2).map { line -> String in
      let chars = Array(line)
      guard chars.count > nodeStart else { return "" }
      return String(chars[nodeStart..<min(chars.count, compatibleStart)]).trimmingCharacters(in: .whitespaces)
    }.joined()
    #expect(node == "/reserved-memory/tfa@80000000/reserved-memory/a-very-long-modem-region-name@90000000")
  }

  @Test("breaks after / , space or - in the last half of a piece, else at the width")
  func wrap() {
    #expect(TextTable.wrap("/reserved-memory/tfa@80000000", width: 20) == ["/reserved-memory/", "tfa@80000000"])
    #expect(TextTable.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextTable.wrap("ab,cdefghij", width: 8) == ["ab,cdefg", "hij"], "a break in the first half is not taken")
  }

  @Test("too narrow to fit: columns stop at their header or 8 characters; addresses stay whole")
  func floors() {
    let text = Self.table().render(width: 20)
    #expect(text.contains("0x0000000090000000"))
    #expect(text.split(separator: "\n")[1].contains("----------"), "COMPATIBLE keeps its header width")
  }
}
