/// One bank of RAM and where it came from.
public struct MemoryBank: Hashable, Sendable {
  public var range: AddressRange
  /// The node path (with the property when it is `linux,usable-memory`), or `--memory`.
  public var source: String
}

/// A bank as JSON: inspect's `memory[]` (`"0x..."` strings), read back by `diff`.
extension MemoryBank: Codable {
  /// In sorted order, the order JSON lists them in.
  public enum CodingKeys: String, CodingKey {
    case base, size, source
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Hex.plain(range.base), forKey: .base)
    try c.encode(Hex.plain(range.size), forKey: .size)
    try c.encode(source, forKey: .source)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(range: AddressRange(base: try c.decodeNumber(forKey: .base), size: try c.decodeNumber(forKey: .size)),
              source: try c.decode(String.self, forKey: .source))
  }
}

/// The memory banks of a report, in the order they were given.
public enum MemoryBanks {
  public static func list(_ report: MapReport) -> [MemoryBank] {
    switch report.memorySource {
    case .overrides(let ranges, let origin):
      return ranges.map { MemoryBank(range: $0, source: origin) }
    case .efiMap:
      return (report.efi.firmware?.ram.memory ?? []).map { MemoryBank(range: $0, source: "--efi-map") }
    case .unknown:
      return []
    case .deviceTree:
      break
    }
    var banks: [MemoryBank] = []
    for node in report.description.memoryNodes where node.isAvailable(to: report.kernel.profile.version) {
      let source = node.rangesProperty == .usableMemory
        ? node.path + " (\(MemoryNode.RangesProperty.usableMemory.rawValue))" : node.path
      for entry in node.entries where entry.size != 0 {
        banks.append(MemoryBank(range: AddressRange(base: entry.address, size: entry.size), source: source))
      }
    }
    return banks
  }
}

/// The display order of regions: placed ones by address (then size), unplaced ones last in
/// the order the kernel met them.
public enum RegionOrder {
  public static func sorted(_ regions: [KernelRegion]) -> [KernelRegion] {
    order(regions).map { regions[$0] }
  }

  /// The positions of `regions` in that order: placed ones by base, then size, then position;
  /// unplaced ones after them by position. Sorting positions, not regions, keeps a tree of
  /// 100,000 regions from being copied three times.
  public static func order(_ regions: [KernelRegion]) -> [Int] {
    regions.indices.sorted { a, b in
      switch (regions[a].range, regions[b].range) {
      case let (x?, y?): return (x.base, x.size, a) < (y.base, y.size, b)
      case (.some, .none): return true
      case (.none, .some): return false
      case (.none, .none): return a < b
      }
    }
  }
}
