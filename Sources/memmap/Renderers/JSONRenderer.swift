import FoundationEssentials
import MemoryMap

/// `--format json` for inspect: the contract of the spec's README, one object per file (an
/// array when several files are given). Addresses are `"0x..."` strings.
enum JSONRenderer {
  /// One file's document, written through `JSONStream`: its long lists are produced one
  /// element at a time from the report instead of being built first, and its keys are encoded
  /// in sorted order, so that the stream can hand the document out while it is written (an
  /// object out of order is held whole until it closes).
  struct Document: Encodable {
    let report: MapReport

    enum CodingKeys: String, CodingKey {
      case architecture, bootReservations, efi, efiSource, file, findings, kernel, lmb, memory
      case pageSize, ramKnown, reserved, schemaVersion, summary, uboot
    }

    func encode(to encoder: Encoder) throws {
      let hex = Formatting.hex
      let all = report.kernel.regions
      let regions = RegionOrder.order(all).lazy.map { all[$0] }
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(report.kernel.profile.architecture.rawValue, forKey: .architecture)
      try c.encode(Lazy(regions.lazy.filter { $0.kind == .boot }.map {
        Boot(base: hex($0.range?.base ?? 0), name: $0.name, size: hex($0.size))
      }), forKey: .bootReservations)
      // The firmware's EFI map with `--efi-map`, else the one U-Boot builds for the tree.
      // A map has a handful of distinct attribute sets: their words are spelled once each.
      let words = AttributeWords()
      try c.encode(JSONStream.Objects(report.efi.shownSequence) { words.efi($0, &$1) }, forKey: .efi)
      // `"firmware"` or `"u-boot"`: which map `efi` is.
      try c.encode(report.efi.firmware == nil ? "u-boot" : "firmware", forKey: .efiSource)
      try c.encode(report.file, forKey: .file)
      try c.encode(report.findings, forKey: .findings)
      try c.encode(report.kernel.profile.name, forKey: .kernel)
      try c.encode(JSONRenderer.lmb(report.uboot.lmb), forKey: .lmb)
      try c.encode(MemoryBanks.list(report), forKey: .memory)
      try c.encode(report.kernel.profile.pageSize.name, forKey: .pageSize)
      // False when the tree leaves /memory to the boot loader and nothing gave RAM.
      try c.encode(report.ramKnown, forKey: .ramKnown)
      // The region record writes its own keys (`KernelRegion.write(to:)`).
      try c.encode(JSONStream.Objects(regions.lazy.filter { $0.kind != .boot }) { $0.write(to: &$1) },
                   forKey: .reserved)
      try c.encode(1, forKey: .schemaVersion)
      try c.encode(report.summary, forKey: .summary)
      try c.encode(UBoot(report.uboot), forKey: .uboot)
    }
  }

  /// A sequence written as a JSON array element by element.
  struct Lazy<Elements: Sequence>: Encodable where Elements.Element: Encodable {
    let elements: Elements
    init(_ elements: Elements) { self.elements = elements }

    func encode(to encoder: Encoder) throws {
      var c = encoder.unkeyedContainer()
      for element in elements { try c.encode(element) }
    }
  }

  /// Writes EFI descriptors, remembering the words of each attribute set it has spelled.
  final class AttributeWords {
    private var known: [EFIAttributes: [String]] = [:]

    /// One EFI descriptor, keys in sorted order.
    func efi(_ d: EFIDescriptor, _ fields: inout JSONStream.Fields) {
      if known[d.attributes] == nil { known[d.attributes] = EFIRenderer.attributeWords(d.attributes) }
      fields.strings("attributes", known[d.attributes]!)
      fields.string("end", Formatting.hex(d.end))
      fields.string("start", Formatting.hex(d.start))
      fields.string("type", d.type.name ?? "type \(d.type.rawValue)")
    }
  }

  struct LMBJSON: Encodable {
    let lmb: LMB
    enum CodingKeys: String, CodingKey { case memory, reserved }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(JSONStream.Objects(lmb.memory, write: JSONRenderer.lmbRegion), forKey: .memory)
      try c.encode(JSONStream.Objects(lmb.reserved, write: JSONRenderer.lmbRegion), forKey: .reserved)
    }
  }

  /// One LMB entry, keys in sorted order.
  static func lmbRegion(_ region: LMBRegion, _ fields: inout JSONStream.Fields) {
    fields.string("base", Formatting.hex(region.base))
    fields.strings("flags", UBootRenderer.flagNames(region.flags))
    fields.string("size", Formatting.hex(region.size))
  }

  static func lmb(_ lmb: LMB) -> LMBJSON { LMBJSON(lmb: lmb) }

  /// The U-Boot release predicted and where it put itself (keys in sorted order).
  struct UBoot: Encodable {
    struct Relocation: Encodable {
      var ramTop: String
      var relocaddr: String
      var reservation: Range
      var spStart: String
    }
    struct Range: Encodable { var base: String; var size: String }
    var relocation: Relocation?
    var stopsBeforePrompt: Bool
    var version: String

    init(_ result: UBootResult) {
      let hex = Formatting.hex
      relocation = result.layout.map {
        Relocation(ramTop: hex($0.ramTop), relocaddr: hex($0.relocationAddress),
                   reservation: Range(base: hex($0.reservation.base), size: hex($0.reservation.size)),
                   spStart: hex($0.stackPointer))
      }
      stopsBeforePrompt = result.stopsBeforePrompt
      version = result.version.name
    }

    enum CodingKeys: String, CodingKey { case relocation, stopsBeforePrompt, version }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      // null, not absent, when U-Boot's memory is given (--uboot-reserve) or it stops first.
      try c.encode(relocation, forKey: .relocation)
      try c.encode(stopsBeforePrompt, forKey: .stopsBeforePrompt)
      try c.encode(version, forKey: .version)
    }
  }

  struct Boot: Encodable { var base: String; var name: String; var size: String }

  /// The text of `inspect --format json`, handed to `output` in pieces as it is written.
  static func write(_ reports: [MapReport], to output: @escaping ([UInt8]) -> Void) {
    let stream = JSONStream(output: output)
    if reports.count == 1 {
      try? stream.write(Document(report: reports[0]))
    } else {
      try? stream.write(Lazy(reports.lazy.map { Document(report: $0) }))
    }
  }

  static func render(_ reports: [MapReport]) -> String {
    var bytes: [UInt8] = []
    write(reports) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Pretty, key-sorted JSON with a final newline, for the documents written whole (SARIF,
  /// diff, matrix, Code Quality, baseline); `{}` when a value cannot be written.
  static func encode<T: Encodable>(_ value: T) -> String { JSONStream.string(value) }
}
