import DeviceTree
import Testing
import TestSupport

@testable import MemoryMap

/// Issue #15: overlapping pairs were listed in full (10,000 regions at one address: 50 million
/// pairs, 1.95 GB). `OverlapSweep` names at most `limit` per range and counts the rest.
@Suite struct OverlapSweepTests {
  /// The answer by comparing every pair, for checking the sweep.
  static func bruteForce(_ ranges: [AddressRange], groups: [Int], limit: Int) -> [OverlapSweep.Step] {
    let order = ranges.indices.filter { !ranges[$0].isEmpty }.sorted {
      (ranges[$0].base, ranges[$0].size, $0) < (ranges[$1].base, ranges[$1].size, $1)
    }
    return order.enumerated().map { position, index in
      let partners = order[..<position].filter { groups[$0] != groups[index] && ranges[$0].overlaps(ranges[index]) }
      return OverlapSweep.Step(index: index, named: Array(partners.prefix(limit)), total: partners.count)
    }
  }

  /// Up to 80 page-granular ranges (some empty) in 256 KiB, each in one of four groups.
  static func randomRanges(seed: UInt64) -> (ranges: [AddressRange], groups: [Int]) {
    var random = SplitMix64(seed: seed)
    let count = Int.random(in: 0...80, using: &random)
    let ranges = (0..<count).map { _ in
      AddressRange(base: UInt64.random(in: 0...64, using: &random) * 0x1000,
                   size: UInt64.random(in: 0...16, using: &random) * 0x1000)
    }
    return (ranges, (0..<count).map { _ in Int.random(in: 0...3, using: &random) })
  }

  @Test("random ranges and groups: the same steps as comparing every pair", arguments: 0..<20)
  func sameAsBruteForce(_ seed: Int) {
    let (ranges, groups) = Self.randomRanges(seed: UInt64(seed) &* 0x9e37_79b9)
    let steps = OverlapSweep.steps(ranges, groups: groups, limit: 3)
    let expected = Self.bruteForce(ranges, groups: groups, limit: 3)
    #expect(steps.map(\.index) == expected.map(\.index))
    #expect(steps.map(\.named) == expected.map(\.named))
    #expect(steps.map(\.total) == expected.map(\.total))
  }

  @Test("400 carve-outs at one address, every other no-map: at most 9 MM031 findings per entry")
  func efiOverrideFlood() throws {
    let reserved = (0..<400).map { i in
      FDTNode("r\(i)@90000000", [("reg", FDTWriter.pairs(0x9000_0000, 0x1000))] + (i % 2 == 0 ? [("no-map", [])] : []))
    }
    let blob = try DeviceTreeBlob(bytes: FDTWriter.blob(.board(reserved: reserved)), file: "flood.dtb")
    let report = try MapReport.make(blob, options: MapOptions())
    let overrides = report.findings.filter { $0.rule == RuleCatalogue.ubootEFITypeOverridden }
    #expect(!overrides.isEmpty)
    #expect(overrides.count <= 9 * 400, "\(overrides.count) findings")
    #expect(overrides.contains { $0.message.contains("also overlaps") })
  }
}

extension OverlapSweepTests {
  @Test("a total limit: names stop once it is reached, counts go on")
  func totalLimit() {
    let ranges = [AddressRange](repeating: AddressRange(base: 0x1000, size: 0x1000), count: 50)
    let steps = OverlapSweep.steps(ranges, groups: Array(0..<50), limit: 8, totalLimit: 20)
    #expect(steps.map(\.named.count).reduce(0, +) == 20)
    #expect(steps.map(\.total) == Array(0..<50))
    #expect(steps.last?.named.isEmpty == true)
  }
}

extension OverlapSweepTests {
  @Test("3,000 regions at one address: at most 10,000 MM001 pairs in the tree, every region counted")
  func treeLimit() throws {
    let reserved = (0..<3000).map { FDTNode("r\($0)@90000000", [("reg", FDTWriter.pairs(0x9000_0000, 0x1000))]) }
    let blob = try DeviceTreeBlob(bytes: FDTWriter.blob(.board(reserved: reserved)), file: "flood.dtb")
    let overlaps = try MapReport.make(blob, options: MapOptions()).findings.filter { $0.rule == RuleCatalogue.reservedOverlap }
    let pairs = overlaps.filter { $0.nodes.count == 2 }
    #expect(pairs.count == OverlapAnalysis.pairsPerTree)
    #expect(overlaps.count - pairs.count == 2999 - 8, "one count for each region past the eighth")
    #expect(overlaps.contains { $0.message.hasSuffix("overlaps 2999 regions") })
  }
}

extension OverlapSweepTests {
  @Test("the ranges that overlap one of another group: the same as comparing every pair, caps or not",
        arguments: 0..<20)
  func overlappingSameAsBruteForce(_ seed: Int) {
    let (ranges, groups) = Self.randomRanges(seed: UInt64(seed) &* 0x85eb_ca6b)
    // A tight total limit: which ranges overlap must not depend on how many pairs are named.
    let steps = OverlapSweep.steps(ranges, groups: groups, limit: 2, totalLimit: 5)
    let expected = ranges.indices.filter { i in
      ranges.indices.contains { j in groups[j] != groups[i] && ranges[j].overlaps(ranges[i]) }
    }
    #expect(OverlapSweep.overlapping(steps, ranges: ranges, groups: groups).sorted() == expected)
  }

  @Test("the record names every overlapping region and /memreserve/ entry, and no other")
  func record() throws {
    // Fixtures/boards/example-board: tfa@80000000 lies over /memreserve/ entry 0 and overlaps
    // no other node; optee@fe000000 and the rest overlap nothing.
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("boards", "example-board"))
    let report = try MapReport.make(blob, options: MapOptions())
    let names = report.overlaps.regions.map { report.kernel.regions[$0].name }.sorted()
    #expect(names == ["memreserve[0]", "tfa@80000000"])
    // Fixtures/kernel/05-overlap-static: a over b, c over d (the kernel's own OVERLAP pairs).
    let overlapping = try MapReport.make(
      DeviceTreeBlob.load(path: Fixtures.dtb("kernel", "05-overlap-static")), options: MapOptions())
    #expect(overlapping.overlaps.regions.map { overlapping.kernel.regions[$0].name }.sorted()
              == ["a@50000000", "b@50100000", "c@52000000", "d@52080000"])
  }
}
