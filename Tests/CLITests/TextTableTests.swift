import Testing

@testable import memmap

/// The one table renderer's Markdown form, used by lint's step summary, diff, the matrix and
/// docs/rules.md: a `|` in a cell would end the cell, a line break the row (GitHub-flavoured
/// Markdown's table rules), so every cell is escaped.
@Suite struct TextTableTests {
  @Test("Markdown cells escape | and turn line breaks into spaces")
  func markdownEscaping() {
    var table = TextTable(["name", "size"], rightAligned: [1])
    table.add(["`a|b`", "1"])
    table.add(["two\nlines\r", "2"])
    #expect(table.renderMarkdown() == """
      | name | size |
      | --- | ---: |
      | `a\\|b` | 1 |
      | two lines  | 2 |

      """)
  }
}
