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

  /// Keys in declaration order, not sorted: `b` before `a`, and a nested object likewise.
  struct Unsorted: Encodable {
    var b = 1
    var a = 2
    var c = [Unsorted2(), Unsorted2()]
  }
  struct Unsorted2: Encodable { var z = "z"; var y: String? = nil; var x = [3] }

  @Test("keys in any order come out sorted as JSONEncoder's .sortedKeys sorts them")
  func anyKeyOrder() throws {
    #expect(JSONStream.string(Unsorted()) == (try Self.foundation(Unsorted())))
    // A dictionary encodes its keys in hash order; these mix case, digits, punctuation and
    // prefixes, where a case-insensitive or numeric order would differ from Foundation's.
    let keys = ["b", "B", "a10", "a9", "_x", "Z", "ab", "a", "$schema", "a-b", "aB", "é", "z~"]
    let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, [$0]) })
    #expect(JSONStream.string(dictionary) == (try Self.foundation(dictionary)))
    #expect(JSONStream.string([dictionary, [:], dictionary]) == (try Self.foundation([dictionary, [:], dictionary])))
  }

  /// An object with a large value between keys `first` and `last`, encoded in that order.
  struct Large: Encodable {
    enum Keys: String, CodingKey { case a, m, z }
    let first: Keys, last: Keys
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode("first", forKey: first)
      try c.encode((0..<400).map { "entry \($0)" }, forKey: .m)
      try c.encode("last", forKey: last)
    }
  }

  @Test("a large object in order streams; one out of order from the start is held and sorted")
  func largeObjects() throws {
    for (first, last) in [(Large.Keys.a, Large.Keys.z), (.z, .a)] {
      let value = Large(first: first, last: last)
      var pieces: [[UInt8]] = []
      try JSONStream(flushSize: 1024) { pieces.append($0) }.write(value)
      #expect(String(decoding: pieces.joined(), as: UTF8.self) == (try Self.foundation(value)))
      // In order, it is handed out while written; held, all but its opening brace comes out
      // when it closes.
      if first == .a {
        #expect(pieces.count > 4)
      } else {
        #expect(pieces.map(\.count) == [1, pieces.joined().count - 1])
      }
    }
  }

  @Test("a key out of order after a large object was handed out, and floating-point numbers, make write throw")
  func refusals() {
    // `m` comes after the 400 entries of `z` were handed out: too late to sort.
    struct Late: Encodable {
      enum Keys: String, CodingKey { case m, z }
      func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode((0..<400).map { "entry \($0)" }, forKey: .z)
        try c.encode("late", forKey: .m)
      }
    }
    #expect(throws: EncodingError.self) { try JSONStream(flushSize: 1024) { _ in }.write(Late()) }
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
