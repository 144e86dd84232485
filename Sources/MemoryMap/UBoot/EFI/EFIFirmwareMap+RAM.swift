extension EFIFirmwareMap {
  /// The RAM Linux takes from this map when it boots through UEFI and ignores `/memory`
  /// (arm64 `reserve_regions`, drivers/firmware/efi/efi-init.c): every descriptor with a
  /// cacheable attribute (WB, WT or WC) is memory, and those of a type Linux may not use are
  /// also flagged no-map. Adjacent descriptors are joined; both lists are ascending.
  public var ram: (memory: [AddressRange], noMap: [AddressRange]) {
    let cacheable: EFIAttributes = [.wb, .wt, .wc]
    var memory: [AddressRange] = []
    var noMap: [AddressRange] = []
    for d in descriptors.sorted(by: { $0.start < $1.start })
    where !d.attributes.isDisjoint(with: cacheable) && d.pages != 0 {
      memory.appendJoined(d.range)
      if !d.type.isLinuxUsable { noMap.appendJoined(d.range) }
    }
    return (memory, noMap)
  }

}

extension [AddressRange] {
  /// Appends `range`, joined to the last run when it starts where that one ends.
  mutating func appendJoined(_ range: AddressRange) {
    if let last = self.last, last.end == range.base {
      self[count - 1].size &+= range.size
    } else {
      append(range)
    }
  }
}
