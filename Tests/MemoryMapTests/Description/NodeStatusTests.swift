import DeviceTree
import Testing
import TestSupport

@testable import MemoryMap

/// `status` is decoded once, in the description; Linux's and U-Boot's readings of it are
/// checked against what the real programs did with the same trees.
@Suite struct NodeStatusTests {
  /// The `/reserved-memory` children of `Fixtures/<area>/<name>`, by node name.
  static func children(_ area: String, _ name: String) throws -> [String: ReservedMemoryNode] {
    let description = try MemoryDescription.read(try DeviceTreeBlob.load(path: Fixtures.dtb(area, name)))
    let children = try #require(description.reservedMemory?.children)
    return Dictionary(uniqueKeysWithValues: children.map { ($0.name, $0) })
  }

  @Test("terminated words: okay and ok are available to Linux, only okay is enabled for U-Boot")
  func terminated() throws {
    let nodes = try Self.children("kernel", "28-status")
    #expect(nodes["sokay@51000000"]?.status == NodeStatus(word: .okay))
    #expect(nodes["sok@52000000"]?.status == NodeStatus(word: .ok))
    #expect(nodes["sdis@50000000"]?.status == NodeStatus(word: .other("disabled")))
    #expect(nodes["sfail@53000000"]?.status == NodeStatus(word: .other("fail")))
    // Fixtures/kernel/28-status.{6.1,6.12,7.2}.txt: sokay and sok reserved, sdis and sfail not.
    for version in KernelVersion.all {
      #expect(nodes["sokay@51000000"]?.isAvailable(to: version) == true)
      #expect(nodes["sok@52000000"]?.isAvailable(to: version) == true)
      #expect(nodes["sdis@50000000"]?.isAvailable(to: version) == false)
      #expect(nodes["sfail@53000000"]?.isAvailable(to: version) == false)
    }
    // Fixtures/uboot/13-status-ok.2026.10.log: LMB holds fw@50200000 ("okay") only.
    let uboot = try Self.children("uboot", "13-status-ok")
    #expect(uboot["fw@50200000"]?.status.isEnabledForUBoot == true)
    #expect(uboot["fw@50000000"]?.status.isEnabledForUBoot == false)
  }

  /// A value without a NUL is read on into the zero bytes after it, as `strcmp` does; Linux
  /// 7.2 asks `fdt_stringlist_get`, finds no string and takes the node as having no status.
  @Test("unterminated values: strcmp reads on; Linux 7.2 counts them as absent")
  func unterminated() throws {
    let nodes = try Self.children("kernel", "61-status-unterminated")
    let okay = try #require(nodes["bokay@50000000"]?.status)
    let ok = try #require(nodes["bok@51000000"]?.status)
    let disabled = try #require(nodes["bdis@52000000"]?.status)
    #expect(okay == NodeStatus(word: .okay, isTerminated: false))
    #expect(ok == NodeStatus(word: .ok, isTerminated: false))
    #expect(disabled == NodeStatus(word: .other("disabled"), isTerminated: false))
    // Fixtures/kernel/61-status-unterminated.6.12.txt and 6.1's memblock.reserved: bokay and
    // bok reserved, bdis not; .7.2.txt: all three reserved.
    for version in [KernelVersion.v6_1, .v6_12] {
      #expect([okay, ok, disabled].map { $0.isAvailable(to: version) } == [true, true, false])
    }
    #expect([okay, ok, disabled].map { $0.isAvailable(to: .v7_2) } == [true, true, true])
    // Fixtures/uboot/60-status-unterminated.{2025.01,2026.10}.log: LMB holds bokay's range only.
    #expect([okay, ok, disabled].map(\.isEnabledForUBoot) == [true, false, false])
  }
}
