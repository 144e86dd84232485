import Testing

@testable import MemoryMap

/// A profile is a release x architecture x page size; each part answers for what it owns.
@Suite struct KernelProfileTests {
  @Test("every recorded release has a profile of its own name")
  func releases() {
    #expect(KernelProfile.all.map(\.name) == ["6.1", "6.12", "7.2"])
    for profile in KernelProfile.all {
      #expect(KernelProfile.named(profile.name) == profile)
      #expect(profile.architecture == .arm64 && profile.pageSize == .k4)
    }
    #expect(KernelProfile.named("5.4") == nil)
  }

  @Test("release fields read through the profile")
  func releaseFields() {
    // 6.1 reserves /memreserve/ first; from 6.4 on it comes after the scan (spec §1, b413281876292).
    #expect(KernelProfile.v6_1.memreserveFirst)
    #expect(!KernelProfile.v6_12.memreserveFirst)
    #expect(KernelProfile.v6_12.flow == .twoStage)
  }

  @Test("the page size sets the rounding and CMA_MIN_ALIGNMENT_BYTES")
  func pageSizes() {
    // CMA_MIN_ALIGNMENT_BYTES = PAGE_SIZE << pageblock_order; pageblock_order is the PMD order
    // on arm64: 2 MiB with 4K pages (cma: Reserved ... at 0x7ac00000, 2 MiB-aligned, every
    // recording), 32 MiB with 16K pages (a Raspberry Pi 5 16K log aligns CMA to 32 MiB).
    #expect(KernelProfile.v7_2.cmaAlignment == 2 << 20)
    let sixteen = KernelProfile(version: .v7_2, pageSize: .k16)
    #expect(sixteen.cmaAlignment == 32 << 20)
    #expect(sixteen.pageSize.bytes == 16384)
    #expect(sixteen.label == "7.2 arm64 16K")
    #expect(KernelProfile.v7_2.label == "7.2")
    #expect(PageSize.named("16k") == .k16 && PageSize.named("65536") == .k64)
  }
}
