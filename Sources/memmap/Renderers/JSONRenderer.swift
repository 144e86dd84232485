import FoundationEssentials
import MemoryMap

/// `--format json` for inspect: the contract of the spec's README, one object per file (an
/// array when several files are given). Addresses are `"0x..."` strings.
enum JSONRenderer {
  /// One file's document. It is written through `JSONStream`, so its keys and those of
  /// every type below are encoded in sorted order, and its long lists are produced one
  /// element at a time from the report instead of being built first.
  struct Document: Encodable {
    let report: MapReport

    enum CodingKeys: String, CodingKey {
      case bootReservations, efi, efiSource, file, findings, kernel, lmb, memory, reserved
      case schemaVersion, summary
    }

    func encode(to encoder: Encoder) throws {
      let hex = Formatting.hex
      let regions = RegionOrder.sorted(report.kernel.regions)
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(Lazy(regions.lazy.filter { $0.kind == .boot }.map {
        Boot(base: hex($0.range?.base ?? 0), name: $0.name, size: hex($0.size))
      }), forKey: .bootReservations)
      /// The firmware's EFI map with `--efi-map`, else the one U-Boot builds for the tree.
      try c.encode(Lazy(report.efi.shown.lazy.map(JSONRenderer.efi)), forKey: .efi)
      /// `"firmware"` or `"u-boot"`: which map `efi` is.
      try c.encode(report.efi.firmware == nil ? "u-boot" : "firmware", forKey: .efiSource)
      try c.encode(report.file, forKey: .file)
      try c.encode(Lazy(report.findings.lazy.map(JSONRenderer.finding)), forKey: .findings)
      try c.encode(report.kernel.profile.name, forKey: .kernel)
      try c.encode(JSONRenderer.lmb(report.uboot.lmb), forKey: .lmb)
      try c.encode(Lazy(MemoryBanks.list(report).lazy.map {
        Bank(base: hex($0.range.base), size: hex($0.range.size), source: $0.source)
      }), forKey: .memory)
      try c.encode(Lazy(regions.lazy.filter { $0.kind != .boot }.map(JSONRenderer.region)), forKey: .reserved)
      try c.encode(1, forKey: .schemaVersion)
      try c.encode(Summary(free: hex(report.summary.free), nomap: hex(report.summary.noMap),
                           ram: hex(report.summary.ram), reserved: hex(report.summary.reserved)),
                   forKey: .summary)
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

  struct EFIJSON: Encodable { var attributes: [String]; var end: String; var start: String; var type: String }

  static func efi(_ d: EFIDescriptor) -> EFIJSON {
    EFIJSON(attributes: EFIRenderer.attributeWords(d.attributes), end: Formatting.hex(d.end),
            start: Formatting.hex(d.start), type: d.type.name ?? "type \(d.type.rawValue)")
  }

  struct LMBJSON: Encodable {
    let lmb: LMB
    enum CodingKeys: String, CodingKey { case memory, reserved }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(Lazy(lmb.memory.lazy.map(LMBRegionJSON.init)), forKey: .memory)
      try c.encode(Lazy(lmb.reserved.lazy.map(LMBRegionJSON.init)), forKey: .reserved)
    }
  }

  struct LMBRegionJSON: Encodable {
    var base: String
    var flags: [String]
    var size: String

    init(_ region: LMBRegion) {
      base = Formatting.hex(region.base)
      flags = UBootRenderer.flagNames(region.flags)
      size = Formatting.hex(region.size)
    }
  }

  static func lmb(_ lmb: LMB) -> LMBJSON { LMBJSON(lmb: lmb) }

  struct Bank: Encodable { var base: String; var size: String; var source: String }
  struct Boot: Encodable { var base: String; var name: String; var size: String }
  struct Summary: Encodable { var free: String; var nomap: String; var ram: String; var reserved: String }

  /// One region as `inspect --format json` writes it and `diff` reads it back.
  struct Region: Codable {
    var name: String
    var path: String?
    var kind: String
    var base: String?
    var size: String
    var nomap: Bool
    var reusable: Bool
    var compatible: [String]
    var status: String
    var reason: String?
    var init_: String
    var inTable: Bool
    var entry: Int

    enum CodingKeys: String, CodingKey {
      case name, path, kind, base, size, nomap, reusable, compatible, status, reason, inTable, entry
      case init_ = "init"
    }

    func encode(to encoder: Encoder) throws {
      // In sorted key order, for JSONStream.
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(base, forKey: .base)
      try c.encode(compatible, forKey: .compatible)
      try c.encode(entry, forKey: .entry)
      try c.encode(inTable, forKey: .inTable)
      try c.encode(init_, forKey: .init_)
      try c.encode(kind, forKey: .kind)
      try c.encode(name, forKey: .name)
      try c.encode(nomap, forKey: .nomap)
      try c.encode(path, forKey: .path)
      try c.encodeIfPresent(reason, forKey: .reason)
      try c.encode(reusable, forKey: .reusable)
      try c.encode(size, forKey: .size)
      try c.encode(status, forKey: .status)
    }
  }

  struct FindingJSON: Encodable {
    var message: String
    var name: String
    var nodes: [String]
    var rule: String
    var severity: String
  }

  static func region(_ r: KernelRegion) -> Region {
    return Region(name: r.name, path: r.path, kind: r.kind.rawValue, base: r.range.map { Formatting.hex($0.base) },
                  size: Formatting.hex(r.size), nomap: r.noMap, reusable: r.reusable,
                  compatible: r.compatible, status: r.status.word, reason: r.status.reason,
                  init_: r.initResult.rawValue, inTable: r.inTable, entry: r.entry)
  }

  static func finding(_ f: Finding) -> FindingJSON {
    FindingJSON(message: f.message, name: f.rule.name, nodes: f.nodes, rule: f.rule.id, severity: f.severity.rawValue)
  }

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

  /// Pretty, key-sorted JSON with a final newline.
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
