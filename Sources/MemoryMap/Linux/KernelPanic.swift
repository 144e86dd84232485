/// A boot the kernel does not survive, as predicted: where it dies and which region made it.
public struct KernelPanic: Hashable, Sendable {
  /// What the kernel was doing when it died.
  public enum Cause: Hashable, Sendable {
    /// The second stage's `memblock_alloc` of the `reserved_mem` array (`count` entries) landed
    /// at `address`, in a `page` that is not in the linear map because the no-map memory
    /// `noMap` shares it, and zeroing it faulted ("Unable to handle kernel paging request").
    case tableArrayUnmapped(count: Int, address: AddressRange, page: AddressRange, noMap: AddressRange)
    /// memblock's static array was full before the kernel may grow it: `memblock: cannot
    /// resize LIST array` (riscv64's 128 early slots).
    case memblockFull(MemblockOverflow)
    /// `/reserved-memory` was refused, and with it the region the firmware added for itself
    /// (OpenSBI's `mmode_resv*`): the kernel maps and uses that memory, and the first access
    /// faults (recorded on riscv64: `Oops - store (or AMO) access fault`, then a panic).
    case firmwareRegionLost
  }

  public var cause: Cause
  /// The path of the node that made it; nil when no node did.
  public var node: String?

  /// The bytes the kernel wrote to when it faulted, when that is known.
  public var address: AddressRange? {
    if case .tableArrayUnmapped(_, let address, _, _) = cause { return address }
    return nil
  }
}

extension KernelFlow {
  /// Where 6.12's second stage puts the `reserved_mem` array (`memblock_alloc(count x 48, 64)`,
  /// top-down) and whether zeroing it faults. Between the first stage and this allocation
  /// arm64's `paging_init()` has taken whole pages from the top of free memory for page tables;
  /// a page that a no-map region covers only in part stays free in memblock but is left out of
  /// 6.12's linear map. Returns the panic, nil when the array lands in mapped memory.
  func tableArrayPanic(count: Int) -> KernelPanic? {
    guard profile.tableArrayFaultsInPartialNoMapPage, count > 0 else { return nil }
    let page = profile.pageSize.bytes
    let (size, overflow) = UInt64(count).multipliedReportingOverflow(by: UInt64(profile.tableEntryBytes))
    guard !overflow else { return nil }
    guard let base = Self.placeAfterPageTables(memblock, size: size, align: profile.smpCacheBytes,
                                               pageSize: page)
    else { return nil }
    // The placement lies inside free memory, so base + size does not wrap.
    let first = base & ~(page - 1)
    let last = (base + size - 1) | (page - 1)
    let pages = AddressRange(base: first, size: (last - first) &+ 1)
    guard let hole = memblock.memory.first(where: {
      $0.flags.contains(.noMap) && $0.range.overlaps(pages)
    }) else { return nil }
    return KernelPanic(cause: .tableArrayUnmapped(count: count, address: AddressRange(base: base, size: size),
                                                  page: pages, noMap: hole.range),
                       node: noMapOwner(of: hole.range))
  }

  /// The `/reserved-memory` node whose no-map region lies in `range`.
  func noMapOwner(of range: AddressRange) -> String? {
    regions.first { region in
      region.noMap && region.status == .reserved && region.path != nil
        && (region.range.map { range.overlaps($0) } ?? false)
    }?.path
  }

  /// The address a top-down `memblock_alloc(size, align)` returns after `paging_init()` has
  /// taken its page tables: one table page per `PAGE_SIZE * PAGE_SIZE / 8` bytes of RAM (one
  /// last-level table per 2 MiB with 4K pages, for a linear map at page granularity), each the
  /// highest free whole page. An estimate: Debian's 6.12 took 500 pages for 1 GiB where this
  /// says 512 (`Fixtures/kernel/52-crash-nomap-partial-page`, page tables 0x7fe0a000..0x7fffdfff).
  static func placeAfterPageTables(_ memblock: Memblock, size: UInt64, align: UInt64,
                                   pageSize page: UInt64) -> UInt64? {
    let ram = memblock.memory.reduce(UInt64(0)) { $0 &+ $1.size }
    var tables = ram / (page * (page / 8))
    for free in memblock.freeRanges().reversed() where free.size > 0 {
      let low = free.base
      let high = free.base + free.size
      let wholeLow = Memblock.roundUp(low, page)
      let wholeHigh = high & ~(page - 1)
      var pieces = [AddressRange(base: wholeHigh, size: high - wholeHigh)]
      if wholeLow >= wholeHigh {
        pieces = [free]
      } else {
        let whole = (wholeHigh - wholeLow) / page
        let taken = min(whole, tables)
        tables -= taken
        let top = wholeHigh - taken * page
        pieces.append(AddressRange(base: low, size: top - low))
      }
      for piece in pieces where piece.size >= size {
        let candidate = Memblock.roundDown(piece.base + piece.size - size, align)
        if candidate >= piece.base && candidate >= page { return candidate }
      }
    }
    return nil
  }
}
