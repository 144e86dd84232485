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
    /// Exactly one entry more than the table holds. Its sorted insert writes the last slot
    /// one past the array, over the table's count and the 8 bytes after the table, and U-Boot
    /// goes on: on the recorded qemu_arm64 build the relocation search then no longer sees
    /// `lost`, the entry with the highest base (`45-one-past-top`: ram_top stays in the top
    /// window that `lost` occupies). Undefined behaviour in C; another build may crash.
    /// `ramTopIfListed`: the ram_top U-Boot would pick with `lost` in the table.
    case onePast(lost: Reservation, memreserves: Int, ramTopIfListed: UInt64? = nil)
    /// Two or more entries past the table: the writes run on over the rest of the stack frame,
    /// and U-Boot crashes (recorded at 66, 67, 68, 72, 76 and 80 entries).
    case overrun(entries: Int, memreserves: Int)

    /// True when U-Boot does not get past this table.
    public var stopsUBoot: Bool {
      switch self {
      case .fits, .onePast: return false
      case .tooManyMemreserves, .childPastTable, .overrun: return true
      }
    }
  }

  /// One entry of memtop's table, and where it came from.
  public struct Reservation: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
      case memreserve(index: Int)
      case node(path: String)
    }

    public var source: Source
    public var range: AddressRange
  }

  /// memtop's table as `find_ram_top` searches it, and whether the tree fits: every
  /// `/memreserve/` entry (size 0 included), then the first `reg` entry of each enabled
  /// `/reserved-memory` child that has one, each inserted in base order (after equal bases).
  static func listReservations(_ description: MemoryDescription, tableSize: Int)
    -> (table: [Reservation], outcome: TableOutcome)
  {
    let memreserves = description.memoryReservations.count
    if memreserves >= tableSize { return ([], .tooManyMemreserves(count: memreserves)) }
    var listed = description.memoryReservations.map {
      Reservation(source: .memreserve(index: $0.index), range: AddressRange(base: $0.address, size: $0.size))
    }
    var outcome = TableOutcome.fits(entries: 0)
    if let parent = description.reservedMemory {
      for (position, child) in parent.children.enumerated() {
        guard let range = UBootBoot.firstResource(child, parent: parent),
          child.status.isEnabledForUBoot
        else { continue }
        // memtop checks the child's position before it adds the entry.
        if position >= tableSize { return ([], .childPastTable(path: child.path, position: position)) }
        if listed.count > tableSize {
          outcome = .overrun(entries: listed.count + 1, memreserves: memreserves)
          return ([], outcome)
        }
        listed.append(Reservation(source: .node(path: child.path), range: range))
      }
    }
    var table = sortedLikeMemtop(listed)
    guard table.count > tableSize, let lost = table.popLast() else {
      return (table, .fits(entries: table.count))
    }
    return (table, .onePast(lost: lost, memreserves: memreserves))
  }

  /// `find_ram_top` for one bank: the highest base of a `window`-byte block inside the bank
  /// that overlaps none of `reserved`. Each try starts at the bank's top; while a reservation
  /// is in the way (the lowest-based one, as memtop keeps its list sorted by base) the next try
  /// ends where that reservation starts. Nil (U-Boot's 0) when none fits.
  static func highestFreeWindow(in bank: AddressRange, window: UInt64, reserved: [AddressRange]) -> UInt64? {
    guard bank.size >= window else { return nil }
    var base = bank.base &+ bank.size &- window
    while base != 0 && bank.base <= base {
      guard let blocking = reserved.first(where: { LMBMath.overlaps(base, window, $0.base, $0.size) }) else {
        return base
      }
      if blocking.base < window { break }
      base = blocking.base &- window
    }
    return nil
  }

  /// memtop's insertion order: by base, a new entry after the ones with an equal base.
  static func sortedLikeMemtop(_ entries: [Reservation]) -> [Reservation] {
    entries.enumerated().sorted { ($0.element.range.base, $0.offset) < ($1.element.range.base, $1.offset) }
      .map(\.element)
  }

  /// `setup_ram_config` with `RELOC_ADDR_TOP`: the highest window over all banks.
  static func ramTop(banks: [AddressRange], window: UInt64, reserved: [AddressRange]) -> UInt64? {
    banks.compactMap { highestFreeWindow(in: $0, window: window, reserved: reserved) }.max()
  }
}
