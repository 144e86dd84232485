import MemoryMap

/// What the picture shows of one memory map: its banks, its regions with the marks they get
/// (kind, flags, overlap, change) and its totals. Built from a report or from one side of a diff.
struct MapPicture: Equatable {
  /// One region as the picture draws it: the region's record and the marks the picture adds.
  struct Block: Equatable {
    /// The region, from a report or from a diff's side.
    var region: KernelRegion
    /// True when the region overlaps another or a `/memreserve/` entry (`RegionOverlaps`):
    /// outlined in red.
    var overlaps = false
    /// The diff's change words for this side (`added`, `moved,resized`); empty outside a diff.
    var changes: [String] = []

    init(_ region: KernelRegion, overlaps: Bool = false) {
      self.region = region
      self.overlaps = overlaps
    }

    /// The short name on the label: node name, `[reg N]` for later entries.
    var name: String { region.shortLabel }
    /// The full path (or name), to match findings and for the hover text.
    var key: String { region.path ?? region.name }
    /// `static`, `dynamic`, `memreserve` or `boot`: picks the colour.
    var kind: RegionKind { region.kind }
    /// Where it lies; nil (or empty) for a region with no place in the map.
    var range: AddressRange? { region.range }
    var size: UInt64 { region.size }
    var noMap: Bool { region.noMap }
    var reusable: Bool { region.reusable }
    /// False for a region that holds no memory (disabled, failed, skipped): drawn faded.
    var active: Bool { region.status == .reserved }
    /// Why the region holds no memory (`disabled`, `failed: zero-size`).
    var note: String? { RegionText.inactiveNote(region) }

    /// Lines of the hover text after the first, in the inspect table's words (`RegionText`):
    /// range, size, kind and flags, status and init, compatible.
    var details: [String] {
      var lines = [RegionText.range(region.range),
                   "\(Formatting.humanSize(region.size)) \(region.kind.rawValue), \(RegionText.flags(region))",
                   "status \(RegionText.status(region)), init \(RegionText.initResult(region))"]
      if !region.compatible.isEmpty { lines.append("compatible " + RegionText.compatible(region)) }
      return lines
    }

    /// The range drawn: nil when empty; a range running past 2^64 - 1 stops there.
    var drawnRange: AddressRange? {
      guard let range, !range.isEmpty else { return nil }
      return AddressRange(start: range.base, end: range.saturatedEnd)
    }
  }

  /// A bank of RAM and where it came from.
  struct Bank: Equatable {
    var range: AddressRange
    var source: String?
  }

  var file: String
  var kernel: String
  var banks: [Bank]
  /// Regions in table order (placed by address, then the unplaced ones).
  var blocks: [Block]
  /// RAM, reserved, no-map and free, in words.
  var totals: String
  /// Sentences about the map as a whole (RAM left to the boot loader), under the title.
  var notes: [String] = []
}
