/// Receives the fields of one record, key by key, in the order its owner gives them (sorted):
/// how a record is written as a JSON object without an `Encoder` per value. A record that
/// writes itself this way (`KernelRegion.write(to:)`) owns its keys and their spelling once;
/// inspect's streaming writer receives them directly, any other `Encoder` through
/// `EncoderFieldWriter`.
public protocol FieldWriter {
  /// A string, or `null` when nil.
  mutating func string(_ key: String, _ value: String?)
  /// A string, or no key at all when nil.
  mutating func stringIfPresent(_ key: String, _ value: String?)
  mutating func bool(_ key: String, _ value: Bool)
  mutating func int(_ key: String, _ value: Int)
  mutating func strings(_ key: String, _ values: [String])
}

/// A `FieldWriter` over the keyed container of any `Encoder` (Foundation's `JSONEncoder` for
/// the diff). The first encoding error is kept for `finish()`.
public struct EncoderFieldWriter: FieldWriter {
  /// Any string is a key here: the record that writes decides which.
  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { nil }
  }

  private var container: KeyedEncodingContainer<Key>
  private var error: (any Error)?

  public init(_ encoder: any Encoder) {
    container = encoder.container(keyedBy: Key.self)
  }

  /// Throws the first error the encoder reported.
  public func finish() throws {
    if let error { throw error }
  }

  private mutating func attempt(_ body: (inout KeyedEncodingContainer<Key>) throws -> Void) {
    guard error == nil else { return }
    do { try body(&container) } catch { self.error = error }
  }

  public mutating func string(_ key: String, _ value: String?) {
    attempt { c in
      if let value { try c.encode(value, forKey: Key(key)) } else { try c.encodeNil(forKey: Key(key)) }
    }
  }

  public mutating func stringIfPresent(_ key: String, _ value: String?) {
    attempt { try $0.encodeIfPresent(value, forKey: Key(key)) }
  }

  public mutating func bool(_ key: String, _ value: Bool) {
    attempt { try $0.encode(value, forKey: Key(key)) }
  }

  public mutating func int(_ key: String, _ value: Int) {
    attempt { try $0.encode(value, forKey: Key(key)) }
  }

  public mutating func strings(_ key: String, _ values: [String]) {
    attempt { try $0.encode(values, forKey: Key(key)) }
  }
}
