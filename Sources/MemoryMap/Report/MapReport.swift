import DeviceTree

/// Everything memmap computes for one device tree: the description, the kernel's prediction,
/// the totals and the findings. Renderers turn it into text.
public struct MapReport: Sendable {
  public var file: String
  public var description: MemoryDescription
  public var kernel: KernelResult
  /// What U-Boot's LMB makes of the same tree.
  public var uboot: UBootResult
  /// The EFI memory map U-Boot builds for the tree, and the firmware's map when given.
  public var efi: EFIReport
  public var summary: MemorySummary
  public var findings: [Finding]
  /// Where the RAM came from: the tree, or `--memory`.
  public var memorySource: MemorySource

  public enum MemorySource: Sendable, Equatable {
    case deviceTree
    /// `--memory` ranges, as given.
    case overrides([AddressRange])
  }

  /// True when the tree's `/memory` nodes give no usable RAM (all absent, disabled or size 0).
  public var memoryLeftToBootloader: Bool {
    !description.memoryNodes.contains { $0.isAvailable && $0.entries.contains { $0.size != 0 } }
  }
}

/// Options for building a report.
public struct MapOptions: Sendable {
  public var profile: KernelProfile
  public var inputs: KernelInputs
  public var uboot: UBootOptions
  /// Apply `BootLayout.implied` when no reservations are given.
  public var impliedBootLayout: Bool
  /// The firmware's EFI memory map (`--efi-map`), checked against the tree when given.
  public var efiMap: EFIFirmwareMap?

  public init(profile: KernelProfile = .v6_12, inputs: KernelInputs = KernelInputs(),
              uboot: UBootOptions = UBootOptions(), impliedBootLayout: Bool = true,
              efiMap: EFIFirmwareMap? = nil) {
    self.profile = profile
    self.inputs = inputs
    self.uboot = uboot
    self.impliedBootLayout = impliedBootLayout
    self.efiMap = efiMap
  }
}

extension MapReport {
  /// Builds the report for a checked blob.
  public static func make(_ blob: DeviceTreeBlob, options: MapOptions) throws(DeviceTreeError)
    -> MapReport
  {
    make(try MemoryDescription.read(blob), options: options)
  }

  /// Builds the report for a description. Without `--reserve`, a board whose boot loader is
  /// known (QEMU's virt) gets that loader's layout (`BootLayout.implied`).
  public static func make(_ description: MemoryDescription, options: MapOptions) -> MapReport {
    var inputs = options.inputs
    if inputs.reservations.isEmpty && options.impliedBootLayout {
      inputs.reservations = BootLayout.implied(for: description, profile: options.profile)
    }
    let kernel = KernelFlow.run(description, profile: options.profile, inputs: inputs)
    let uboot = UBootBoot.run(description, memory: options.inputs.memory, options: options.uboot)
    let efi = EFIReport(uboot: UBootEFI.build(description, uboot: uboot), firmware: options.efiMap)
    var report = MapReport(
      file: description.file, description: description, kernel: kernel, uboot: uboot, efi: efi,
      summary: MemorySummary(kernel.memblock), findings: [],
      memorySource: options.inputs.memory.isEmpty ? .deviceTree : .overrides(options.inputs.memory))
    report.findings = FindingAnalysis.findings(for: report)
    return report
  }
}

/// Totals over RAM as memblock sees it after the reserved-memory code ran.
public struct MemorySummary: Hashable, Sendable {
  /// All memory.
  public var ram: UInt64
  /// Memory flagged no-map.
  public var noMap: UInt64
  /// Mapped memory covered by a reservation.
  public var reserved: UInt64
  /// Mapped memory nobody reserved.
  public var free: UInt64

  public init(_ memblock: Memblock) {
    ram = memblock.memory.reduce(0) { $0 &+ $1.size }
    noMap = memblock.memory.filter { $0.flags.contains(.noMap) }.reduce(0) { $0 &+ $1.size }
    free = memblock.freeRanges().reduce(0) { $0 &+ $1.size }
    reserved = ram &- noMap &- free
  }
}
