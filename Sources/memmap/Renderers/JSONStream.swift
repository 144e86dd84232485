import MemoryMap

/// Writes an `Encodable` value as pretty JSON while it is being encoded, handing the text out
/// in pieces: the JSON of 100,000 regions is about 80 MB, and Foundation's `JSONEncoder` builds
/// a tree of the whole document and then the whole text before anything can be written.
///
/// The text is byte for byte what `JSONEncoder` writes with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes`, whatever order a type encodes its keys in: each object is
/// held until it closes and its entries are put in key order then. An object that grows past
/// half the flush size with its keys in order so far is handed out as it comes instead (the
/// document of 100,000 regions streams); its later keys must then follow in order, or
/// `write` throws, as it does for a floating-point value (JSONEncoder's number format is not
/// reproduced); what was already handed out stays written. Every JSON document memmap
/// writes goes through it.
final class JSONStream {
  // Only this class's methods touch these, one call at a time; without `unchecked` every byte
  // appended pays for a dynamic exclusivity check (a third of the writing time).
  @exclusivity(unchecked) private var buffer: [UInt8] = []
  private let flushSize: Int
  private let output: ([UInt8]) -> Void
  /// The first key that came out of order, reported by `write`.
  @exclusivity(unchecked) private var misordered: (key: String, after: String)?
  /// The open containers, innermost last.
  @exclusivity(unchecked) fileprivate var frames: [Frame] = []
  /// The key and start in `buffer` of each entry of the held objects, outermost first.
  @exclusivity(unchecked) private var entries: [(key: String, start: Int)] = []

  fileprivate struct Frame {
    var closer: UInt8
    var depth: Int
    var count = 0
    var lastKey: String?
    /// Where an object's entries start in `buffer` while it is held to be put in key order;
    /// nil for an array and for an object handed out as it comes.
    var held: Int?
    /// The index in `entries` of its first entry.
    var entryBase = 0
    /// Whether its keys came in sorted order so far.
    var sorted = true
  }

  /// `output` receives the text in pieces of about `flushSize` bytes, and the rest at the end.
  init(flushSize: Int = 1 << 16, output: @escaping ([UInt8]) -> Void) {
    self.flushSize = flushSize
    self.output = output
    buffer.reserveCapacity(flushSize + 4096)
  }

  /// Writes `value` and a final newline, then hands out what is left.
  func write<T: Encodable>(_ value: T) throws {
    try encodeValue(value, depth: 0)
    buffer.append(UInt8(ascii: "\n"))
    output(buffer)
    buffer.removeAll(keepingCapacity: true)
    if let misordered {
      throw EncodingError.invalidValue(misordered.key, EncodingError.Context(
        codingPath: [], debugDescription: "key \(misordered.key) comes after \(misordered.after): not sorted"))
    }
  }

