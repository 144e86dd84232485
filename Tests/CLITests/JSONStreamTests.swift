import FoundationEssentials
import Testing

@testable import memmap

/// `JSONStream` must write what Foundation's `JSONEncoder` writes with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (the format inspect's JSON had before it was
/// streamed), for values whose keys are encoded in sorted order.
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
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  @Test("nesting, empty containers, nil, numbers and escapes match JSONEncoder")
  func sameAsFoundation() throws {
    let hostile = "a/b \"q\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} é ∑ 😀"
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
}
