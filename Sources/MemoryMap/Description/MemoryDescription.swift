import DeviceTree

/// Everything a device tree says about memory, read the way Linux reads it, before any
/// consumer (kernel, U-Boot, EFI) acts on it.
public struct MemoryDescription: Sendable {
  /// The name the tree is reported under.
  public var file: String
  /// The root `#address-cells` and `#size-cells`.
  public var rootCells: RootCells
  /// Direct children of `/` whose `device_type` is `"memory"`, in blob order.
  public var memoryNodes: [MemoryNode]
  /// The memory reservation block (`/memreserve/`).
  public var memoryReservations: [MemoryReservation]
  /// `/reserved-memory`, when present.
  public var reservedMemory: ReservedMemoryParent?
  /// What `/chosen` says about memory.
  public var chosen: ChosenMemory
  /// The root's `compatible` strings (the board).
  public var boardCompatible: [String] = []
  /// The `compatible` strings of the CPU nodes (`/cpus/*`), each once.
  public var cpuCompatible: [String] = []
  /// The blob's size in bytes.
  public var blobSize: Int = 0
  /// The header's `totalsize`: what U-Boot copies when it relocates the tree.
  public var totalSize: Int = 0

  public init(
    file: String, rootCells: RootCells, memoryNodes: [MemoryNode] = [],
    memoryReservations: [MemoryReservation] = [], reservedMemory: ReservedMemoryParent? = nil,
    chosen: ChosenMemory = ChosenMemory()
  ) {
    self.file = file
    self.rootCells = rootCells
    self.memoryNodes = memoryNodes
    self.memoryReservations = memoryReservations
    self.reservedMemory = reservedMemory
    self.chosen = chosen
  }
}

/// The root node's cell counts, with whether each property was present.
public struct RootCells: Hashable, Sendable {
  public var addressCells: Int
  public var sizeCells: Int
  /// False when the root lacks `#address-cells` and the kernel's default of 1 applies.
  public var addressCellsPresent: Bool
  /// False when the root lacks `#size-cells` and the kernel's default of 1 applies.
  public var sizeCellsPresent: Bool

  public init(addressCells: Int, sizeCells: Int, addressCellsPresent: Bool = true,
              sizeCellsPresent: Bool = true) {
    self.addressCells = addressCells
    self.sizeCells = sizeCells
    self.addressCellsPresent = addressCellsPresent
    self.sizeCellsPresent = sizeCellsPresent
  }

  /// The kernel's `t_len`: bytes in one `(address, size)` entry.
  public var entryLength: Int { (addressCells + sizeCells) * 4 }
}

/// One `/memory` node as `early_init_dt_scan_memory` sees it.
public struct MemoryNode: Hashable, Sendable {
  /// The property a `/memory` node's ranges are read from.
  public enum RangesProperty: String, Hashable, Sendable {
    case reg
    /// `linux,usable-memory`, which the kernel reads instead of `reg` when present.
    case usableMemory = "linux,usable-memory"
  }

  public var path: String
  public var status: NodeStatus
  /// `linux,usable-memory` when present, else `reg`; nil when the node has neither.
  public var rangesProperty: RangesProperty?
  /// The decoded entries of that property (a trailing partial entry is dropped, as ≤v6.18 do).
  public var entries: [CellEntry]
  /// Bytes of that property that did not form a whole entry.
  public var leftoverBytes: Int
  public var hotpluggable: Bool

  public init(path: String, status: NodeStatus = .absent,
              rangesProperty: RangesProperty? = .reg, entries: [CellEntry], leftoverBytes: Int = 0,
              hotpluggable: Bool = false) {
    self.path = path
    self.status = status
    self.rangesProperty = rangesProperty
    self.entries = entries
    self.leftoverBytes = leftoverBytes
    self.hotpluggable = hotpluggable
  }

  /// Whether kernel `version` reads the node (`NodeStatus.isAvailable(to:)`).
  public func isAvailable(to version: KernelVersion) -> Bool { status.isAvailable(to: version) }
}

/// What `/chosen` says about memory the boot loader already used.
public struct ChosenMemory: Hashable, Sendable {
  /// `[linux,initrd-start, linux,initrd-end)` when both are present.
  public var initrd: AddressRange?

  public init(initrd: AddressRange? = nil) {
    self.initrd = initrd
  }
}