  /// The whole text of `value` as one string.
  static func string<T: Encodable>(_ value: T) -> String {
    var bytes: [UInt8] = []
    let stream = JSONStream(output: { bytes.append(contentsOf: $0) })
    guard (try? stream.write(value)) != nil else { return "{}\n" }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: - Text

  fileprivate func append(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= flushSize { flush() }
  }

  /// Hands out what no held object can still reorder: everything before the outermost held
  /// object, after letting go of the held objects, outermost first, that are large and in
  /// order so far.
  private func flush() {
    var keep = buffer.count
    for index in frames.indices {
      guard let held = frames[index].held else { continue }
      guard frames[index].sorted && buffer.count - held >= flushSize / 2 else {
        keep = held
        break
      }
      frames[index].held = nil
    }
    if keep == buffer.count {
      output(buffer)
      buffer.removeAll(keepingCapacity: true)
    } else if keep > 0 {
      output(Array(buffer[..<keep]))
      buffer.removeSubrange(..<keep)
      for index in frames.indices { frames[index].held = frames[index].held.map { $0 - keep } }
      for index in entries.indices { entries[index].start -= keep }
    }
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

  private func indent(_ depth: Int) {
    var left = 2 * depth
    while left > 0 {
      let n = min(left, Self.spaces.count)
      Self.spaces.withUnsafeBufferPointer { buffer.append(contentsOf: $0[0..<n]) }
      left -= n
    }
  }

  fileprivate func appendString(_ original: String) {
    var text = original
    text.withUTF8 { bytes in
      buffer.append(UInt8(ascii: "\""))
      // Most strings need no escape: copy them whole. Lead bytes 0xC2, 0xD8, 0xE2 and 0xEF
      // start the scalars that `JSONText.needsUnicodeEscape` may pick (C1, U+061C, U+2xxx,
      // U+FEFF).
      if !bytes.contains(where: {
        $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F
          || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xEF
      }) {
        buffer.append(contentsOf: bytes)
      } else {
        appendEscaped(original)
      }
      buffer.append(UInt8(ascii: "\""))
    }
    if buffer.count >= flushSize { flush() }
  }

  /// A string that needs escapes: scalar by scalar, invisible ones as `\uXXXX`.
  private func appendEscaped(_ text: String) {
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 && !JSONText.needsUnicodeEscape(scalar) {
        appendEscaped(UInt8(scalar.value))
      } else if JSONText.needsUnicodeEscape(scalar) {
        buffer.append(contentsOf: Array(JSONText.unicodeEscape(scalar).utf8))
      } else {
        buffer.append(contentsOf: Array(String(scalar).utf8))
      }
    }
  }

  /// One byte of a string, escaped as JSONEncoder escapes it (UTF-8 above 0x7f passes through).
  private func appendEscaped(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
    case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
    case 0x0a: buffer.append(contentsOf: Array("\\n".utf8))
    case 0x0d: buffer.append(contentsOf: Array("\\r".utf8))
    case 0x09: buffer.append(contentsOf: Array("\\t".utf8))
    case 0x08: buffer.append(contentsOf: Array("\\b".utf8))
    case 0x0c: buffer.append(contentsOf: Array("\\f".utf8))
    case 0..<0x20:
      let hex = Array("0123456789abcdef".utf8)
      buffer.append(contentsOf: Array("\\u00".utf8))
      buffer.append(hex[Int(byte >> 4)])
      buffer.append(hex[Int(byte & 0xf)])
    default: buffer.append(byte)
    }
  }

  // MARK: - Containers

  /// Opens a container. An object is held to be put in key order when it closes, unless
  /// `keysInOrder` promises its keys come sorted (checked: one out of order fails the write).
  fileprivate func open(_ opener: UInt8, closer: UInt8, depth: Int, keysInOrder: Bool = false) {
    buffer.append(opener)
    var frame = Frame(closer: closer, depth: depth)
    if closer == UInt8(ascii: "}") && !keysInOrder { frame.held = buffer.count }
    frame.entryBase = entries.count
    frames.append(frame)
  }

  /// Starts the next entry of the innermost container: the separator, the indent and, for an
  /// object, the key.
  fileprivate func beginEntry(key: String?) {
    let last = frames.count - 1
    let start = buffer.count
    if frames[last].count != 0 { buffer.append(UInt8(ascii: ",")) }
    buffer.append(UInt8(ascii: "\n"))
    frames[last].count += 1
    indent(frames[last].depth + 1)
    if let key {
      if let previous = frames[last].lastKey, !Self.precedes(previous, key) {
        if frames[last].held != nil {
          frames[last].sorted = false
        } else if misordered == nil {
          misordered = (key, previous)
        }
      }
      frames[last].lastKey = key
      if frames[last].held != nil { entries.append((key, start)) }
      appendString(key)
      buffer.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }
  }

  /// Closes every container opened since there were `level` open.
  fileprivate func close(downTo level: Int) {
    while frames.count > level {
      let frame = frames.removeLast()
      if let held = frame.held, !frame.sorted { putInKeyOrder(from: held, entries: frame.entryBase) }
      entries.removeSubrange(frame.entryBase...)
      buffer.append(UInt8(ascii: "\n"))
      if frame.count == 0 { buffer.append(UInt8(ascii: "\n")) }
      indent(frame.depth)
      buffer.append(frame.closer)
    }
  }

