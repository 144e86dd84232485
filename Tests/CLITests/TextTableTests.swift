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
