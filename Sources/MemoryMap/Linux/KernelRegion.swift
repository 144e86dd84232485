/// Where a region came from.
public enum RegionKind: String, Hashable, Sendable, Codable {
  /// A `reg` entry of a `/reserved-memory` child.
  case `static`
  /// A `size` (+ `alignment`, `alloc-ranges`) child the kernel places itself.
  case dynamic
  /// An entry of the memory reservation block.
  case memreserve
  /// Memory in use before the scan: kernel image, initrd, DTB, or `--reserve`; also what the
  /// kernel reserves for itself right after it (riscv's DTB, the default CMA area).
  case boot
}

extension RegionKind {
  /// The `/reserved-memory` property that says where a region of this kind is: `reg` for a
  /// static region, `size` for a dynamic one; nil for regions that are not nodes.
  public var placingProperty: String? {
    switch self {
    case .static: return "reg"
    case .dynamic: return "size"
    case .memreserve, .boot: return nil
    }
  }
}

/// What became of a region.
public enum RegionStatus: Hashable, Sendable {
  /// Reserved (or flagged no-map) in memblock.
  case reserved
  /// The kernel tried and failed.
  case failed(FailureReason)
  /// The kernel never tried.
  case skipped(SkipReason)
  /// `status` is not okay.
  case disabled

  public enum FailureReason: String, Hashable, Sendable {
    case zeroSize = "zero-size"
    case busy = "no-map over an existing reservation"
    case noSpace = "no free memory in range"
  }

  public enum SkipReason: String, Hashable, Sendable {
    case invalidReg = "invalid reg"
    case invalidSize = "invalid size"
    case invalidAlignment = "invalid alignment"
    case invalidAllocRanges = "invalid alloc-ranges"
    case unsupportedParent = "unsupported /reserved-memory format"
    case tableFull = "reserved-memory table full"
    case tooManyDynamic = "too many dynamic regions"
    case noRegOrSize = "neither reg nor size"
    case emptyReg = "empty reg"
    /// memmap did not place a dynamic region: no RAM is known (`MapReport.ramKnown`).
    case ramUnknown = "RAM unknown"
  }

  /// Why the region failed or was skipped; nil otherwise.
  public var reason: String? {
    switch self {
    case .failed(let why): return why.rawValue
    case .skipped(let why): return why.rawValue
    default: return nil
    }
  }

  /// The status without its reason: what JSON writes and a diff compares.
  public enum Word: String, Hashable, Sendable, Codable {
    case reserved, failed, skipped, disabled
  }

  /// The word JSON uses.
  public var word: Word {
    switch self {
    case .reserved: return .reserved
    case .failed: return .failed
    case .skipped: return .skipped
    case .disabled: return .disabled
    }
  }
}

/// What the region's init function made of it.
public enum InitResult: String, Hashable, Sendable, Codable {
  case cma
  case dmaCoherent = "dma-coherent"
  /// No init function matched (or the region is not in the table).
  case none
  /// Init functions matched and all failed: "compatible matching fail", memory released.
  case failed
}

/// One region of the predicted map.
public struct KernelRegion: Hashable, Sendable {
  public var name: String
  /// The node's full path; nil for `/memreserve/` and boot reservations.
  public var path: String?
  public var kind: RegionKind
  /// Index of the `reg` entry (0 for all but multi-entry `reg`).
  public var entry: Int
  /// The placed range; nil for a dynamic region that was not placed.
  public var range: AddressRange?
  /// The requested size (`size` of a dynamic region, or the `reg` size).
  public var size: UInt64
  public var noMap: Bool
  public var reusable: Bool
  public var compatible: [String]
  public var status: RegionStatus
  public var initResult: InitResult
  /// True when the region has an entry in the kernel's reserved-memory table.
  public var inTable: Bool
  /// True when the kernel treats the region as a CMA candidate: its kernel has CMA and the node
  /// is `shared-dma-pool`, `reusable` and not `no-map` (the test `__reserved_mem_alloc_size`
  /// raises the alignment on, and `rmem_cma_setup` accepts).
  public var cmaCandidate = false

  /// True for a `/reserved-memory` region the kernel reserved but keeps no table entry for
  /// (6.1's overflow past 64): no init function, not findable through `memory-region`.
  public var isReservedOutsideTable: Bool {
    status == .reserved && !inTable && (kind == .static || kind == .dynamic) && entry == 0
  }

  public init(name: String, path: String?, kind: RegionKind, entry: Int = 0,
              range: AddressRange?, size: UInt64, noMap: Bool = false, reusable: Bool = false,
              compatible: [String] = [], status: RegionStatus, initResult: InitResult = .none,
              inTable: Bool = false) {
    self.name = name
    self.path = path
    self.kind = kind
    self.entry = entry
    self.range = range
    self.size = size
    self.noMap = noMap
    self.reusable = reusable
    self.compatible = compatible
    self.status = status
    self.initResult = initResult
    self.inTable = inTable
  }
}

/// The one spelling of a region's name for people: later entries of a multi-entry `reg` get
/// ` [reg N]`, so that `/reserved-memory/fb@0 [reg 1]` names the second. Diff keys use it too.
public enum RegionLabel {
  /// `key` (a path or name), with ` [reg N]` when `entry` is not the first.
  public static func label(_ key: String, entry: Int) -> String {
    entry > 0 ? key + " [reg \(entry)]" : key
  }
}

extension KernelRegion {
  /// The path (or name, for regions that are not nodes) with `[reg N]` for later entries.
  public var label: String { RegionLabel.label(path ?? name, entry: entry) }

  /// The node name with `[reg N]` for later entries: the short form a picture labels with.
  public var shortLabel: String { RegionLabel.label(name, entry: entry) }

  /// The node name without its unit address (`optee` for `optee@fe000000`).
  public var baseName: String {
    guard let at = name.firstIndex(of: "@") else { return name }
    return String(name[..<at])
  }
}

/// Memory the boot stack placed before the kernel ran: reserved before the reserved-memory
/// scan, or (`afterScan`, riscv's DTB) only after it.
public struct BootReservation: Hashable, Sendable {
  public var name: String
  public var range: AddressRange
  /// Reserved only after the scan: dynamic regions may be placed over it.
  public var afterScan: Bool
  public init(name: String, range: AddressRange, afterScan: Bool = false) {
    self.name = name
    self.range = range
    self.afterScan = afterScan
  }
}
