/// A property's name and a copy of its raw value.
public struct Property: Hashable, Sendable {
  public let name: String
  public let value: [UInt8]

  public init(name: String, value: [UInt8]) {
    self.name = name
    self.value = value
  }

  /// The value's length in bytes.
  public var length: Int { value.count }

  /// The value as one big-endian 32-bit cell, when it is exactly four bytes long.
  public var u32: UInt32? {
    guard value.count == 4 else { return nil }
    return Cells.cell(value, at: 0)
  }

  /// The value as a list of NUL-terminated strings (a trailing unterminated piece is kept too).
  public var strings: [String] {
    var result: [String] = []
    var start = 0
    for i in 0..<value.count where value[i] == 0 {
      result.append(String(decoding: value[start..<i], as: UTF8.self))
      start = i + 1
    }
    if start < value.count {
      result.append(String(decoding: value[start...], as: UTF8.self))
    }
    return result
  }

  /// The value compared as a C string: the bytes up to the first NUL, or nil if there is no NUL.
  public var cString: String? {
    guard let nul = value.firstIndex(of: 0) else { return nil }
    return String(decoding: value[..<nul], as: UTF8.self)
  }
}

