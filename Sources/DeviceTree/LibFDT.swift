import CLibFDT

/// The only place that calls libfdt. Every function works on a blob pointer lent by the caller
/// and copies its answer out before returning.
enum LibFDT {
  /// The corresponding libfdt function is `fdt_strerror`.
  static func errorName(_ code: CInt) -> String {
    guard let text = fdt_strerror(-code) else { return "FDT_ERR_\(code)" }
    return String(cString: text)
  }

  /// Converts a libfdt return value: negative becomes the error, anything else the value.
  static func valueOrError(_ result: CInt) -> Result<CInt, FDTError> {
    result < 0 ? .failure(FDTError(rawValue: -result)) : .success(result)
  }

  /// The header's `totalsize`, read without any check; only for a buffer of at least 8 bytes.
  static func totalSize(_ fdt: UnsafeRawBufferPointer) -> UInt32 {
    memmap_fdt_totalsize(fdt.baseAddress)
  }

  /// Checks the whole blob: header, structure block, strings. The corresponding libfdt
  /// function is `fdt_check_full`.
  static func checkFull(_ fdt: UnsafeRawBufferPointer) -> FDTError? {
    guard let base = fdt.baseAddress else { return .truncated }
    // fdt_check_full reports any input shorter than a header as truncated; a text file of a
    // few bytes is better called what it is, so the magic is looked at first.
    if fdt.count >= 4 && memmap_fdt_magic(base) != FDT_MAGIC { return .badMagic }
    // Versions before 16 keep full paths as node names, and libfdt 1.6.1's fdt_check_full
    // reads a null pointer on such a blob (found by make fuzz). dtc has written version 17
    // since 2007, and U-Boot and Linux boot nothing older in practice: refuse it here.
    if fdt.count >= 24 && memmap_fdt_version(base) < 16 { return .badVersion }
    if case .failure(let error) = valueOrError(fdt_check_full(base, fdt.count)) { return error }
    return nil
  }

