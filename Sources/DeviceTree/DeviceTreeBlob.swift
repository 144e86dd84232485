#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A flattened device tree checked by libfdt, held in 8-byte-aligned storage.
///
/// The blob is validated once, at the door, with `fdt_check_full`; afterwards every lookup
/// copies its answer out, and a missing property or node is `nil`, not an error.
public struct DeviceTreeBlob: Sendable {
  /// The name the blob is reported under (usually the path it was read from).
  public let file: String
  /// The blob's bytes, in words so that libfdt always sees 8-byte alignment.
  private let words: [UInt64]
  /// The number of meaningful bytes in `words`.
  public let byteCount: Int

  /// The largest blob accepted: the FDT header's `totalsize` is 32 bits, and more than
  /// 256 MiB is not a device tree anyone boots.
  public static let maximumSize = 256 << 20

  /// Checks `bytes` with `fdt_check_full` and keeps a copy.
  public init(bytes: [UInt8], file: String) throws(DeviceTreeError) {
    guard bytes.count <= Self.maximumSize else {
      throw DeviceTreeError(file: file, reason: .tooLarge(limit: Self.maximumSize))
    }
    try self.init(words: FileBytes.words(of: bytes), byteCount: bytes.count, file: file)
  }

  /// Checks the first `byteCount` bytes of `words` with `fdt_check_full` and keeps them.
  public init(words: [UInt64], byteCount: Int, file: String) throws(DeviceTreeError) {
    guard byteCount <= Self.maximumSize else {
      throw DeviceTreeError(file: file, reason: .tooLarge(limit: Self.maximumSize))
    }
    self.words = words
    self.byteCount = byteCount
    self.file = file
    if let error = withBlob({ LibFDT.checkFull($0) }) {
      throw DeviceTreeError(file: file, reason: .fdt(error))
    }
  }

  /// Reads and checks the file at `path`.
  public static func load(path: String) throws(DeviceTreeError) -> DeviceTreeBlob {
    let contents: (words: [UInt64], byteCount: Int)
    do {
      contents = try FileBytes.readWords(path: path, limit: maximumSize)
    } catch {
      throw DeviceTreeError(file: path, reason: .init(error.reason))
    }
    return try DeviceTreeBlob(words: contents.words, byteCount: contents.byteCount, file: path)
  }

  /// A blob holding `root` and its subtree, checked like any other.
  public init(building root: NodeContents, file: String) throws(DeviceTreeError) {
    switch LibFDT.build(root) {
    case .success(let bytes): try self.init(bytes: bytes, file: file)
    case .failure(let code): throw DeviceTreeError(file: file, reason: .fdt(code))
    }
  }

  /// This tree with `overlay` applied by libfdt (`__fixups__` and `__local_fixups__` resolved),
  /// reported under `file`. Throws libfdt's code.
  public func applying(_ overlay: DeviceTreeBlob, file: String) throws(FDTError) -> DeviceTreeBlob {
    let result = withBlob { base in overlay.withBlob { LibFDT.applyOverlay(base, $0) } }
    switch result {
    case .success(let bytes):
      do { return try DeviceTreeBlob(bytes: bytes, file: file) } catch { throw error.code ?? .badStructure }
    case .failure(let code): throw code
    }
  }

  /// The same blob reported under another name (a FIT configuration, a compiled source).
  public func named(_ file: String) -> DeviceTreeBlob {
    DeviceTreeBlob(checked: words, byteCount: byteCount, file: file)
  }

  private init(checked words: [UInt64], byteCount: Int, file: String) {
    self.words = words
    self.byteCount = byteCount
    self.file = file
  }

  /// Lends the blob to `body`; the pointer must not escape.
  private func withBlob<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
    words.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[0..<byteCount])) }
  }

  private func check<T>(_ result: Result<T, FDTError>, _ node: Node?, _ property: String? = nil)
    throws(DeviceTreeError) -> T
  {
    switch result {
    case .success(let value): return value
    case .failure(let error):
      throw DeviceTreeError(file: file, nodePath: node?.path, property: property, reason: .fdt(error))
    }
  }

  /// The header's `totalsize`.
  public var totalSize: Int { Int(withBlob { LibFDT.totalSize($0) }) }

  /// The root node `/`.
  public var root: Node { Node(offset: .root, name: "", path: "/") }

  /// The node at the absolute `path`, nil when the tree has none there.
  public func node(at path: String) throws(DeviceTreeError) -> Node? {
    guard let offset = try check(withBlob { LibFDT.pathOffset($0, path) }, nil) else { return nil }
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    return Node(offset: NodeOffset(rawValue: offset), name: name, path: path)
  }

  /// The bytes at `range` of the file the blob was read from, which may run past the tree's
  /// `totalsize` (a FIT image keeps its images' data there); nil outside the file.
  public func fileBytes(_ range: Range<Int>) -> [UInt8]? {
    guard range.lowerBound >= 0, range.upperBound <= byteCount else { return nil }
    return words.withUnsafeBytes { Array($0[range]) }
  }

  /// The direct children of `node`, in blob order.
  public func children(of node: Node) throws(DeviceTreeError) -> [Node] {
    let offsets = try check(withBlob { LibFDT.subnodes($0, node.offset.rawValue) }, node)
    var result: [Node] = []
    result.reserveCapacity(offsets.count)
    for offset in offsets {
      let name = try check(withBlob { LibFDT.name($0, offset) }, node)
      result.append(Node(offset: NodeOffset(rawValue: offset), name: name, path: node.childPath(name)))
    }
    return result
  }

  /// The property `name` of `node`, or nil when the node has none.
  public func property(_ name: String, of node: Node) throws(DeviceTreeError) -> Property? {
    let value = try check(
      withBlob { LibFDT.property($0, node.offset.rawValue, name) }, node, name)
    return value.map { Property(name: name, value: $0) }
  }

  /// Up to `count` bytes that follow the value of property `name` in the structure block.
  ///
  /// Linux's late reserved-memory scan reads the first `reg` entry even when `reg` is empty,
  /// so what it sees is whatever comes next in the blob; this reproduces that read.
  public func bytesAfterProperty(_ name: String, of node: Node, count: Int)
    throws(DeviceTreeError) -> [UInt8]?
  {
    try check(withBlob { LibFDT.bytesAfterProperty($0, node.offset.rawValue, name, count: count) },
              node, name)
  }

  /// Whether `node` has a property called `name` (of any length).
  public func hasProperty(_ name: String, of node: Node) throws(DeviceTreeError) -> Bool {
    try property(name, of: node) != nil
  }

  /// Every property of `node`, in blob order, read in one walk; look them up by name with
  /// `PropertyTable.property(_:)`, which fails exactly where `property(_:of:)` would.
  public func properties(of node: Node) throws(DeviceTreeError) -> PropertyTable {
    let list = try check(withBlob { LibFDT.properties($0, node.offset.rawValue) }, node)
    return PropertyTable(file: file, node: node, entries: list)
  }

  /// The memory reservation block's entries up to its terminator.
  public func memoryReservations() throws(DeviceTreeError) -> [MemoryReservation] {
    try check(withBlob { LibFDT.memoryReservations($0) }, nil)
  }
}
