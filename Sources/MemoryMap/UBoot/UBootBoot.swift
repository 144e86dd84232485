import DeviceTree

/// How U-Boot's configuration shapes what it makes of a tree.
public struct UBootOptions: Hashable, Sendable {
  /// `CONFIG_NR_DRAM_BANKS`: how many `/memory` `reg` entries become RAM banks (default 4).
  public var dramBanks: Int
  /// U-Boot's own relocated image, heap and stack (`lmb_reserve_uboot_region`), reserved
  /// no-overwrite before the tree's regions.
  public var ubootRegions: [AddressRange]

  public init(dramBanks: Int = 4, ubootRegions: [AddressRange] = []) {
    self.dramBanks = dramBanks
    self.ubootRegions = ubootRegions
  }
}

/// One reservation U-Boot attempted, and what LMB answered.
public struct UBootReservation: Hashable, Sendable {
  public enum Source: Hashable, Sendable {
    case ubootImage
    case memreserve(index: Int)
    case node(path: String)
  }

  public var source: Source
  public var range: AddressRange
  public var flags: LMBFlags
  public var status: LMBStatus
}

/// What U-Boot's LMB holds after `lmb_init()` has added RAM and reserved the tree's regions.
public struct UBootResult: Hashable, Sendable {
  public var banks: [AddressRange]
  public var lmb: LMB
  /// Every reservation attempt in order, with its result (non-zero ones print an ERROR line).
  public var reservations: [UBootReservation]
}

/// U-Boot's start-up path into LMB (HEAD `lib/lmb.c` `lmb_init`, `boot/image-fdt.c`
/// `boot_fdt_add_mem_rsv_regions`).
public enum UBootBoot {
  /// Runs the feeding for `description`, with RAM from `memory` when given (as a board
  /// that fills in its banks itself), else from the tree's `/memory` nodes.
  public static func run(_ description: MemoryDescription, memory: [AddressRange] = [],
                         options: UBootOptions = UBootOptions()) -> UBootResult {
    var lmb = LMB()
    let banks = memory.isEmpty ? dramBanks(description, limit: options.dramBanks) : memory
    for bank in banks where bank.size != 0 { _ = lmb.add(base: bank.base, size: bank.size) }
    // Without RAM every reservation would fail with -EINVAL; the board fills its banks in
    // itself, so what LMB would answer is unknown, not a refusal.
    guard !lmb.memoryList.isEmpty else { return UBootResult(banks: banks, lmb: lmb, reservations: []) }
    var attempts: [UBootReservation] = []
    attempts.reserveCapacity(
      1 + description.memoryReservations.count + (description.reservedMemory?.children.count ?? 0))
    for region in options.ubootRegions {
      attempts.append(reserve(&lmb, .ubootImage, region, .noOverwrite))
    }
    for entry in description.memoryReservations where entry.size != 0 {
      attempts.append(reserve(&lmb, .memreserve(index: entry.index),
                              AddressRange(base: entry.address, size: entry.size), .noOverwrite))
    }
    for child in description.reservedMemory?.children ?? [] {
      guard let range = firstResource(child, parent: description.reservedMemory!) else { continue }
      guard isEnabled(status: child.status) else { continue }
      attempts.append(reserve(&lmb, .node(path: child.path), range,
                              child.noMap ? .noMap : .noOverwrite))
    }
    return UBootResult(banks: banks, lmb: lmb, reservations: attempts)
  }

  /// `fdtdec_get_is_enabled`: no `status`, or exactly `"okay"` (U-Boot, unlike Linux, treats
  /// `"ok"` as disabled).
  public static func isEnabled(status: String?) -> Bool { status == nil || status == "okay" }

  /// `fdtdec_setup_memory_banksize`: one bank per `reg` entry of the enabled memory nodes, in
  /// tree order, up to `limit` banks. Size-0 entries still take a bank slot.
  static func dramBanks(_ description: MemoryDescription, limit: Int) -> [AddressRange] {
    var banks: [AddressRange] = []
    for node in description.memoryNodes where isEnabled(status: node.status) {
      guard node.propertyName != nil else { continue }
      for entry in node.entries {
        guard banks.count < limit else { return banks }
        banks.append(AddressRange(base: entry.address, size: entry.size))
      }
    }
    return banks
  }

  /// `fdt_get_resource(blob, node, "reg", 0, ...)`: the first `reg` entry only, decoded with
  /// the parent's cell counts (libfdt's defaults 2 and 1 when absent); nil without a whole entry.
  static func firstResource(_ child: ReservedMemoryNode, parent: ReservedMemoryParent) -> AddressRange? {
    guard let reg = child.reg else { return nil }
    let addressCells = Int(parent.addressCells ?? 2)
    let sizeCells = Int(parent.sizeCells ?? 1)
    guard addressCells <= Cells.maxCount, sizeCells <= Cells.maxCount else { return nil }
    let decoded = Cells.read(reg.bytes, addressCells: addressCells, sizeCells: sizeCells)
    guard let first = decoded.entries.first else { return nil }
    return AddressRange(base: first.address, size: first.size)
  }

  /// `lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, 0, &addr, size, flags)`; size 0 succeeds silently.
  static func reserve(_ lmb: inout LMB, _ source: UBootReservation.Source, _ range: AddressRange,
                      _ flags: LMBFlags) -> UBootReservation {
    let result = lmb.allocate(.address(range.base), size: range.size, align: 0, flags: flags)
    return UBootReservation(source: source, range: range, flags: flags, status: result.status)
  }
}