  /// Rewrites the entries of the held object that starts at `start` in `buffer`, whose first
  /// entry is `entries[base]`, in key order; each entry's text is its separator, indent, key
  /// and value, so only the leading commas move.
  private func putInKeyOrder(from start: Int, entries base: Int) {
    let list = Array(entries[base...])
    var pieces: [(key: String, bytes: ArraySlice<UInt8>)] = []
    for (index, entry) in list.enumerated() {
      let end = index + 1 < list.count ? list[index + 1].start : buffer.count
      pieces.append((entry.key, buffer[(index == 0 ? entry.start : entry.start + 1)..<end]))
    }
    pieces.sort { Self.precedes($0.key, $1.key) }
    var sorted: [UInt8] = []
    sorted.reserveCapacity(buffer.count - start)
    for (index, piece) in pieces.enumerated() {
      if index > 0 { sorted.append(UInt8(ascii: ",")) }
      sorted.append(contentsOf: piece.bytes)
    }
    buffer.replaceSubrange(start..., with: sorted)
  }

  /// JSONEncoder's `.sortedKeys` order: by UTF-8 bytes.
  private static func precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Encodes one value at `depth`, closing whatever containers it opened.
  fileprivate func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
    let level = frames.count
    try value.encode(to: StreamEncoder(stream: self, depth: depth))
    close(downTo: level)
  }
}

extension JSONStream {
  /// A list written as an array of objects by `write`, field by field, without an encoder
  /// per value: for the lists of a large tree (regions, EFI descriptors, LMB entries), where
  /// `Encodable`'s generic calls cost more than the writing. Only `JSONStream` can write it.
  struct Objects<Elements: Sequence>: Encodable {
    let elements: Elements
    let write: (Elements.Element, inout Fields) -> Void

    init(_ elements: Elements, write: @escaping (Elements.Element, inout Fields) -> Void) {
      self.elements = elements
      self.write = write
    }

    func encode(to encoder: Encoder) throws {
      guard let target = encoder as? StreamEncoder else {
        throw EncodingError.invalidValue(
          elements, EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "JSONStream only"))
      }
      let stream = target.stream
      let level = stream.frames.count
      stream.open(UInt8(ascii: "["), closer: UInt8(ascii: "]"), depth: target.depth)
      for element in elements {
        stream.beginEntry(key: nil)
        stream.open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"), depth: target.depth + 1, keysInOrder: true)
        var fields = Fields(stream: stream, depth: target.depth + 1)
        write(element, &fields)
        stream.close(downTo: level + 1)
      }
      stream.close(downTo: level)
    }
  }

  /// The fields of one object of `Objects`, in key order: these objects are the long lists, so
  /// they are streamed as written rather than held and sorted, and a key out of order fails
  /// the write. A record that writes itself (`FieldWriter`) writes straight into them.
  struct Fields: FieldWriter {
    fileprivate let stream: JSONStream
    fileprivate let depth: Int

    mutating func string(_ key: String, _ value: String) {
      stream.beginEntry(key: key)
      stream.appendString(value)
    }

    /// `null` when nil, as `encode` writes an optional.
    mutating func string(_ key: String, _ value: String?) {
      guard let value else {
        stream.beginEntry(key: key)
        stream.append("null")
        return
      }
      string(key, value)
    }

    /// Nothing when nil, as `encodeIfPresent` writes it.
    mutating func stringIfPresent(_ key: String, _ value: String?) {
      if let value { string(key, value) }
    }

    mutating func bool(_ key: String, _ value: Bool) {
      stream.beginEntry(key: key)
      stream.append(value ? "true" : "false")
    }

    mutating func int(_ key: String, _ value: Int) {
      stream.beginEntry(key: key)
      stream.append(String(value))
    }

    mutating func strings(_ key: String, _ values: [String]) {
      stream.beginEntry(key: key)
      let level = stream.frames.count
      stream.open(UInt8(ascii: "["), closer: UInt8(ascii: "]"), depth: depth + 1)
      for value in values {
        stream.beginEntry(key: nil)
        stream.appendString(value)
      }
      stream.close(downTo: level)
    }
  }
}

