import DeviceTree

/// The prediction for one device tree under one kernel profile.
public struct KernelResult: Sendable {
  public var profile: KernelProfile
  /// What the kernel did and said, in order.
  public var events: [KernelEvent]
  /// Every region: boot reservations, `/memreserve/` entries and each `/reserved-memory` child.
  public var regions: [KernelRegion]
  /// memblock after the reserved-memory code ran.
  public var memblock: Memblock
  /// The reserved-memory table in its final (sorted) order, as names and ranges.
  public var table: [TableEntry]
  /// The kernel dies during the reserved-memory code (events and table stop there); nil when
  /// it boots on.
  public var panic: KernelPanic?
  /// What the kernel reserved only after the scan (riscv's DTB): not avoided by the scan.
  public var lateReservations: [BootReservation] = []
  /// Whether the kernel accepted `/reserved-memory`'s format, and if not, why.
  public var parentFormat: ParentFormat = .absent
  /// For each `/reserved-memory` child, the index in `regions` of its first region.
  var firstRegionOfChild: [Int] = []
  /// For each `/reserved-memory` child, its `reg` as the kernel decodes it (with the root's
  /// cell counts); nil when it has none.
  var regOfChild: [CellEntries?] = []
  /// For each `/reserved-memory` child, its `alloc-ranges` as the kernel decodes it (with the
  /// root's cell counts); nil when it has none.
  var allocRangesOfChild: [CellEntries?] = []

  /// The region of child `index` of `/reserved-memory` (its first `reg` entry).
  func region(ofChild index: Int) -> KernelRegion { regions[firstRegionOfChild[index]] }
}

/// One entry of the kernel's `reserved_mem` array.
public struct TableEntry: Hashable, Sendable {
  public var name: String
  public var path: String
  public var base: UInt64
  public var size: UInt64
  /// Structure offset of the node (the `fdt_node` tie-breaker).
  public var offset: Int32
  /// Index of the node among `/reserved-memory`'s children.
  var child: Int
}

/// Inputs that do not come from the device tree.
public struct KernelInputs: Sendable {
  /// RAM to use instead of the tree's `/memory` nodes (as a boot loader would fill them in).
  public var memory: [AddressRange]
  /// Reservations made before the scan (kernel image, initrd, DTB, firmware), in order.
  public var reservations: [BootReservation]
  /// Parts of `memory` flagged no-map as soon as they are added: what a firmware EFI map
  /// describes as memory of a type Linux may not use.
  public var memoryNoMap: [AddressRange]

  public init(memory: [AddressRange] = [], reservations: [BootReservation] = [],
              memoryNoMap: [AddressRange] = []) {
    self.memory = memory
    self.reservations = reservations
    self.memoryNoMap = memoryNoMap
  }
}

/// Runs Linux's reserved-memory flow for a profile: `/memory` into memblock, the pre-scan
/// reservations, the early scan, `/memreserve/`, the table, init functions and overlap check.
public struct KernelFlow {
  let description: MemoryDescription
  let profile: KernelProfile
  let cells: RootCells
  /// `__reserved_mem_check_root`'s verdict on `/reserved-memory`, judged once.
  let parentFormat: ParentFormat
  var memblock = Memblock()
  var events: [KernelEvent] = []
  var regions: [KernelRegion] = []
  var table: [TableEntry] = []
  /// For each `/reserved-memory` child, the index of its first region in `regions`.
  var firstRegionOfChild: [Int] = []
  /// For each `/reserved-memory` child, its `reg` decoded once with the root's cell counts
  /// (`dt_root_addr_cells`, `dt_root_size_cells`); nil when it has none.
  var regOfChild: [CellEntries?] = []
  /// For each `/reserved-memory` child, its `alloc-ranges` decoded once with the root's cell
  /// counts, as `__reserved_mem_alloc_size` reads it; nil when it has none.
  var allocRangesOfChild: [CellEntries?] = []
  /// For children with a multi-entry `reg`, the indices of the regions of entries 1, 2, ...
  var laterRegionsOfChild: [Int: [Int]] = [:]
  /// The two-stage flow's array size (`total_reserved_mem_cnt`).
  var tableCapacity: Int
  /// CMA areas created so far.
  var cmaAreas = 0
  /// Set when the kernel dies; nothing happens after it.
  var panic: KernelPanic?
  /// The node whose region the kernel was handling when memblock overflowed.
  var panicNode: String?

