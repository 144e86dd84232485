/// What U-Boot's `common/memtop.c` (`get_mem_top`, called by `setup_ram_config` in
/// `common/board_f.c` when `CONFIG_RELOC_ADDR_TOP` is set) makes of a tree: the top of the RAM
/// U-Boot relocates under, or the fixed table that stops it.
public enum UBootMemTop {
  /// How the tree's reservations fit memtop's fixed table of `MEM_RGN_COUNT` entries.
  public enum TableOutcome: Hashable, Sendable {
    /// Every entry fitted; `entries` were listed.
    case fits(entries: Int)
    /// `count` `/memreserve/` entries: memtop asserts there are fewer than the table holds,
    /// and U-Boot stops before its prompt (`Assertion 'total < MEM_RGN_COUNT' failed`).
    case tooManyMemreserves(count: Int)
    /// An enabled child with `reg` at `position` (counting every child of
    /// `/reserved-memory`, dynamic and disabled ones included) past the table: the assertion
    /// `i < MEM_RGN_COUNT` fails and U-Boot stops before its prompt.
    case childPastTable(path: String, position: Int)
    /// `entries` entries in all, more than the table holds: memtop writes past its stack
    /// array before any assertion trips, and U-Boot crashes.
    case overrun(entries: Int, memreserves: Int)

    /// True when U-Boot does not get past this table.
    public var stopsUBoot: Bool {
      if case .fits = self { return false }
      return true
    }
  }

  /// The reservations memtop lists, and whether they fit, in the order it lists them:
  /// every `/memreserve/` entry (size 0 included), then the first `reg` entry of each enabled
  /// `/reserved-memory` child that has one.
  static func listReservations(_ description: MemoryDescription, tableSize: Int)
    -> (ranges: [AddressRange], outcome: TableOutcome)
  {
    let memreserves = description.memoryReservations.count
    if memreserves >= tableSize { return ([], .tooManyMemreserves(count: memreserves)) }
    var ranges = description.memoryReservations.map { AddressRange(base: $0.address, size: $0.size) }
    guard let parent = description.reservedMemory else { return (ranges, .fits(entries: ranges.count)) }
    for (position, child) in parent.children.enumerated() {
      guard let range = UBootBoot.firstResource(child, parent: parent),
        UBootBoot.isEnabled(status: child.status)
      else { continue }
      // memtop checks the child's position before it adds the entry.
      if position >= tableSize { return (ranges, .childPastTable(path: child.path, position: position)) }
      if ranges.count == tableSize { return (ranges, .overrun(entries: ranges.count + 1, memreserves: memreserves)) }
      ranges.append(range)
    }
    return (ranges, .fits(entries: ranges.count))
  }

  /// `find_ram_top` for one bank: the highest base of a `window`-byte block inside the bank
  /// that overlaps none of `reserved`. Each try starts at the bank's top; while a reservation
  /// is in the way (the lowest-based one, as memtop keeps its list sorted by base) the next try
  /// ends where that reservation starts. Nil (U-Boot's 0) when none fits.
  static func highestFreeWindow(in bank: AddressRange, window: UInt64, reserved: [AddressRange]) -> UInt64? {
    guard bank.size >= window else { return nil }
    let sorted = sortedLikeMemtop(reserved)
    var base = bank.base &+ bank.size &- window
    while base != 0 && bank.base <= base {
      guard let blocking = sorted.first(where: { LMBMath.overlaps(base, window, $0.base, $0.size) }) else {
        return base
      }
      if blocking.base < window { break }
      base = blocking.base &- window
    }
    return nil
  }

  /// memtop's insertion order: by base, a new entry after the ones with an equal base.
  static func sortedLikeMemtop(_ ranges: [AddressRange]) -> [AddressRange] {
    ranges.enumerated().sorted { ($0.element.base, $0.offset) < ($1.element.base, $1.offset) }.map(\.element)
  }

  /// `setup_ram_config` with `RELOC_ADDR_TOP`: the highest window over all banks.
  static func ramTop(banks: [AddressRange], window: UInt64, reserved: [AddressRange]) -> UInt64? {
    banks.compactMap { highestFreeWindow(in: $0, window: window, reserved: reserved) }.max()
  }
}