/// The `Encoder` handed to each value; it writes through `JSONStream`.
private struct StreamEncoder: Encoder {
  let stream: JSONStream
  let depth: Int
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    stream.open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"), depth: depth)
    return KeyedEncodingContainer(KeyedWriter<Key>(stream: stream, depth: depth, level: stream.frames.count))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    stream.open(UInt8(ascii: "["), closer: UInt8(ascii: "]"), depth: depth)
    return UnkeyedWriter(stream: stream, depth: depth, level: stream.frames.count)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleWriter(stream: stream, depth: depth)
  }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let stream: JSONStream
  let depth: Int
  /// The number of open containers with this one open: a new entry first closes any nested
  /// container opened since.
  let level: Int
  var codingPath: [any CodingKey] { [] }

  private func begin(_ key: Key) {
    stream.close(downTo: level)
    stream.beginEntry(key: key.stringValue)
  }

  mutating func encodeNil(forKey key: Key) throws {
    begin(key)
    stream.append("null")
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    begin(key)
    try stream.encodeValue(value, depth: depth + 1)
  }

  // The common scalars directly, without a nested encoder per value.
  mutating func encode(_ value: String, forKey key: Key) throws {
    begin(key)
    stream.appendString(value)
  }

  mutating func encode(_ value: Bool, forKey key: Key) throws {
    begin(key)
    stream.append(value ? "true" : "false")
  }

  mutating func encode(_ value: Int, forKey key: Key) throws {
    begin(key)
    stream.append(String(value))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    begin(key)
    return StreamEncoder(stream: stream, depth: depth + 1).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    begin(key)
    return StreamEncoder(stream: stream, depth: depth + 1).unkeyedContainer()
  }

  /// JSONEncoder's default: the superclass's value under the key `super`.
  mutating func superEncoder() -> any Encoder {
    stream.close(downTo: level)
    stream.beginEntry(key: "super")
    return StreamEncoder(stream: stream, depth: depth + 1)
  }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    begin(key)
    return StreamEncoder(stream: stream, depth: depth + 1)
  }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
  let stream: JSONStream
  let depth: Int
  /// As in `KeyedWriter`.
  let level: Int
  private(set) var count = 0
  var codingPath: [any CodingKey] { [] }

  init(stream: JSONStream, depth: Int, level: Int) {
    self.stream = stream
    self.depth = depth
    self.level = level
  }

  private func begin() {
    stream.close(downTo: level)
    stream.beginEntry(key: nil)
  }

  mutating func encodeNil() throws {
    begin()
    stream.append("null")
    count += 1
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    begin()
    try stream.encodeValue(value, depth: depth + 1)
    count += 1
  }

  mutating func encode(_ value: String) throws {
    begin()
    stream.appendString(value)
    count += 1
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    begin()
    count += 1
    return StreamEncoder(stream: stream, depth: depth + 1).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    begin()
    count += 1
    return StreamEncoder(stream: stream, depth: depth + 1).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    begin()
    count += 1
    return StreamEncoder(stream: stream, depth: depth + 1)
  }
}

/// Scalars: strings quoted and escaped, numbers and booleans as Swift prints them.
private struct SingleWriter: SingleValueEncodingContainer {
  let stream: JSONStream
  let depth: Int
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { stream.append("null") }
  mutating func encode(_ value: Bool) throws { stream.append(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { stream.appendString(value) }
  mutating func encode(_ value: Double) throws { throw Self.noFloats(value) }
  mutating func encode(_ value: Float) throws { throw Self.noFloats(value) }

  /// memmap writes no floating-point values, and JSONEncoder's format for them is not reproduced.
  private static func noFloats(_ value: Any) -> EncodingError {
    EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "JSONStream writes no floating-point numbers"))
  }
  mutating func encode(_ value: Int) throws { stream.append(String(value)) }
  mutating func encode(_ value: Int8) throws { stream.append(String(value)) }
  mutating func encode(_ value: Int16) throws { stream.append(String(value)) }
  mutating func encode(_ value: Int32) throws { stream.append(String(value)) }
  mutating func encode(_ value: Int64) throws { stream.append(String(value)) }
  mutating func encode(_ value: UInt) throws { stream.append(String(value)) }
  mutating func encode(_ value: UInt8) throws { stream.append(String(value)) }
  mutating func encode(_ value: UInt16) throws { stream.append(String(value)) }
  mutating func encode(_ value: UInt32) throws { stream.append(String(value)) }
  mutating func encode(_ value: UInt64) throws { stream.append(String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try stream.encodeValue(value, depth: depth) }
}
