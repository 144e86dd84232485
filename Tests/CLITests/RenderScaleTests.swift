import Foundation
import MemoryMap
import Testing
import TestSupport

@testable import memmap

/// The segmented scale and the column layout: every region visible (at least one label line
/// high), in address order, labelled, and no two labels on top of each other.
@Suite struct RenderScaleTests {
  static let metrics = MapScale.Metrics()

  // MARK: - The scale alone

  @Test("a segment's height: the minimum up to 4 KiB, then a fixed step per doubling")
  func heights() {
    let m = Self.metrics
    #expect(MapScale.height(forSize: 1, metrics: m) == m.minimumSegment)
    #expect(MapScale.height(forSize: 0x1000, metrics: m) == m.minimumSegment)
    #expect(MapScale.height(forSize: 0x2000, metrics: m) == m.minimumSegment + m.perDoubling)
    #expect(MapScale.height(forSize: 0x4_0000_0000, metrics: m) == m.minimumSegment + 22 * m.perDoubling)
    let sizes = (0..<64).map { UInt64(1) << $0 }
    let heights = sizes.map { MapScale.height(forSize: $0, metrics: m) }
    #expect(heights == heights.sorted())
  }

  @Test("touching and overlapping ranges make one bar; a hole starts another")
  func runs() {
    let runs = MapScale.runs([
      AddressRange(base: 0x1000, size: 0x1000), AddressRange(base: 0x2000, size: 0x1000),
      AddressRange(base: 0x2800, size: 0x1000), AddressRange(base: 0x10000, size: 0x1000),
      AddressRange(base: 0x20000, size: 0),
    ])
    #expect(runs == [AddressRange(base: 0x1000, size: 0x2800), AddressRange(base: 0x10000, size: 0x1000)])
  }

  @Test("a 4 KiB region in a 16 GiB bank gets a visible segment; y grows with the address")
  func smallInLarge() throws {
    let bank = AddressRange(base: 0x8000_0000, size: 0x4_0000_0000)
    let tiny = AddressRange(base: 0x2_0000_0000, size: 0x1000)
    let scale = MapScale(ranges: [bank, tiny], labelled: [[tiny]])
    let span = try #require(scale.span(tiny))
    #expect(span.bottom - span.top >= Self.metrics.minimumSegment)
    #expect(scale.bars.count == 1 && scale.bars[0].segments.count == 3)
    let ys = scale.bars[0].segments.map(\.top) + [scale.bars[0].bottom]
    #expect(ys == ys.sorted() && Set(ys).count == ys.count)
    #expect(scale.y(0x8000_0000) == scale.bars[0].top && scale.y(0x4_8000_0000) == scale.bars[0].bottom)
    #expect(scale.y(0x7fff_ffff) == nil)
  }

  @Test("three labels starting at one address: the segment holds three lines")
  func labelDemand() {
    let r = AddressRange(base: 0x5000_0000, size: 0x1000)
    let scale = MapScale(ranges: [r, r, r], labelled: [[r, r, r]])
    #expect(scale.bars[0].segments[0].height == 3 * Self.metrics.line)
  }

  @Test("crowded labels are spaced by one line and stay inside the column")
  func labelPlacement() {
    let y = LabelPlacement.place(desired: [50, 50, 50, 52, 400, 399], line: 16, top: 0, bottom: 420)
    let sorted = y.sorted()
    #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 >= 16 })
    #expect(sorted.first! >= 8 && sorted.last! <= 420 - 8)
    #expect(y[0] < y[1] && y[1] < y[2])
  }

  @Test("a region inside another takes a second lane; regions that overlap nothing keep one")
  func lanes() throws {
    let report = try RenderGoldenTests.report("boards", "example-board")
    let picture = MapPicture(report)
    let layout = ColumnLayout(picture, scale: MapScale(
      ranges: picture.banks.map(\.range) + picture.blocks.compactMap(\.drawnRange),
      labelled: [picture.blocks.compactMap(\.drawnRange)]))
    func placed(_ name: String) throws -> ColumnLayout.PlacedBlock {
      try #require(layout.blocks.first { picture.blocks[$0.index].name == name })
    }
    #expect(try placed("tfa@80000000").lane == 0 && placed("tfa@80000000").lanes == 2)
    #expect(try placed("memreserve[0]").lane == 1)
    #expect(try placed("optee@fe000000").lanes == 1)
    #expect(picture.blocks.filter(\.overlaps).map(\.name) == ["memreserve[0]", "tfa@80000000"])
  }

  // MARK: - Every fixture

  static let fixtures = ["boards/example-board", "render/many-regions"]
    + Fixtures.names(in: "lint", suffix: ".dts").map { "lint/" + $0 }
    + Fixtures.names(in: "kernel", suffix: ".dts").map { "kernel/" + $0 }

  @Test("every region is drawn at least one line high, in address order, labelled once, labels apart",
        arguments: fixtures)
  func everyRegion(_ fixture: String) throws {
    let parts = fixture.split(separator: "/").map(String.init)
    let picture = MapPicture(try RenderGoldenTests.report(parts[0], parts[1]))
    try Self.checkColumn(picture, scale: MapScale(
      ranges: picture.banks.map(\.range) + picture.blocks.compactMap(\.drawnRange),
      labelled: [picture.blocks.compactMap(\.drawnRange)]))
    let svg = SVGRenderer.render(picture)
    for block in picture.blocks {
      let label = "<tspan font-weight=\"bold\">\(XML.text(block.name))</tspan>"
      let footer = ">not placed: \(XML.text(SVGColumn.labelText(block)))</text>"
      #expect(svg.contains(block.drawnRange == nil ? footer : label), "no label for \(block.name)")
    }
  }

