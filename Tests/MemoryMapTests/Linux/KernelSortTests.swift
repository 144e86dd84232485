import DeviceTree
import Testing
import TestSupport

@testable import MemoryMap

/// The kernel's heapsort decides the order of equal table entries, hence which pairs the
/// OVERLAP lines name. Expected orders are those the real kernels printed.
@Suite struct KernelSortTests {
  /// Five table entries as `Fixtures/kernel/38-overlap-ties.dts` saves them, in FDT order:
  /// three equal 1 MiB regions at 0x50000000, then 2 MiB and 1 MiB at 0x52000000.
  static let ties = [("t1", 0x5000_0000, 1), ("t2", 0x5000_0000, 1), ("t3", 0x5000_0000, 1),
                     ("u1", 0x5200_0000, 2), ("u2", 0x5200_0000, 1)]

  static func sorted(_ algorithm: KernelSort) -> [String] {
    var items = ties
    KernelSort.sort(&items, algorithm) { a, b in
      a.1 != b.1 ? (a.1 < b.1 ? -1 : 1) : a.2 != b.2 ? (a.2 < b.2 ? -1 : 1) : 0
    }
    return items.map(\.0)
  }

  @Test("7.2's double-pop heapsort orders the ties as Debian's 7.2.13 printed them")
  func doublePopTies() {
    // 38-overlap-ties under 7.2.13: "t3@50000000 (...) overlaps with t2@50000000 (...)",
    // "t2@50000000 (...) overlaps with t1@50000000 (...)", "u2@52000000 (...) overlaps with u1@52000000".
    #expect(Self.sorted(.doublePop) == ["t3", "t2", "t1", "u2", "u1"])
  }

  @Test("6.1's bottom-up heapsort orders the ties t1, t3, t2")
  func bottomUpTies() {
    // 38-overlap-ties under 6.1.192: t1 overlaps with t3, t3 overlaps with t2 (the fixture's comment).
    #expect(Self.sorted(.bottomUp) == ["t1", "t3", "t2", "u2", "u1"])
  }

  @Test("both variants sort", arguments: [KernelSort.bottomUp, .doublePop])
  func sorts(_ algorithm: KernelSort) {
    var generator = SplitMix64(seed: 16)
    for count in 0..<40 {
      var items = (0..<count).map { _ in Int.random(in: 0..<8, using: &generator) }
      let expected = items.sorted()
      KernelSort.sort(&items, algorithm) { $0 < $1 ? -1 : $0 > $1 ? 1 : 0 }
      #expect(items == expected)
    }
  }

  /// The OVERLAP report's second lines ("rX@50000000 (...) overlaps with rY@50000000 (...)")
  /// that each real kernel printed for `Fixtures/kernel/57-overlap-ties-seven` (seven equal
  /// regions r0..r6): the tie order of each kernel's sort.
  static let recordedPairs: [(KernelProfile, String)] = [
    (.v6_1, "r1 r2, r2 r3, r3 r4, r4 r5, r5 r6, r6 r0"),   // 6.1.192: bottom-up heapsort
    (.v6_12, "r0 r1, r1 r2, r2 r3, r3 r4, r4 r5, r5 r6"),  // 6.12.118: fdt_node tie-breaker
    (.v7_2, "r3 r1, r1 r4, r4 r5, r5 r6, r6 r2, r2 r0"),   // 7.2.13: double-pop, no tie-breaker
  ]

  @Test("the OVERLAP pairs of seven equal regions are the ones each real kernel printed",
        arguments: recordedPairs.indices)
  func sevenTies(_ index: Int) throws {
    let (profile, expected) = Self.recordedPairs[index]
    let blob = try DeviceTreeBlob.load(path: Fixtures.dtb("kernel", "57-overlap-ties-seven"))
    let result = try MapReport.make(blob, options: MapOptions(profile: profile)).kernel
    let pairs = result.events.compactMap { event -> String? in
      guard case .overlap(let first, let second) = event else { return nil }
      return "\(result.regions[first.region].name.prefix(2)) \(result.regions[second.region].name.prefix(2))"
    }
    #expect(pairs.joined(separator: ", ") == expected)
  }
}