  init(description: MemoryDescription, profile: KernelProfile) {
    self.description = description
    self.profile = profile
    self.cells = description.rootCells
    self.parentFormat = ParentFormat.judge(description.reservedMemory, root: description.rootCells)
    self.tableCapacity = profile.fixedCapacity
    self.memblock = Memblock(staticSlots: profile.architecture.earlyMemblockSlots)
  }

  /// Predicts what `profile` does with `description`.
  public static func run(_ description: MemoryDescription, profile: KernelProfile,
                         inputs: KernelInputs = KernelInputs()) -> KernelResult {
    var flow = KernelFlow(description: description, profile: profile)
    flow.addMemory(inputs.memory)
    for range in inputs.memoryNoMap { flow.memblock.markNoMap(base: range.base, size: range.size) }
    flow.reserveBootRegions(inputs.reservations.filter { !$0.afterScan })
    flow.describeChildren()
    if !flow.panicked {
      switch profile.flow {
      case .fixedArray: flow.runFixedArrayFlow()
      case .twoStage: flow.runTwoStageFlow()
      }
    }
    if !flow.panicked {
      flow.reserveLateBootRegions(inputs.reservations.filter(\.afterScan))
      flow.reserveDefaultCMA()
      _ = flow.memblock.fitsAfterScan(profile.architecture.slotsNeededAfterScan)
    }
    let late = flow.panicked ? [] : inputs.reservations.filter(\.afterScan)
    return KernelResult(profile: profile, events: flow.events, regions: flow.regions,
                        memblock: flow.memblock, table: flow.table, panic: flow.finalPanic,
                        lateReservations: late, parentFormat: flow.parentFormat,
                        firstRegionOfChild: flow.firstRegionOfChild, regOfChild: flow.regOfChild,
                        allocRangesOfChild: flow.allocRangesOfChild)
  }

  /// True once the kernel has died: a panic the flow decided, or a memblock change that did
  /// not fit. Nothing happens after it.
  var panicked: Bool { panic != nil || memblock.overflow != nil }

  /// Notes the node being handled when memblock overflowed, once.
  mutating func notePanic(at node: String) {
    if panicked && panicNode == nil { panicNode = node }
  }

  /// Why the kernel dies: the panic the flow decided, else memblock's overflow, else (riscv)
  /// the firmware's region lost with a refused `/reserved-memory`; nil when it boots on.
  var finalPanic: KernelPanic? {
    if let panic { return panic }
    if let overflow = memblock.overflow {
      return KernelPanic(cause: .memblockFull(overflow), node: panicNode)
    }
    if profile.architecture.firmwareAddsReservedRegion, let parent = description.reservedMemory,
      !parentFormatAccepted
    {
      return KernelPanic(cause: .firmwareRegionLost, node: parent.path)
    }
    return nil
  }

  /// The v6.1 order: [/memreserve/], static scan with saving, [/memreserve/], then sort,
  /// overlap check, and allocation plus init in sorted order.
  mutating func runFixedArrayFlow() {
    if profile.memreserveFirst { reserveMemreserveBlock() }
    if !panicked { scanStatic() }
    if !profile.memreserveFirst && !panicked { reserveMemreserveBlock() }
    guard !panicked else { return }
    checkOverlaps()
    for position in table.indices where !panicked { initialiseFixedEntry(at: position) }
  }

  /// The v6.13 order: static reservations, dynamic allocation with init, `/memreserve/`; then at
  /// unflatten time the static entries are saved and initialised, and the table is checked.
  mutating func runTwoStageFlow() {
    let count = scanEarly()
    if !panicked { reserveMemreserveBlock() }
    if !panicked { saveStaticLate(count: count) }
  }
}