  @Test("a diff: both columns on one scale, a region unchanged between them at the same height")
  func diffColumns() throws {
    let diff = try RenderGoldenTests.diff("base", "moved")
    let (a, b) = MapPicture.pair(diff)
    let scale = MapScale(
      ranges: [a, b].flatMap { $0.banks.map(\.range) + $0.blocks.compactMap(\.drawnRange) },
      labelled: [a, b].map { $0.blocks.compactMap(\.drawnRange) })
    try Self.checkColumn(a, scale: scale)
    try Self.checkColumn(b, scale: scale)
    let left = ColumnLayout(a, scale: scale)
    let right = ColumnLayout(b, scale: scale)
    let ramoops = { (p: MapPicture, l: ColumnLayout) in l.blocks.first { p.blocks[$0.index].name == "ramoops@50000000" } }
    #expect(ramoops(a, left)?.top == ramoops(b, right)?.top)
    #expect(a.blocks.first { $0.name == "optee@4e000000" }?.changes == ["moved"])
    #expect(b.blocks.first { $0.name == "optee@4d000000" }?.changes == ["moved"])
  }

  /// The layout's promises for one column.
  static func checkColumn(_ picture: MapPicture, scale: MapScale) throws {
    let layout = ColumnLayout(picture, scale: scale)
    #expect(layout.blocks.count == picture.blocks.filter { $0.drawnRange != nil }.count)
    for placed in layout.blocks {
      #expect(placed.bottom - placed.top >= metrics.minimumSegment, "\(picture.blocks[placed.index].name) too low")
    }
    let byAddress = layout.blocks.sorted {
      (picture.blocks[$0.index].drawnRange!.base, $0.index) < (picture.blocks[$1.index].drawnRange!.base, $1.index)
    }
    for (x, y) in zip(byAddress, byAddress.dropFirst()) {
      #expect(x.top <= y.top)
      if picture.blocks[x.index].drawnRange!.saturatedEnd <= picture.blocks[y.index].drawnRange!.base {
        #expect(x.bottom <= y.top)
      }
    }
    let labels = layout.blocks.map(\.labelY).sorted()
    #expect(zip(labels, labels.dropFirst()).allSatisfy { $1 - $0 >= metrics.line }, "labels overlap")
    if let first = labels.first, let last = labels.last {
      #expect(first >= 0 && last <= scale.height)
    }
  }
}

/// Issue #15: a tree of 10,000 memory banks took 24 s to render, each bar scanning every range
/// and every bank. Bars, segments and covering runs are now found by binary search; these
/// check that the search gives what a scan gives.
@Suite struct RenderScaleSearchTests {
  @Test("y by binary search equals y by a scan over every bar and segment, on random scales", arguments: 0..<10)
  func yMatchesScan(_ seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) + 0x5ca1e)
    let ranges = (0..<Int.random(in: 1...60, using: &random)).map { _ in
      AddressRange(base: UInt64.random(in: 0...200, using: &random) * 0x1000,
                   size: UInt64.random(in: 0...8, using: &random) * 0x1000)
    }
    let scale = MapScale(ranges: ranges, labelled: [ranges])
    func scanned(_ address: UInt64) -> Int? {
      for bar in scale.bars {
        if address == bar.range.saturatedEnd { return bar.bottom }
        for segment in bar.segments where segment.range.contains(address) {
          let offset = address - segment.range.base
          return segment.top + Int(offset * UInt64(segment.height) / segment.range.size)
        }
      }
      return nil
    }
    for address in stride(from: UInt64(0), through: 210 * 0x1000, by: 0x800) {
      #expect(scale.y(address) == scanned(address), "0x\(String(address, radix: 16))")
    }
    let runs = MapScale.runs(ranges)
    for address in stride(from: UInt64(0), through: 210 * 0x1000, by: 0x800) {
      let probe = AddressRange(base: address, size: 0x800)
      #expect(ColumnLayout.covered(probe, by: runs) == runs.contains { $0.overlaps(probe) })
    }
  }

  @Test("2,000 banks: one caption per bar, each naming its own bank")
  func manyBanks() throws {
    let banks = (0..<2000).map { i in
      let base = 0x8000_0000 + UInt64(i) * 0x20_0000
      return FDTNode("memory@\(String(base, radix: 16))", [("device_type", FDTWriter.strings("memory")),
                                                          ("reg", FDTWriter.pairs(base, 0x10_0000))])
    }
    let root = FDTNode("", [("#address-cells", FDTWriter.cells(2)), ("#size-cells", FDTWriter.cells(2))], children: banks)
    let path = NSTemporaryDirectory() + "memmap-banks-\(getpid()).dtb"
    try Data(FDTWriter.blob(root)).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Binary.run(["render", "--format", "svg", "-o", "-", path])
    #expect(run.status == 0, "\(run.stderr)")
    let captions = run.stdout.split(separator: "\n").filter { $0.contains(">RAM 0x") }
    #expect(captions.count == 2000)
    #expect(captions.allSatisfy { $0.components(separatedBy: "+1 MiB").count == 2 }, "one bank per caption")
  }
}