  /// The node's name including its unit address. The corresponding libfdt function is `fdt_get_name`.
  static func name(_ fdt: UnsafeRawBufferPointer, _ offset: CInt) -> Result<String, FDTError> {
    var length: CInt = 0
    guard let name = fdt_get_name(fdt.baseAddress, offset, &length) else {
      return .failure(FDTError(rawValue: -length))
    }
    let bytes = UnsafeRawBufferPointer(start: name, count: Int(length))
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// The offset of the node at `path`, nil when there is none. The corresponding libfdt
  /// function is `fdt_path_offset`.
  static func pathOffset(_ fdt: UnsafeRawBufferPointer, _ path: String) -> Result<CInt?, FDTError> {
    let offset = fdt_path_offset(fdt.baseAddress, path)
    if offset == -FDT_ERR_NOTFOUND { return .success(nil) }
    return valueOrError(offset).map { $0 }
  }

  /// The offsets of a node's direct children in blob order (`fdt_first_subnode`/`fdt_next_subnode`).
  static func subnodes(_ fdt: UnsafeRawBufferPointer, _ parent: CInt) -> Result<[CInt], FDTError> {
    var offsets: [CInt] = []
    var child = fdt_first_subnode(fdt.baseAddress, parent)
    while child >= 0 {
      offsets.append(child)
      child = fdt_next_subnode(fdt.baseAddress, child)
    }
    if child != -FDT_ERR_NOTFOUND { return .failure(FDTError(rawValue: -child)) }
    return .success(offsets)
  }

  /// A copy of a property's value, or nil if the node has no such property.
  /// The corresponding libfdt function is `fdt_getprop`.
  ///
  /// libfdt returns a property's 32-bit length as a signed `int`, and `fdt_check_full` (1.6.1)
  /// accepts an empty property whose length field says 0xfffffffd...0xffffffff (its offset
  /// arithmetic wraps back to where the value would start), so a value can come back with a
  /// negative length. This function and the two below report that as a corrupt structure
  /// block instead of trusting it.
  static func property(_ fdt: UnsafeRawBufferPointer, _ offset: CInt, _ name: String)
    -> Result<[UInt8]?, FDTError>
  {
    var length: CInt = 0
    guard let value = fdt_getprop(fdt.baseAddress, offset, name, &length) else {
      if length == -FDT_ERR_NOTFOUND { return .success(nil) }
      return .failure(FDTError(rawValue: -length))
    }
    guard length >= 0 else { return .failure(.badStructure) }
    return .success(Array(UnsafeRawBufferPointer(start: value, count: Int(length))))
  }

  /// Up to `count` bytes of the structure block that follow a property's value, as a reader
  /// that runs past an empty value would see them; nil if the property is absent.
  static func bytesAfterProperty(_ fdt: UnsafeRawBufferPointer, _ offset: CInt, _ name: String,
                                 count: Int) -> Result<[UInt8]?, FDTError>
  {
    var length: CInt = 0
    guard let value = fdt_getprop(fdt.baseAddress, offset, name, &length) else {
      if length == -FDT_ERR_NOTFOUND { return .success(nil) }
      return .failure(FDTError(rawValue: -length))
    }
    guard length >= 0 else { return .failure(.badStructure) }
    let start = UnsafeRawPointer(value) - fdt.baseAddress! + Int(length)
    let end = min(fdt.count, start + count)
    guard start <= end else { return .success([]) }
    return .success(Array(fdt[start..<end]))
  }

  /// Every property of a node in blob order, names and copied values; a value is nil when its
  /// length is negative (see `property`), so that only a lookup of that name fails, as with
  /// `fdt_getprop`, which never looks at the lengths of properties with other names.
  static func properties(_ fdt: UnsafeRawBufferPointer, _ offset: CInt)
    -> Result<[(String, [UInt8]?)], FDTError>
  {
    var result: [(String, [UInt8]?)] = []
    var at = fdt_first_property_offset(fdt.baseAddress, offset)
    while at >= 0 {
      var length: CInt = 0
      var namePointer: UnsafePointer<CChar>? = nil
      guard let value = fdt_getprop_by_offset(fdt.baseAddress, at, &namePointer, &length),
        let namePointer
      else { return .failure(FDTError(rawValue: -length)) }
      let bytes = length >= 0 ? Array(UnsafeRawBufferPointer(start: value, count: Int(length))) : nil
      result.append((String(cString: namePointer), bytes))
      at = fdt_next_property_offset(fdt.baseAddress, at)
    }
    if at != -FDT_ERR_NOTFOUND { return .failure(FDTError(rawValue: -at)) }
    return .success(result)
  }

  /// The memory reservation block. The corresponding libfdt functions are `fdt_num_mem_rsv`
  /// and `fdt_get_mem_rsv`.
  static func memoryReservations(_ fdt: UnsafeRawBufferPointer)
    -> Result<[MemoryReservation], FDTError>
  {
    let count = fdt_num_mem_rsv(fdt.baseAddress)
    if count < 0 { return .failure(FDTError(rawValue: -count)) }
    var result: [MemoryReservation] = []
    for index in 0..<count {
      var address: UInt64 = 0
      var size: UInt64 = 0
      let status = fdt_get_mem_rsv(fdt.baseAddress, index, &address, &size)
      if status < 0 { return .failure(FDTError(rawValue: -status)) }
      result.append(MemoryReservation(index: Int(index), address: address, size: size))
    }
    return .success(result)
  }

  // MARK: - Writing

  /// `overlay` applied to a copy of `base`, packed. The corresponding libfdt functions are
  /// `fdt_open_into`, `fdt_overlay_apply` and `fdt_pack`.
  ///
  /// libfdt rewrites the overlay while applying it and leaves both trees unusable when it
  /// fails, so both are copies.
  static func applyOverlay(_ base: UnsafeRawBufferPointer, _ overlay: UnsafeRawBufferPointer)
    -> Result<[UInt8], FDTError>
  {
    writing(room: base.count + 2 * overlay.count + 4096) { out in
      var scratch = [UInt64](repeating: 0, count: (overlay.count + 7) / 8)
      return scratch.withUnsafeMutableBytes { copy in
        copy.copyMemory(from: overlay)
        var status = fdt_open_into(base.baseAddress, out.baseAddress, CInt(out.count))
        if status == 0 { status = fdt_overlay_apply(out.baseAddress, copy.baseAddress) }
        if status == 0 { status = fdt_pack(out.baseAddress) }
        return status
      }
    }
  }

  /// A blob holding `root` and its descendants, made with libfdt's sequential-write
  /// functions (`fdt_create`, `fdt_begin_node`, `fdt_property`, `fdt_end_node`, `fdt_finish`).
  static func build(_ root: NodeContents) -> Result<[UInt8], FDTError> {
    writing(room: 4096 + 2 * root.estimatedSize) { out in
      var status = fdt_create(out.baseAddress, CInt(out.count))
      if status == 0 { status = fdt_finish_reservemap(out.baseAddress) }
      if status == 0 { status = write(root, name: "", into: out.baseAddress!) }
      if status == 0 { status = fdt_finish(out.baseAddress) }
      return status
    }
  }

  /// Runs `body` on an aligned buffer of `room` bytes, doubled while libfdt says
  /// `FDT_ERR_NOSPACE`, and copies out the blob it wrote (its `totalsize` bytes).
  private static func writing(room: Int, _ body: (UnsafeMutableRawBufferPointer) -> CInt)
    -> Result<[UInt8], FDTError>
  {
    var room = room
    while true {
      var output = [UInt64](repeating: 0, count: (room + 7) / 8)
      let status = output.withUnsafeMutableBytes(body)
      if status == -FDT_ERR_NOSPACE && room < Int(CInt.max) / 2 {
        room *= 2
        continue
      }
      if status < 0 { return .failure(FDTError(rawValue: -status)) }
      return .success(output.withUnsafeBytes { Array($0.prefix(Int(memmap_fdt_totalsize($0.baseAddress)))) })
    }
  }

  /// Writes one node and its subtree; the first negative libfdt status, or 0.
  private static func write(_ node: NodeContents, name: String, into fdt: UnsafeMutableRawPointer) -> CInt {
    var status = fdt_begin_node(fdt, name)
    for property in node.properties where status == 0 {
      status = property.value.withUnsafeBytes { fdt_property(fdt, property.name, $0.baseAddress, CInt($0.count)) }
    }
    for child in node.children where status == 0 { status = write(child, name: child.name, into: fdt) }
    return status == 0 ? fdt_end_node(fdt) : status
  }
}
