import Testing

@testable import MemoryMap

/// riscv64 as the second architecture: how a tree names it, and memblock's early slots.
@Suite struct KernelArchitectureTests {
  static func description(cpus: [String], board: [String] = []) -> MemoryDescription {
    var description = MemoryDescription(file: "t.dtb", rootCells: RootCells(addressCells: 2, sizeCells: 2))
    description.cpuCompatible = cpus
    description.boardCompatible = board
    return description
  }

  @Test("the CPUs name the architecture, else the root compatible of QEMU's boards, else nobody")
  func detection() {
    // Debian sid's riscv DTBs: StarFive JH7110 cpus say "sifive,u74-mc", "riscv"; T-Head
    // TH1520 "thead,c910", "riscv"; arm64 boards name ARM cores.
    #expect(KernelArchitecture.detect(Self.description(cpus: ["sifive,u74-mc", "riscv"])) == .riscv64)
    #expect(KernelArchitecture.detect(Self.description(cpus: ["arm,cortex-a53"])) == .arm64)
    #expect(KernelArchitecture.detect(Self.description(cpus: [], board: ["riscv-virtio"])) == .riscv64)
    #expect(KernelArchitecture.detect(Self.description(cpus: [], board: ["linux,dummy-virt"])) == .arm64)
    #expect(KernelArchitecture.detect(Self.description(cpus: ["qcom,kryo"])) == nil)
    #expect(KernelArchitecture.detect(Self.description(cpus: ["riscv", "arm,cortex-a53"])) == nil)
  }

  // MARK: - memblock's static arrays (mm/memblock.c)

  @Test("flagging no-map needs room for two more regions before it looks at the range")
  func isolateNeedsTwo() {
    // memblock_isolate_range() asks for cnt + 2 <= max whatever the range splits.
    var memblock = Memblock(staticSlots: 5)
    memblock.add(base: 0x8000_0000, size: 0x1000_0000)
    memblock.markNoMap(base: 0x8100_0000, size: 0x1000)  // 1 -> 3 regions
    #expect(memblock.memory.count == 3 && memblock.overflow == nil)
    memblock.markNoMap(base: 0x8200_0000, size: 0x1000)  // 3 + 2 <= 5 -> 5 regions
    #expect(memblock.memory.count == 5 && memblock.overflow == nil)
    memblock.markNoMap(base: 0x8000_0000, size: 0x1000)  // 5 + 2 > 5, though it would add only 1
    #expect(memblock.overflow == MemblockOverflow(list: .memory, range: AddressRange(base: 0x8000_0000, size: 0x1000), regions: 5))
    #expect(memblock.memory.count == 5, "nothing changes after the overflow")
  }

  @Test("reserving needs a slot for every part not yet covered; the first region is free")
  func reserveCountsPieces() {
    // memblock_add_range(): an empty list takes the range in its placeholder slot; otherwise
    // it counts the new pieces and needs cnt + pieces <= max.
    var memblock = Memblock(staticSlots: 2)
    memblock.reserve(base: 0x1000, size: 0x1000)
    memblock.reserve(base: 0x3000, size: 0x1000)
    #expect(memblock.reserved.count == 2 && memblock.overflow == nil)
    memblock.reserve(base: 0x1800, size: 0x2000)  // covered but for [0x2000, 0x3000): one piece
    #expect(memblock.overflow?.list == .reserved && memblock.overflow?.regions == 2)
    var merged = Memblock(staticSlots: 2)
    merged.reserve(base: 0x1000, size: 0x1000)
    merged.reserve(base: 0x1000, size: 0x800)  // inside: no new piece
    #expect(merged.overflow == nil && merged.reserved.count == 1)
  }

  @Test("without a limit nothing overflows (arm64)")
  func unlimited() {
    var memblock = Memblock()
    memblock.add(base: 0x4000_0000, size: 0x4000_0000)
    for hole in 0..<200 { memblock.markNoMap(base: 0x5000_0000 + UInt64(hole) << 20, size: 0x8_0000) }
    #expect(memblock.memory.count == 401 && memblock.overflow == nil)
  }
}
