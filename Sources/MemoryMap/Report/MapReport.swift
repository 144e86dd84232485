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
  /// Which regions overlap, decided once; the overlap findings and the picture read it.
  public var overlaps = RegionOverlaps()
  public var findings: [Finding]
  /// Findings matched by a suppression (`MapOptions.suppressions`), not in `findings`.
  public var suppressed: [Finding] = []
  /// Where the RAM came from: the tree, `--memory` (or the config), the firmware's EFI map,
  /// or nowhere.
  public var memorySource: MemorySource

  public enum MemorySource: Sendable, Equatable {
    case deviceTree
    /// Ranges given by the user, as given, and who gave them (`--memory`, `.memmap.yml`).
    case overrides([AddressRange], origin: String)
    /// The RAM of the firmware's EFI map (`--efi-map`), as Linux takes it under UEFI.
    case efiMap
    /// The tree leaves `/memory` to the boot loader and nothing else gives RAM.
    case unknown
  }

  /// False when no RAM is known: the checks and predictions that need RAM are not made, and
  /// nothing is refused for want of it.
  public var ramKnown: Bool { memorySource != .unknown }
}

extension MemoryDescription {
  /// True when the `/memory` nodes give kernel `version` no usable RAM (all absent, disabled
  /// or size 0).
  public func memoryLeftToBootloader(to version: KernelVersion) -> Bool {
    !memoryNodes.contains { $0.isAvailable(to: version) && $0.entries.contains { $0.size != 0 } }
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
  /// Who gave `inputs.memory`, for the memory table (`--memory`, `.memmap.yml`).
  public var memoryOrigin: String
  /// Findings the user accepted (`suppress:` in `.memmap.yml`): moved to `MapReport.suppressed`.
  public var suppressions: [FindingSuppression] = []
  /// Take the architecture from the tree (`KernelArchitecture.detect`) instead of the
  /// profile's, when the tree says which it is.
  public var detectArchitecture: Bool

  public init(profile: KernelProfile = .default, inputs: KernelInputs = KernelInputs(),
              uboot: UBootOptions = UBootOptions(), impliedBootLayout: Bool = true,
              efiMap: EFIFirmwareMap? = nil, memoryOrigin: String = "--memory",
              detectArchitecture: Bool = true) {
    self.profile = profile
    self.inputs = inputs
    self.uboot = uboot
    self.impliedBootLayout = impliedBootLayout
    self.efiMap = efiMap
    self.memoryOrigin = memoryOrigin
    self.detectArchitecture = detectArchitecture
  }

  /// Where the RAM of `description` comes from: given ranges first, then the tree, then the
  /// firmware's EFI map; unknown when none gives any.
  func memorySource(for description: MemoryDescription) -> MapReport.MemorySource {
    if !inputs.memory.isEmpty { return .overrides(inputs.memory, origin: memoryOrigin) }
    if !description.memoryLeftToBootloader(to: profile.version) { return .deviceTree }
    if let efiMap, !efiMap.ram.memory.isEmpty { return .efiMap }
    return .unknown
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
    let source = options.memorySource(for: description)
    if source == .efiMap, let ram = options.efiMap?.ram {
      inputs.memory = ram.memory
      inputs.memoryNoMap = ram.noMap
    }
    var profile = options.profile
    if options.detectArchitecture, let detected = KernelArchitecture.detect(description) {
      profile.architecture = detected
    }
    if inputs.reservations.isEmpty && options.impliedBootLayout {
      inputs.reservations = BootLayout.implied(for: description, profile: profile)
    }
    let kernel = KernelFlow.run(description, profile: profile, inputs: inputs)
    // memmap's U-Boot builds are qemu_arm64's. Debian's qemu-riscv64 configs have other
    // numbers and no CONFIG_RELOC_ADDR_TOP (so no memtop table): on other architectures
    // U-Boot's own memory is left out (or taken from --uboot-reserve), lib/lmb.c's handling
    // of the tree's regions is the same.
    var ubootOptions = options.uboot
    let ownMemoryKnown = profile.architecture == .arm64
    if !ownMemoryKnown { ubootOptions.modelsOwnMemory = false }
    var uboot = UBootBoot.run(description, memory: inputs.memory, options: ubootOptions)
    if !ownMemoryKnown { uboot.ownMemoryNotModelledFor = profile.architecture }
    let efi = EFIReport(uboot: UBootEFI.build(description, uboot: uboot), firmware: options.efiMap)
    var report = MapReport(
      file: description.file, description: description, kernel: kernel, uboot: uboot, efi: efi,
      summary: MemorySummary(kernel.memblock), findings: [], memorySource: source)
    report.overlaps = OverlapAnalysis.record(kernel, memoryReservations: description.memoryReservations)
    let findings = FindingAnalysis.findings(for: report)
    if options.suppressions.isEmpty {
      report.findings = findings
    } else {
      let isSuppressed = { (finding: Finding) in options.suppressions.contains { $0.matches(finding) } }
      report.findings = findings.filter { !isSuppressed($0) }
      report.suppressed = findings.filter(isSuppressed)
    }
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

  public init(ram: UInt64, noMap: UInt64, reserved: UInt64, free: UInt64) {
    self.ram = ram
    self.noMap = noMap
    self.reserved = reserved
    self.free = free
  }

  /// Nothing at all: the totals of a saved document that has none.
  public static let zero = MemorySummary(ram: 0, noMap: 0, reserved: 0, free: 0)

  public init(_ memblock: Memblock) {
    ram = memblock.memory.reduce(0) { $0 &+ $1.size }
    noMap = memblock.memory.filter { $0.flags.contains(.noMap) }.reduce(0) { $0 &+ $1.size }
    free = memblock.freeRanges().reduce(0) { $0 &+ $1.size }
    reserved = ram &- noMap &- free
  }
}

/// The totals as JSON: inspect's `summary` (`"0x..."` strings), read back by `diff`.
extension MemorySummary: Codable {
  /// The JSON keys, in sorted order (the order JSON lists them in); also the totals' names.
  public enum CodingKeys: String, CodingKey {
    case free
    case noMap = "nomap"
    case ram, reserved
  }

  /// Each total's name and value, in the order people read them (RAM first).
  public var named: [(name: String, value: UInt64)] {
    [(CodingKeys.ram.rawValue, ram), (CodingKeys.reserved.rawValue, reserved),
     (CodingKeys.noMap.rawValue, noMap), (CodingKeys.free.rawValue, free)]
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Hex.plain(free), forKey: .free)
    try c.encode(Hex.plain(noMap), forKey: .noMap)
    try c.encode(Hex.plain(ram), forKey: .ram)
    try c.encode(Hex.plain(reserved), forKey: .reserved)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(ram: try c.decodeNumber(forKey: .ram), noMap: try c.decodeNumber(forKey: .noMap),
              reserved: try c.decodeNumber(forKey: .reserved), free: try c.decodeNumber(forKey: .free))
  }
}
