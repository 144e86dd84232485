/// What a running Linux exported about its memory: `/sys/kernel/debug/memblock/{memory,reserved}`,
/// `/proc/iomem` and the kernel log, each nil when it was not available.
public struct LiveRecord: Sendable {
  /// `memblock.memory`; flags only when the kernel prints them (6.4 and later print the node
  /// and flags columns, 6.1 prints ranges alone).
  public var memblockMemory: [MemblockRegion]?
  public var memblockShowsFlags = false
  public var memblockReserved: [AddressRange]?
  public var iomem: [IOMemEntry]?
  /// The kernel log as text (raw `dmesg`).
  public var log: String?

  public init() {}
}

/// One line of `/proc/iomem`: its nesting depth (two spaces a level), range and name.
public struct IOMemEntry: Hashable, Sendable {
  public var depth: Int
  public var range: AddressRange
  public var name: String

  public init(depth: Int, range: AddressRange, name: String) {
    self.depth = depth
    self.range = range
    self.name = name
  }

  /// The resource names memmap reads, the one place they are spelled.
  public enum Kind: Hashable, Sendable {
    /// `System RAM`: memory the kernel maps.
    case systemRAM
    /// `reserved` (arm64) or `Reserved` (riscv): no-map memory at the top level, a reserved
    /// region below it.
    case reserved
    case other
  }

  public var kind: Kind {
    switch name {
    case "System RAM": return .systemRAM
    case "reserved", "Reserved": return .reserved
    default: return .other
    }
  }
}

/// Why a live file could not be read as what it should be: the 1-based line and its text.
public struct LiveParseError: Error, Sendable, Equatable {
  public var line: Int
  public var text: String
}

extension LiveRecord {
  /// `memblock/memory` or `memblock/reserved` as debugfs prints them (mm/memblock.c,
  /// `memblock_debug_show`): `   0: 0x0000000040000000..0x000000004fffffff    0 NOMAP`, the
  /// end inclusive; the node and flags columns are absent before 6.4. Returns the regions and
  /// whether flags were shown.
  public static func parseMemblock(_ text: String) throws(LiveParseError) -> (regions: [MemblockRegion], flags: Bool) {
    var regions: [MemblockRegion] = []
    var flags = false
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if words.isEmpty { continue }
      let bounds = words.count >= 2 ? words[1].split(separator: ".", omittingEmptySubsequences: true) : []
      guard words[0].hasSuffix(":"), bounds.count == 2, let range = inclusiveRange(bounds[0], bounds[1]) else {
        throw LiveParseError(line: number + 1, text: String(line))
      }
      flags = flags || words.count >= 4
      let noMap = words.dropFirst(3).contains("NOMAP")
      regions.append(MemblockRegion(base: range.base, size: range.size, flags: noMap ? .noMap : []))
    }
    return (regions, flags)
  }

  /// `/proc/iomem`: `  50000000-500fffff : reserved` lines.
  public static func parseIOMem(_ text: String) throws(LiveParseError) -> [IOMemEntry] {
    var entries: [IOMemEntry] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.allSatisfy({ $0 == " " }) { continue }
      let indent = line.prefix { $0 == " " }.count
      let parts = line.dropFirst(indent).split(separator: " : ", maxSplits: 1, omittingEmptySubsequences: false)
      let bounds = parts[0].split(separator: "-")
      guard parts.count == 2, bounds.count == 2, let range = inclusiveRange(bounds[0], bounds[1]) else {
        throw LiveParseError(line: number + 1, text: String(line))
      }
      entries.append(IOMemEntry(depth: indent / 2, range: range, name: String(parts[1])))
    }
    return entries
  }

  /// `first..last` in hex (with or without `0x`), as a range; nil when not numbers or reversed.
  static func inclusiveRange(_ first: Substring, _ last: Substring) -> AddressRange? {
    guard let base = NumberSyntax.hex(first), let end = NumberSyntax.hex(last), end >= base else { return nil }
    // A range that ends at 2^64 - 1 is cut one byte short rather than wrapped.
    return AddressRange(base: base, size: end - base == .max ? .max : end - base + 1)
  }
}
