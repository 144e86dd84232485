import FoundationEssentials
import MemoryMap

/// `--format json` for inspect: the contract of the spec's README, one object per file (an
/// array when several files are given). Addresses are `"0x..."` strings.
enum JSONRenderer {
  struct Document: Encodable {
    var schemaVersion = 1
    var file: String
    var kernel: String
    var memory: [Bank]
    var reserved: [Region]
    var bootReservations: [Boot]
    var findings: [FindingJSON]
    var summary: Summary
    var lmb: LMBJSON
    /// The firmware's EFI map with `--efi-map`, else the one U-Boot builds for the tree.
    var efi: [EFIJSON]
    /// `"firmware"` or `"u-boot"`: which map `efi` is.
    var efiSource: String
  }

  struct EFIJSON: Encodable { var type: String; var start: String; var end: String; var attributes: [String] }

  static func efi(_ report: MapReport) -> [EFIJSON] {
    report.efi.shown.map {
      EFIJSON(type: $0.type.name ?? "type \($0.type.rawValue)", start: Formatting.hex($0.start),
              end: Formatting.hex($0.end), attributes: EFIRenderer.attributeWords($0.attributes))
    }
  }

  struct LMBJSON: Encodable { var memory: [LMBRegionJSON]; var reserved: [LMBRegionJSON] }
  struct LMBRegionJSON: Encodable { var base: String; var size: String; var flags: [String] }

  static func lmb(_ lmb: LMB) -> LMBJSON {
    func list(_ regions: [LMBRegion]) -> [LMBRegionJSON] {
      regions.map {
        LMBRegionJSON(base: Formatting.hex($0.base), size: Formatting.hex($0.size),
                      flags: UBootRenderer.flagNames($0.flags))
      }
    }
    return LMBJSON(memory: list(lmb.memory), reserved: list(lmb.reserved))
  }

  struct Bank: Encodable { var base: String; var size: String; var source: String }
  struct Boot: Encodable { var name: String; var base: String; var size: String }
  struct Summary: Encodable { var ram: String; var reserved: String; var nomap: String; var free: String }

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
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(path, forKey: .path)
      try c.encode(kind, forKey: .kind)
      try c.encode(base, forKey: .base)
      try c.encode(size, forKey: .size)
      try c.encode(nomap, forKey: .nomap)
      try c.encode(reusable, forKey: .reusable)
      try c.encode(compatible, forKey: .compatible)
      try c.encode(status, forKey: .status)
      try c.encodeIfPresent(reason, forKey: .reason)
      try c.encode(init_, forKey: .init_)
      try c.encode(inTable, forKey: .inTable)
      try c.encode(entry, forKey: .entry)
    }
  }

  struct FindingJSON: Encodable {
    var rule: String
    var name: String
    var severity: String
    var message: String
    var nodes: [String]
  }

  static func document(_ report: MapReport) -> Document {
    let hex = Formatting.hex
    let regions = RegionOrder.sorted(report.kernel.regions)
    return Document(
      file: report.file, kernel: report.kernel.profile.name,
      memory: MemoryBanks.list(report).map { Bank(base: hex($0.range.base), size: hex($0.range.size), source: $0.source) },
      reserved: regions.filter { $0.kind != .boot }.map(region),
      bootReservations: regions.filter { $0.kind == .boot }.map {
        Boot(name: $0.name, base: hex($0.range?.base ?? 0), size: hex($0.size))
      },
      findings: report.findings.map(finding),
      summary: Summary(ram: hex(report.summary.ram), reserved: hex(report.summary.reserved),
                       nomap: hex(report.summary.noMap), free: hex(report.summary.free)),
      lmb: lmb(report.uboot.lmb), efi: efi(report),
      efiSource: report.efi.firmware == nil ? "u-boot" : "firmware")
  }

  static func region(_ r: KernelRegion) -> Region {
    return Region(name: r.name, path: r.path, kind: r.kind.rawValue, base: r.range.map { Formatting.hex($0.base) },
                  size: Formatting.hex(r.size), nomap: r.noMap, reusable: r.reusable,
                  compatible: r.compatible, status: r.status.word, reason: r.status.reason,
                  init_: r.initResult.rawValue, inTable: r.inTable, entry: r.entry)
  }

  static func finding(_ f: Finding) -> FindingJSON {
    FindingJSON(rule: f.rule.id, name: f.rule.name, severity: f.severity.rawValue, message: f.message, nodes: f.nodes)
  }

  static func render(_ reports: [MapReport]) -> String {
    let docs = reports.map(document)
    if docs.count == 1 { return encode(docs[0]) }
    return encode(docs)
  }

  /// Pretty, key-sorted JSON with a final newline.
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
