import Testing

@testable import MemoryMap

/// U-Boot's `lib_test_lmb_flags` through the Swift API, region flags included (U-Boot checks
/// them with `lmb_is_nomap`; the script fixture checks the same through `is-reserved`).
@Suite struct LMBFlagsVectorTests {
  private typealias Step = (base: UInt64, flags: LMBFlags, status: LMBStatus, after: [LMBRegion])

  private static func r(_ base: UInt64, _ size: UInt64, _ flags: LMBFlags = .none) -> LMBRegion {
    LMBRegion(base: base, size: size, flags: flags)
  }

  // U-Boot test/lib/lmb.c, lib_test_lmb_flags: every lmb_reserve(base, 0x10000, flags) call,
  // its asserted return value and ASSERT_LMB list (the fourth region of step 10 is derived).
  private static let steps: [Step] = [
    (0x4001_0000, .noMap, .ok, [r(0x4001_0000, 0x1_0000, .noMap)]),
    (0x4001_0000, .noMap, .exists, [r(0x4001_0000, 0x1_0000, .noMap)]),
    (0x4001_0000, .none, .exists, [r(0x4001_0000, 0x1_0000, .noMap)]),
    (0x4002_0000, .noMap, .ok, [r(0x4001_0000, 0x2_0000, .noMap)]),
    (0x4000_0000, .noMap, .ok, [r(0x4000_0000, 0x3_0000, .noMap)]),
    (0x4003_0000, .none, .ok, [r(0x4000_0000, 0x3_0000, .noMap), r(0x4003_0000, 0x1_0000)]),
    (0x4004_0000, .none, .ok, [r(0x4000_0000, 0x3_0000, .noMap), r(0x4003_0000, 0x2_0000)]),
    (0x4007_0000, .noMap, .ok, [r(0x4000_0000, 0x3_0000, .noMap), r(0x4003_0000, 0x2_0000),
                                r(0x4007_0000, 0x1_0000, .noMap)]),
    (0x4005_0000, .noMap, .ok, [r(0x4000_0000, 0x3_0000, .noMap), r(0x4003_0000, 0x2_0000),
                                r(0x4005_0000, 0x1_0000, .noMap), r(0x4007_0000, 0x1_0000, .noMap)]),
    (0x4006_0000, .noMap, .ok, [r(0x4000_0000, 0x3_0000, .noMap), r(0x4003_0000, 0x2_0000),
                                r(0x4005_0000, 0x3_0000, .noMap)]),
  ]

  @Test("lib_test_lmb_flags, step by step, whole list after every step")
  func flagsVector() {
    var lmb = LMB()
    #expect(lmb.add(base: 0x4000_0000, size: 0x2000_0000) == .ok)
    for (index, step) in Self.steps.enumerated() {
      #expect(lmb.reserve(base: step.base, size: 0x1_0000, flags: step.flags) == step.status,
              "step \(index + 2)")
      #expect(lmb.reserved == step.after, "step \(index + 2)")
      #expect(lmb.memory == [Self.r(0x4000_0000, 0x2000_0000)], "step \(index + 2)")
    }
  }
}
