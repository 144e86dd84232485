import FoundationEssentials
import Testing

@testable import memmap

/// `JSONStream` must write what Foundation's `JSONEncoder` writes with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (the format inspect's JSON had before it was
/// streamed), for values whose keys are encoded in sorted order, with DEL, C1 controls and
/// invisible format characters as `\uXXXX` (`JSONText`, as `JSONRenderer.encode` writes them).
@Suite struct JSONStreamTests {
  struct Inner: Encodable { var a: [Int]; var b: [String: Int]; var c: String? }
  struct Outer: Encodable {
    var empty: [Int]
    var flag: Bool
    var inner: [Inner]
    var missing: String?
    var negative: Int
    var text: String
    var top: UInt64
  }

  static func foundation<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return JSONText.escapeInvisible(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
  }

  @Test("nesting, empty containers, nil, numbers and escapes match JSONEncoder")
  func sameAsFoundation() throws {
    let hostile = "a/b \"q\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}\u{85}\u{9b}\u{202e}\u{feff} é ∑ 😀 \u{ff}"
    let value = Outer(
      empty: [], flag: true,
      inner: [Inner(a: [1, 2], b: [:], c: nil), Inner(a: [], b: ["k": 3], c: hostile)],
      missing: nil, negative: -5, text: hostile, top: .max)
    #expect(JSONStream.string(value) == (try Self.foundation(value)))
    #expect(JSONStream.string([[String]]()) == (try Self.foundation([[String]]())))
    #expect(JSONStream.string("x") == (try Self.foundation("x")))
  }

  @Test("the text comes out in pieces of the flush size, and whole")
  func pieces() throws {
    let value = (0..<2000).map { "entry \($0)" }
    var pieces: [[UInt8]] = []
    try JSONStream(flushSize: 1024) { pieces.append($0) }.write(value)
    #expect(pieces.count > 10)
    #expect(String(decoding: pieces.joined(), as: UTF8.self) == (try Self.foundation(value)))
  }

  /// A type that opens nested containers and then goes on with its own keys, and writes a
  /// superclass part: the paths JSONEncoder's synthesized code never takes but hand-written
  /// `encode(to:)` may.
  struct Nested: Encodable {
    enum Keys: String, CodingKey { case a, b, c, d }
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      var inner = c.nestedContainer(keyedBy: Keys.self, forKey: .a)
      try inner.encode(1, forKey: .a)
      var list = c.nestedUnkeyedContainer(forKey: .b)
      try list.encode("x")
      var deeper = list.nestedContainer(keyedBy: Keys.self)
      try deeper.encode(true, forKey: .d)
      try list.encode("y")
      try c.encode("after", forKey: .c)
      try "base".encode(to: c.superEncoder(forKey: .d))
    }
  }

  @Test("nested containers followed by more keys, and superEncoder, match JSONEncoder")
  func nestedContainers() throws {
    #expect(JSONStream.string(Nested()) == (try Self.foundation(Nested())))
  }

  /// Keys in declaration order, not sorted: `b` before `a`.
  struct Unsorted: Encodable { var b = 1; var a = 2 }

  @Test("keys out of order and floating-point numbers make write throw")
  func refusals() {
    #expect(throws: EncodingError.self) { try JSONStream { _ in }.write(Unsorted()) }
    #expect(throws: EncodingError.self) { try JSONStream { _ in }.write([1.5]) }
  }

  @Test("several files are one array of the single-file documents, indented one level")
  func severalFiles() throws {
    let report = try InspectGoldenTests.report("boards/example-board")
    let one = JSONRenderer.render([report])
    let indented = one.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")  // empty containers keep a bare blank line
    #expect(JSONRenderer.render([report, report]) == "[\n" + indented + ",\n" + indented + "\n]\n")
  }
}
