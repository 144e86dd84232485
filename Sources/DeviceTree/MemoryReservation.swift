/// One entry of the blob's memory reservation block (`/memreserve/` in DTS).
public struct MemoryReservation: Hashable, Sendable {
  public let index: Int
  public let address: UInt64
  public let size: UInt64

  public init(index: Int, address: UInt64, size: UInt64) {
    self.index = index
    self.address = address
    self.size = size
  }
}
