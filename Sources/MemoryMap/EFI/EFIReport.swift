/// The EFI side of a report: U-Boot's map for the tree and, when given, the firmware's.
public struct EFIReport: Hashable, Sendable {
  public var uboot: UBootEFI
  public var firmware: EFIFirmwareMap?

  public init(uboot: UBootEFI, firmware: EFIFirmwareMap?) {
    self.uboot = uboot
    self.firmware = firmware
  }

  /// The map to show: the firmware's when given, else the one U-Boot hands the OS; ascending.
  public var shown: [EFIDescriptor] {
    firmware.map { $0.descriptors.sorted { $0.start < $1.start } } ?? uboot.atBoot.ascending
  }
}
