import DeviceTree

/// How U-Boot's release and configuration shape what it makes of a tree.
public struct UBootOptions: Hashable, Sendable {
  /// The release to predict (`--uboot`).
  public var version: UBootVersion
  /// `CONFIG_NR_DRAM_BANKS`: how many `/memory` `reg` entries become RAM banks.
  public var dramBanks: Int
  /// The build's numbers that place U-Boot's own memory (`--uboot-image-size` ...).
  public var build: UBootBuild
  /// U-Boot's own relocated image, heap and stack as given (`--uboot-reserve`), reserved
  /// no-overwrite before the tree's regions instead of the computed layout.
  public var ubootRegions: [AddressRange]
  /// False to leave U-Boot's own memory out entirely (no relocation, no EFI start-up pages):
  /// LMB and EFI as U-Boot's unit tests see them.
  public var modelsOwnMemory: Bool

  public init(version: UBootVersion = .newest, dramBanks: Int? = nil, build: UBootBuild? = nil,
              ubootRegions: [AddressRange] = [], modelsOwnMemory: Bool = true) {
    self.version = version
    self.dramBanks = dramBanks ?? version.dramBanks
    self.build = build ?? version.qemuBuild
    self.ubootRegions = ubootRegions
    self.modelsOwnMemory = modelsOwnMemory
  }
}

/// One reservation U-Boot attempted, and what LMB answered.
public struct UBootReservation: Hashable, Sendable {
  public enum Source: Hashable, Sendable {
    case ubootImage
    /// The EFI loader's own pages, allocated while U-Boot starts.
    case efiStartup
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
  public var version: UBootVersion
  public var banks: [AddressRange]
  public var lmb: LMB
  /// Every reservation attempt in order, with its result (non-zero ones print an ERROR line).
  public var reservations: [UBootReservation]
  /// How the tree fits `common/memtop.c`'s table (only releases that relocate under the
  /// tree's reservations have it; the others always `.fits`).
  public var memtop: UBootMemTop.TableOutcome
  /// Where U-Boot relocated itself; nil when given with `--uboot-reserve`, or when U-Boot
  /// stops before relocating.
  public var layout: UBootLayout?
  /// The page the EFI loader allocates next (for `bootefi`'s image): the highest page LMB
  /// leaves free after start-up. Nil when LMB has no free page, or U-Boot's memory is not
  /// modelled.
  public var nextEFIPage: UInt64? = nil
  /// The tree's architecture when U-Boot's own memory is not modelled for it: the numbers that
  /// place it (`UBootBuild`) and `RELOC_ADDR_TOP` are those of Debian's qemu_arm64 build.
  public var ownMemoryNotModelledFor: KernelArchitecture? = nil

  /// True when U-Boot stops or crashes before its prompt.
  public var stopsBeforePrompt: Bool { memtop.stopsUBoot }

  /// Whether U-Boot prints its ERROR line for `attempt`.
  public func printsError(_ attempt: UBootReservation) -> Bool {
    switch attempt.source {
    case .ubootImage, .efiStartup: return false
    case .memreserve, .node: return !attempt.status.isSuccess && version.reports(attempt.status)
    }
  }
}

/// U-Boot's start-up path into LMB (HEAD `lib/lmb.c` `lmb_init`, `boot/image-fdt.c`
/// `boot_fdt_add_mem_rsv_regions`).
public enum UBootBoot {
  /// Runs U-Boot's start for `description`, with RAM from `memory` when given (as a board
  /// that fills in its banks itself), else from the tree's `/memory` nodes: relocation,
  /// `lmb_init` (its own region, then the tree's), then the EFI loader's first pages.
  public static func run(_ description: MemoryDescription, memory: [AddressRange] = [],
                         options: UBootOptions = UBootOptions()) -> UBootResult {
    let version = options.version
    var lmb = LMB(rules: version.lmbRules)
    let banks = memory.isEmpty ? dramBanks(description, limit: options.dramBanks) : memory
    for bank in banks where bank.size != 0 { _ = lmb.add(base: bank.base, size: bank.size) }
    let (memtop, layout) = options.modelsOwnMemory
      ? relocate(description, banks: banks, options: options) : (.fits(entries: 0), nil)
    // Without RAM every reservation would fail with -EINVAL; the board fills its banks in
    // itself, so what LMB would answer is unknown, not a refusal. memtop's table is checked
    // before any bank is looked at.
    guard !lmb.lists.availableMem.isEmpty else {
      return UBootResult(version: version, banks: banks, lmb: lmb, reservations: [], memtop: memtop, layout: nil)
    }
    var attempts: [UBootReservation] = []
    attempts.reserveCapacity(
      2 + description.memoryReservations.count + (description.reservedMemory?.children.count ?? 0))
    let own = options.ubootRegions.isEmpty ? layout.map { [$0.reservation] } ?? [] : options.ubootRegions
    for region in own {
      attempts.append(reserve(&lmb, .ubootImage, region, .noOverwrite, version: version))
    }
    for entry in description.memoryReservations where entry.size != 0 || version.reservesZeroSize {
      attempts.append(reserve(&lmb, .memreserve(index: entry.index),
                              AddressRange(base: entry.address, size: entry.size), .noOverwrite,
                              version: version))
    }
    for child in description.reservedMemory?.children ?? [] {
      guard let range = firstResource(child, parent: description.reservedMemory!) else { continue }
      guard child.status.isEnabledForUBoot else { continue }
      attempts.append(reserve(&lmb, .node(path: child.path), range,
                              child.noMap ? .noMap : .noOverwrite, version: version))
    }
    if options.ubootRegions.isEmpty, options.modelsOwnMemory, options.build.efiStartupSize != 0 {
      let placed = lmb.allocate(.any, size: options.build.efiStartupSize, align: 0x1000,
                                flags: [.noOverwrite, .noNotify])
      if case .placed(let base) = placed {
        attempts.append(UBootReservation(
          source: .efiStartup, range: AddressRange(base: base, size: options.build.efiStartupSize),
          flags: [.noOverwrite, .noNotify], status: .ok))
      }
    }
    var result = UBootResult(version: version, banks: banks, lmb: lmb, reservations: attempts,
                             memtop: memtop, layout: layout)
    if options.modelsOwnMemory {
      var probe = lmb
      if case .placed(let page) = probe.allocate(.any, size: 0x1000, align: 0x1000, flags: [.noOverwrite, .noNotify]) {
        result.nextEFIPage = page
      }
    }
    return result
  }

