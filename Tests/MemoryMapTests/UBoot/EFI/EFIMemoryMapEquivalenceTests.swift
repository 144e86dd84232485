import TestSupport
import Testing

@testable import MemoryMap

/// `EFIMemoryMap` (chunked list, carve from a binary-searched start, merge around the new
/// descriptor only) against `ReferenceEFIMap`, the plain reading of U-Boot v2026.10's
/// `efi_update_memory_map`, `efi_mem_carve_out` and `efi_mem_sort`: after every update both must
/// hold the same descriptors in the same order and have returned the same status.
///
/// The updates mix every memory type (and invalid ones), zero pages, updates overlapping or
/// adjacent to descriptors already there, allocations that must overlap conventional memory
/// only (and fail half-way, which sends the map back to a full merge), and ranges that wrap past
/// 2^64 or whose page count overflows when shifted.
@Suite struct EFIMemoryMapEquivalenceTests {
  /// One call of `efi_update_memory_map`.
  struct Update: CustomStringConvertible {
    var start: UInt64
    var pages: UInt64
    var type: EFIMemoryType
    var overlapConventional: Bool

    var description: String {
      "update(\(Hex.plain(start)), pages \(Hex.plain(pages)), type \(type.rawValue), conv \(overlapConventional))"
    }
  }

  /// Types drawn: the ones U-Boot's own callers use most, then any of the sixteen, then one
  /// `efi_update_memory_map` refuses.
  static func drawType(_ rng: inout SplitMix64) -> EFIMemoryType {
    switch UInt64.random(in: 0..<10, using: &rng) {
    case 0..<3: return .conventional
    case 3..<5: return [.bootServicesData, .reserved, .loaderData].randomElement(using: &rng)!
    case 5..<9: return EFIMemoryType(rawValue: UInt32.random(in: 0...15, using: &rng))
    default: return EFIMemoryType(rawValue: UInt32.random(in: 16...20, using: &rng))
    }
  }

  /// A page-aligned update near the descriptors already in `list` (inside one, touching one
  /// from either side, or anywhere in a 2 MiB window), or, when `hostile`, one of the edge
  /// cases: no pages, a range running past 2^64, a page count whose shift overflows.
  static func drawUpdate(_ rng: inout SplitMix64, near list: [EFIDescriptor], hostile: Bool) -> Update {
    let page: UInt64 = 0x1000
    var pages = UInt64.random(in: 1...48, using: &rng)
    var start = 0x4000_0000 + UInt64.random(in: 0..<512, using: &rng) * page
    if let d = list.randomElement(using: &rng) {
      switch UInt64.random(in: 0..<6, using: &rng) {
      case 0: start = d.end
      case 1: start = d.start &- pages &* page
      case 2: start = d.start &+ UInt64.random(in: 0..<max(d.pages, 1), using: &rng) * page
      case 3: (start, pages) = (d.start, d.pages)
      default: break
      }
    }
    if hostile {
      switch UInt64.random(in: 0..<10, using: &rng) {
      case 0: pages = 0
      case 1: start = 0 &- UInt64.random(in: 1...8, using: &rng) * page
      case 2: pages = (UInt64(1) << 52) &+ UInt64.random(in: 0...4, using: &rng)
      case 3: pages = (0 &- start) / page &+ UInt64.random(in: 0...2, using: &rng)
      default: break
      }
    }
    let conventional = UInt64.random(in: 0..<4, using: &rng) == 0
    return Update(start: start, pages: pages, type: drawType(&rng), overlapConventional: conventional)
  }

  /// Non-empty descriptors below 2^64, each ending at or below the start of the one before.
  static func isRegular(_ list: [EFIDescriptor]) -> Bool {
    list.allSatisfy { $0.start < $0.end && $0.pages < 1 << 52 }
      && zip(list, list.dropFirst()).allSatisfy { $1.end <= $0.start }
  }

  @Test("random update sequences give the reference's descriptors and statuses",
        arguments: Array(UInt64(1)...160))
  func sameAsReference(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var map = EFIMemoryMap()
    var reference = ReferenceEFIMap()
    let hostile = seed % 4 == 0
    // RAM first, as U-Boot's LMB notifications start (lib/lmb.c lmb_add -> conventional).
    for _ in 0..<UInt64.random(in: 1...3, using: &rng) {
      let start = 0x4000_0000 + UInt64.random(in: 0..<256, using: &rng) * 0x2000
      let pages = UInt64.random(in: 16...256, using: &rng)
      #expect(map.update(start: start, pages: pages, type: .conventional, overlapConventional: false)
        == reference.update(start: start, pages: pages, type: .conventional, overlapConventional: false))
    }
    for step in 0..<250 {
      let u = Self.drawUpdate(&rng, near: reference.list, hostile: hostile)
      let context = "seed \(seed) step \(step): \(u)"
      let got = map.update(start: u.start, pages: u.pages, type: u.type, overlapConventional: u.overlapConventional)
      let want = reference.update(start: u.start, pages: u.pages, type: u.type,
                                  overlapConventional: u.overlapConventional)
      #expect(got == want, "\(context)")
      #expect(map.descriptors == reference.list, "\(context)")
      // The regularity count is exact, and ordinary updates keep the shortcuts in use.
      #expect(map.list.isRegular == Self.isRegular(reference.list), "\(context)")
      if !hostile { #expect(map.list.isRegular, "\(context)") }
      if map.descriptors != reference.list { return }
    }
  }

  /// Maps of thousands of descriptors span several chunks of the list: carving, inserting and
  /// the local merge must find the same neighbours across chunk boundaries.
  @Test("updates over thousands of descriptors give the reference's list", arguments: [UInt64(5), 6])
  func manyChunks(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var map = EFIMemoryMap()
    var reference = ReferenceEFIMap()
    let base: UInt64 = 0x8000_0000
    // 2,400 single pages of alternating types, bottom up, so that no two merge.
    for i in UInt64(0)..<2400 {
      let type: EFIMemoryType = i % 2 == 0 ? .conventional : .bootServicesData
      #expect(map.update(start: base + i * 0x1000, pages: 1, type: type, overlapConventional: false)
        == reference.update(start: base + i * 0x1000, pages: 1, type: type, overlapConventional: false))
    }
    #expect(map.descriptors.count > ChunkedArray<EFIDescriptor>.chunkLimit)
    for step in 0..<150 {
      let u = Self.drawUpdate(&rng, near: reference.list, hostile: false)
      let got = map.update(start: u.start, pages: u.pages, type: u.type, overlapConventional: u.overlapConventional)
      let want = reference.update(start: u.start, pages: u.pages, type: u.type,
                                  overlapConventional: u.overlapConventional)
      #expect(got == want, "seed \(seed) step \(step): \(u)")
    }
    #expect(map.descriptors == reference.list, "seed \(seed)")
  }
}
