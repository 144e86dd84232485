/// A region as JSON: the object of inspect's `reserved[]`, of a diff's `before` and `after`,
/// and what `diff` and `render` read back from a saved inspect document. The keys are declared
/// here once; adding a field to the record means adding its key, its line in `write(to:)` and
/// in `init(from:)`, and nothing in the renderers that do not show it.
extension KernelRegion: Codable {
  /// The JSON keys, in sorted order, the order JSON lists them in: written in that order, they
  /// need no reordering by the streaming writer.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case base, compatible, entry, inTable
    case initResult = "init"
    case kind, name
    case noMap = "nomap"
    case path, reason, reusable, size, status
  }

  /// Writes every field, keys in sorted order. Addresses and sizes are `"0x..."` strings;
  /// `base` and `path` are null when the region has none; `reason` is there only for a region
  /// that failed or was skipped.
  public func write<W: FieldWriter>(to w: inout W) {
    typealias Key = CodingKeys
    w.string(Key.base.rawValue, range.map { Hex.plain($0.base) })
    w.strings(Key.compatible.rawValue, compatible)
    w.int(Key.entry.rawValue, entry)
    w.bool(Key.inTable.rawValue, inTable)
    w.string(Key.initResult.rawValue, initResult.rawValue)
    w.string(Key.kind.rawValue, kind.rawValue)
    w.string(Key.name.rawValue, name)
    w.bool(Key.noMap.rawValue, noMap)
    w.string(Key.path.rawValue, path)
    w.stringIfPresent(Key.reason.rawValue, status.reason)
    w.bool(Key.reusable.rawValue, reusable)
    w.string(Key.size.rawValue, Hex.plain(size))
    w.string(Key.status.rawValue, status.word.rawValue)
  }

  public func encode(to encoder: any Encoder) throws {
    var writer = EncoderFieldWriter(encoder)
    write(to: &writer)
    try writer.finish()
  }

  /// Reads what `write(to:)` wrote. A number that does not parse, or a status whose reason is
  /// not one memmap gives, is refused rather than read as "not placed" or "reserved". What
  /// JSON does not carry (`cmaCandidate`) keeps its default.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let size = try c.decodeNumber(forKey: .size)
    let word = try c.decode(RegionStatus.Word.self, forKey: .status)
    let reason = try c.decodeIfPresent(String.self, forKey: .reason)
    guard let status = RegionStatus(word, reason: reason) else {
      throw DecodingError.dataCorruptedError(
        forKey: .reason, in: c, debugDescription: "\(word.rawValue) with reason \(reason ?? "none")")
    }
    self.init(
      name: try c.decode(String.self, forKey: .name), path: try c.decodeIfPresent(String.self, forKey: .path),
      kind: try c.decode(RegionKind.self, forKey: .kind), entry: try c.decode(Int.self, forKey: .entry),
      range: try c.decodeNumberIfPresent(forKey: .base).map { AddressRange(base: $0, size: size) }, size: size,
      noMap: try c.decode(Bool.self, forKey: .noMap), reusable: try c.decode(Bool.self, forKey: .reusable),
      compatible: try c.decode([String].self, forKey: .compatible), status: status,
      initResult: try c.decode(InitResult.self, forKey: .initResult),
      inTable: try c.decode(Bool.self, forKey: .inTable))
  }
}

extension RegionStatus {
  /// The status JSON's word and reason name: a reason for a failure or a skip, none otherwise.
  /// Nil when they do not fit together.
  public init?(_ word: Word, reason: String?) {
    switch word {
    case .reserved, .disabled:
      guard reason == nil else { return nil }
      self = word == .reserved ? .reserved : .disabled
    case .failed:
      guard let why = reason.flatMap(FailureReason.init(rawValue:)) else { return nil }
      self = .failed(why)
    case .skipped:
      guard let why = reason.flatMap(SkipReason.init(rawValue:)) else { return nil }
      self = .skipped(why)
    }
  }
}