  /// `setup_ram_config` and the `reserve_*` steps of `board_init_f`: `ram_top` is the end of
  /// the first bank, or, with `RELOC_ADDR_TOP`, the highest window free of the tree's
  /// reservations (`common/memtop.c`), whose table can stop U-Boot first.
  static func relocate(_ description: MemoryDescription, banks: [AddressRange], options: UBootOptions)
    -> (UBootMemTop.TableOutcome, UBootLayout?)
  {
    let build = options.build
    let ramTop: UInt64?
    var outcome = UBootMemTop.TableOutcome.fits(entries: 0)
    if options.version.relocatesBelowReservations {
      let listed = UBootMemTop.listReservations(description, tableSize: options.version.memtopTableSize)
      outcome = listed.outcome
      // A failed assertion stops U-Boot here, and so does the crash of an overrun.
      if outcome.stopsUBoot { return (outcome, nil) }
      ramTop = UBootMemTop.ramTop(banks: banks, window: build.relocationWindow,
                                  reserved: listed.table.map(\.range))
      if case .onePast(let lost, let memreserves, _) = outcome {
        let full = UBootMemTop.ramTop(banks: banks, window: build.relocationWindow,
                                      reserved: UBootMemTop.sortedLikeMemtop(listed.table + [lost]).map(\.range))
        outcome = .onePast(lost: lost, memreserves: memreserves, ramTopIfListed: full)
      }
    } else {
      // get_effective_memsize(): the first bank's size, from its base.
      ramTop = banks.first.map { $0.base &+ $0.size }
    }
    guard let ramTop, ramTop != 0 else { return (outcome, nil) }
    let layout = UBootLayout.carve(ramTop: ramTop, build: build, treeSize: UInt64(description.totalSize),
                                   banks: banks)
    return (outcome, layout)
  }

  /// `fdtdec_setup_memory_banksize`: one bank per `reg` entry of the enabled memory nodes, in
  /// tree order, up to `limit` banks. Size-0 entries still take a bank slot.
  static func dramBanks(_ description: MemoryDescription, limit: Int) -> [AddressRange] {
    var banks: [AddressRange] = []
    for node in description.memoryNodes where node.status.isEnabledForUBoot {
      guard node.rangesProperty != nil else { continue }
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

  /// `lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, 0, &addr, size, flags)` as `version` does it: size 0
  /// succeeds silently; 2026.10 answers -EFAULT for a range with no byte in RAM, v2025.01
  /// (`lmb_reserve_flags`) reserves it without looking at RAM.
  static func reserve(_ lmb: inout LMB, _ source: UBootReservation.Source, _ range: AddressRange,
                      _ flags: LMBFlags, version: UBootVersion) -> UBootReservation {
    let status: LMBStatus
    if range.size == 0 && !version.reservesZeroSize {
      status = .ok
    } else if version.reservesOutsideRAM {
      status = lmb.reserveChecked(base: range.base, size: range.size, flags: flags)
    } else if !lmb.memory.contains(where: { LMBMath.overlaps($0.base, $0.size, range.base, range.size) }) {
      status = .fault
    } else {
      status = lmb.allocate(.address(range.base), size: range.size, align: 0, flags: flags).status
    }
    return UBootReservation(source: source, range: range, flags: flags, status: status)
  }
}
