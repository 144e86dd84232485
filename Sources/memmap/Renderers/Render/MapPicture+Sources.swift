import MemoryMap

extension MapPicture {
  /// The picture of one report: every region of the inspect table (boot reservations
  /// included), in its order, and the banks the kernel uses.
  init(_ report: MapReport) {
    self.init(
      file: report.file, kernel: report.kernel.profile.name,
      banks: MemoryBanks.list(report).map { Bank(range: $0.range, source: $0.source) },
      blocks: RegionOrder.order(report.kernel.regions).map {
        Block(report.kernel.regions[$0], overlaps: report.overlaps.regions.contains($0))
      },
      totals: Self.totals(report.summary))
    if !report.ramKnown { notes.append("RAM unknown: " + RAMUnknownText.remedy + ".") }
  }

  /// The two pictures of a diff, each region that changed marked with its change words.
  static func pair(_ diff: MapDiff) -> (MapPicture, MapPicture) {
    var a = MapPicture(diff.a)
    var b = MapPicture(diff.b)
    for change in diff.regions {
      let words = change.changes.map(\.rawValue)
      if let before = change.before { a.mark(before, words) }
      if let after = change.after { b.mark(after, words) }
    }
    return (a, b)
  }

  /// The picture of one side of a diff (a snapshot has no boot reservations).
  init(_ snapshot: MapSnapshot) {
    self.init(
      file: snapshot.file, kernel: snapshot.kernel,
      banks: snapshot.memory.map { Bank(range: $0, source: nil) },
      blocks: snapshot.regions.indices.map {
        Block(snapshot.regions[$0], overlaps: snapshot.overlapping.contains($0))
      },
      totals: Self.totals(snapshot.totals))
  }

  /// Gives the block drawn for `region` its change words.
  mutating func mark(_ region: KernelRegion, _ words: [String]) {
    guard let i = blocks.firstIndex(where: { $0.region == region }) else { return }
    blocks[i].changes = words
  }

  /// The totals line, in the words of inspect's summary.
  static func totals(_ s: MemorySummary) -> String {
    "RAM \(Formatting.humanSize(s.ram)), reserved \(Formatting.humanSize(s.reserved)), "
      + "no-map \(Formatting.humanSize(s.noMap)), free \(Formatting.humanSize(s.free))"
  }
}
