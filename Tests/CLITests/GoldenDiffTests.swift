import Testing
import TestSupport

/// The golden-file diff that failing golden tests print: an inserted or removed line shows as
/// one edit, not as every following line changed.
@Suite struct GoldenDiffTests {
  @Test("one inserted line is one insertion")
  func insertion() {
    let diff = Golden.lineDiff(expected: "a\nb\nc\nd", actual: "a\nb\nX\nc\nd")
    #expect(diff == "  line 3 + X")
  }

  @Test("one removed line is one removal")
  func removal() {
    let diff = Golden.lineDiff(expected: "a\nb\nc\nd", actual: "a\nc\nd")
    #expect(diff == "  line 2 - b")
  }

  @Test("a changed line is a removal and an insertion at its place")
  func change() {
    let diff = Golden.lineDiff(expected: "a\nb\nc", actual: "a\nB\nc")
    #expect(diff == "  line 2 - b\n  line 2 + B")
  }

  @Test("equal texts have no diff")
  func equal() {
    #expect(Golden.lineDiff(expected: "a\nb", actual: "a\nb") == "")
  }
}
