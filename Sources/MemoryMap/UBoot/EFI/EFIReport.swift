/// The EFI side of a report: U-Boot's map for the tree and, when given, the firmware's.
public struct EFIReport: Hashable, Sendable {
  public var uboot: UBootEFI
  public var firmware: EFIFirmwareMap?

  public init(uboot: UBootEFI, firmware: EFIFirmwareMap?) {
    self.uboot = uboot
    self.firmware = firmware
  }

  /// The map to show: the firmware's when given, else the one U-Boot hands the OS; ascending.
  public var shown: [EFIDescriptor] { Array(shownSequence) }

  /// `shown` without copying U-Boot's map (100,000 regions make a quarter of a million
  /// descriptors).
  public var shownSequence: Shown {
    if let firmware { return Shown(source: .firmware(firmware.descriptors.sorted { $0.start < $1.start })) }
    return Shown(source: .uboot(uboot.atBoot.ascendingSequence))
  }

  /// See `shownSequence`.
  public struct Shown: Sequence {
    enum Source {
      case firmware([EFIDescriptor])
      case uboot(EFIMemoryMap.Ascending)
    }
    let source: Source

    public struct Iterator: IteratorProtocol {
      var firmware: IndexingIterator<[EFIDescriptor]>?
      var uboot: EFIMemoryMap.Ascending.Iterator?
      public mutating func next() -> EFIDescriptor? { firmware?.next() ?? uboot?.next() }
    }

    public func makeIterator() -> Iterator {
      switch source {
      case .firmware(let list): return Iterator(firmware: list.makeIterator(), uboot: nil)
      case .uboot(let map): return Iterator(firmware: nil, uboot: map.makeIterator())
      }
    }
  }
}
