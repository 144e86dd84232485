extension KeyedDecodingContainer {
  /// A number written as a `"0x..."` string, as memmap's JSON writes addresses and sizes (any
  /// form `NumberSyntax` reads); nil when the key is absent or null. Text that is not a
  /// number is refused with the key's path, not read as absent.
  func decodeNumberIfPresent(forKey key: Key) throws -> UInt64? {
    guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let value = NumberSyntax.parse(text) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a number: \(text)")
    }
    return value
  }

  /// As `decodeNumberIfPresent`, for a key that must be there.
  func decodeNumber(forKey key: Key) throws -> UInt64 {
    guard let value = try decodeNumberIfPresent(forKey: key) else {
      throw DecodingError.valueNotFound(String.self, DecodingError.Context(
        codingPath: codingPath + [key], debugDescription: "no number"))
    }
    return value
  }
}
