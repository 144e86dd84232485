/// One bank of RAM and where it came from.
public struct MemoryBank: Hashable, Sendable {
  public var range: AddressRange
  /// The node path (with the property when it is `linux,usable-memory`), or `--memory`.
  public var source: String
}

/// The memory banks of a report, in the order they were given.
public enum MemoryBanks {
  public static func list(_ report: MapReport) -> [MemoryBank] {
    if case .overrides(let ranges) = report.memorySource {
      return ranges.map { MemoryBank(range: $0, source: "--memory") }
    }
    var banks: [MemoryBank] = []
    for node in report.description.memoryNodes where node.isAvailable {
      let source = node.propertyName == "linux,usable-memory"
        ? node.path + " (linux,usable-memory)" : node.path
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
    let indexed = Array(regions.enumerated())
    return indexed.sorted { a, b in
      switch (a.element.range, b.element.range) {
      case let (x?, y?): return (x.base, x.size, a.offset) < (y.base, y.size, b.offset)
      case (.some, .none): return true
      case (.none, .some): return false
      case (.none, .none): return a.offset < b.offset
      }
    }.map(\.element)
  }
}
