/// One EFI memory descriptor: a type, a page-aligned start, a page count and attributes
/// (`struct efi_mem_desc`; virtual start is not modelled).
public struct EFIDescriptor: Hashable, Sendable {
  public var type: EFIMemoryType
  public var start: UInt64
  public var pages: UInt64
  public var attributes: EFIAttributes

  public init(type: EFIMemoryType, start: UInt64, pages: UInt64, attributes: EFIAttributes) {
    self.type = type
    self.start = start
    self.pages = pages
    self.attributes = attributes
  }

  /// The exclusive end, `start + pages * 4096` with 64-bit wrap-around, as U-Boot computes it.
  public var end: UInt64 { start &+ (pages &<< 12) }

  /// The memory the descriptor covers.
  public var range: AddressRange { AddressRange(base: start, size: pages &<< 12) }
}
