import FoundationEssentials
import MemoryMap

/// The text, JSON and Markdown of `memmap diff`.
enum DiffRenderer {
  /// `style` colours the text format (`DiffColours.diff`); JSON and Markdown never carry colour.
  static func render(_ diff: MapDiff, format: DiffFormat, style: Style = Style(enabled: false),
                     width: Int? = nil) -> String {
    switch format {
    case .text: return style.lines(text(diff, width: width), DiffColours.diff(style))
    case .json: return JSONRenderer.encode(document(diff))
    case .markdown: return markdown(diff)
    }
  }

  /// `-` on the side that lacks the region.
  static func range(_ region: KernelRegion?) -> String {
    region.map { RegionText.range($0.range) } ?? "-"
  }

  static func flags(_ region: KernelRegion) -> String { RegionText.flags(region, none: "map") }

  /// The old -> new details of one region's changes.
  static func details(_ change: MapDiff.RegionChange) -> String {
    guard let x = change.before, let y = change.after else {
      let r = (change.before ?? change.after)!
      return "\(range(r)) \(Formatting.humanSize(r.size)) \(r.kind.rawValue) \(flags(r)) \(r.status.word.rawValue)"
    }
    var parts: [String] = []
    for kind in change.changes {
      switch kind {
      case .moved:
        parts.append(x.path != y.path ? "\(x.label) -> \(y.label), \(range(x)) -> \(range(y))" : "\(range(x)) -> \(range(y))")
      case .resized: parts.append("\(Formatting.humanSize(x.size)) -> \(Formatting.humanSize(y.size))")
      case .flags: parts.append("\(flags(x)) -> \(flags(y))")
      case .placement: parts.append("placed \(range(x)) -> \(range(y))")
      case .status: parts.append("\(x.status.word.rawValue) -> \(y.status.word.rawValue)")
      case .initResult: parts.append("init \(x.initResult.rawValue) -> \(y.initResult.rawValue)")
      case .added, .removed: break
      }
    }
    return parts.joined(separator: "; ")
  }

  /// `width`, when given, is the terminal's: the tables are fitted to it.
  static func text(_ diff: MapDiff, width: Int? = nil) -> String {
    if diff.isEmpty { return "" }
    var out = "--- \(VisibleText.escape(diff.a.file))\n+++ \(VisibleText.escape(diff.b.file))\n"
      + "(\(profiles(diff)))\n"
    if !diff.regions.isEmpty {
      var table = TextTable(["CHANGE", "REGION", "DETAILS"])
      for change in diff.regions {
        table.add([change.changes.map(\.rawValue).joined(separator: ","), change.label, details(change)])
      }
      out += "\nRegions\n" + table.render(width: width)
    }
    if !diff.memoryAdded.isEmpty || !diff.memoryRemoved.isEmpty {
      out += "\nMemory\n"
      for bank in diff.memoryRemoved { out += "  - \(Hex.range(bank)) \(Formatting.humanSize(bank.size))\n" }
      for bank in diff.memoryAdded { out += "  + \(Hex.range(bank)) \(Formatting.humanSize(bank.size))\n" }
    }
    if !diff.totalsChanged.isEmpty {
      var table = TextTable(["TOTAL", "BEFORE", "AFTER", "DELTA"], rightAligned: [1, 2, 3])
      for t in diff.totalsChanged {
        table.add([t.name, Formatting.humanSize(t.before), Formatting.humanSize(t.after), signedSize(t.before, t.after)])
      }
      out += "\nTotals\n" + table.render(width: width)
    }
    if !diff.findingsAdded.isEmpty || !diff.findingsRemoved.isEmpty {
      out += "\nFindings\n"
      for f in diff.findingsRemoved { out += "  - " + findingText(f) + "\n" }
      for f in diff.findingsAdded { out += "  + " + findingText(f) + "\n" }
    }
    return out
  }

  /// `[MM001 reserved-overlap] /node: message`; from a saved JSON file every part is untrusted.
  static func findingText(_ f: Finding) -> String {
    VisibleText.escape(FindingLine.text(f))
  }

  /// `+32 MiB` or `-1.5 GiB`.
  static func signedSize(_ before: UInt64, _ after: UInt64) -> String {
    after >= before ? "+" + Formatting.humanSize(after - before) : "-" + Formatting.humanSize(before - after)
  }

  /// "Linux 7.2 profile", or "Linux 6.12 profile -> Linux 7.2 profile" for a diff across kernels.
  static func profiles(_ diff: MapDiff) -> String {
    let a = VisibleText.escape(diff.a.kernel)
    let b = VisibleText.escape(diff.b.kernel)
    return a == b ? "Linux \(b) profile" : "Linux \(a) profile -> Linux \(b) profile"
  }

  static func markdown(_ diff: MapDiff) -> String {
    var out = "### memmap diff: `\(VisibleText.escape(diff.a.file))` → `\(VisibleText.escape(diff.b.file))`\n\n"
    if diff.a.kernel != diff.b.kernel { out += profiles(diff) + "\n\n" }
    var regions = TextTable(["change", "region", "before", "after", "details"])
    for change in diff.regions {
      regions.add([change.changes.map(\.rawValue).joined(separator: ", "), "`\(change.label)`",
                   range(change.before), range(change.after), details(change)])
    }
    out += regions.renderMarkdown()
    if !diff.totalsChanged.isEmpty {
      var totals = TextTable(["total", "before", "after", "delta"])
      for t in diff.totalsChanged {
        totals.add([t.name, Formatting.humanSize(t.before), Formatting.humanSize(t.after), signedSize(t.before, t.after)])
      }
      out += "\n" + totals.renderMarkdown()
    }
    if !diff.findingsAdded.isEmpty || !diff.findingsRemoved.isEmpty {
      var findings = TextTable(["", "finding", "node", "message"])
      for f in diff.findingsRemoved { findings.add(["removed", FindingLine.title(f.rule), "`\(FindingLine.node(f.nodes))`", f.message]) }
      for f in diff.findingsAdded { findings.add(["added", FindingLine.title(f.rule), "`\(FindingLine.node(f.nodes))`", f.message]) }
      out += "\n" + findings.renderMarkdown()
    }
    return out
  }

  struct Document: Encodable {
    var a: String
    var b: String
    var kernel: String
    /// A's kernel, when it is not B's (`diff --to-kernel`).
    var kernelA: String?
    var identical: Bool
    var regions: [RegionJSON]
    var memory: MemoryJSON
    var totals: [TotalJSON]
    var findings: FindingsJSON
  }
  /// `before` and `after` are the region records as inspect writes them (docs/json.md).
  struct RegionJSON: Encodable { var region: String; var changes: [String]; var before: KernelRegion?; var after: KernelRegion? }
  struct MemoryJSON: Encodable { var added: [Bank]; var removed: [Bank] }
  struct Bank: Encodable { var base: String; var size: String }
  struct TotalJSON: Encodable { var name: String; var before: String; var after: String }
  /// Inspect's finding objects (docs/json.md).
  struct FindingsJSON: Encodable { var added: [Finding]; var removed: [Finding] }

  static func document(_ diff: MapDiff) -> Document {
    func bank(_ r: AddressRange) -> Bank { Bank(base: Hex.plain(r.base), size: Hex.plain(r.size)) }
    return Document(
      a: diff.a.file, b: diff.b.file, kernel: diff.b.kernel,
      kernelA: diff.a.kernel == diff.b.kernel ? nil : diff.a.kernel, identical: diff.isEmpty,
      regions: diff.regions.map { RegionJSON(region: $0.label, changes: $0.changes.map(\.rawValue), before: $0.before, after: $0.after) },
      memory: MemoryJSON(added: diff.memoryAdded.map(bank), removed: diff.memoryRemoved.map(bank)),
      totals: diff.totalsChanged.map { TotalJSON(name: $0.name, before: Hex.plain($0.before), after: Hex.plain($0.after)) },
      findings: FindingsJSON(added: diff.findingsAdded, removed: diff.findingsRemoved))
  }
}

/// The table of `memmap diff --matrix`.
enum MatrixRenderer {
  static func render(_ matrix: MapMatrix, format: DiffFormat) -> String {
    let boards = matrix.boards.map { String($0.split(separator: "/").last ?? Substring($0)) }
    func cell(_ cell: MapMatrix.Cell) -> String {
      switch cell {
      case .absent: return "-"
      case .notPlaced: return "not placed"
      case .placed(let range): return "\(Hex.plain(range.base)) +\(Formatting.humanSize(range.size))"
      }
    }
    func json(_ cell: MapMatrix.Cell) -> String? {
      switch cell {
      case .absent: return nil
      case .notPlaced: return "not placed"
      case .placed(let range): return Hex.range(range)
      }
    }
    switch format {
    case .json:
      struct Row: Encodable { var region: String; var sharing: String; var ranges: [String?] }
      struct Doc: Encodable { var boards: [String]; var rows: [Row] }
      return JSONRenderer.encode(Doc(boards: matrix.boards, rows: matrix.rows.map {
        Row(region: $0.label, sharing: $0.sharing.rawValue, ranges: $0.cells.map(json))
      }))
    case .markdown:
      var table = TextTable(["region", "sharing"] + boards)
      for row in matrix.rows { table.add(["`\(row.label)`", row.sharing.rawValue] + row.cells.map(cell)) }
      return table.renderMarkdown()
    case .text:
      var table = TextTable(["REGION", "SHARING"] + boards)
      for row in matrix.rows { table.add([row.label, row.sharing.rawValue] + row.cells.map(cell)) }
      let counts = [MapMatrix.Sharing.shared, .varies, .specific].map { s in
        "\(matrix.rows.filter { $0.sharing == s }.count) \(s.rawValue)"
      }
      return table.render() + "\n\(matrix.rows.count) regions over \(boards.count) boards: " + counts.joined(separator: ", ") + "\n"
    }
  }
}

/// The formats of `memmap diff`.
enum DiffFormat: String, CaseIterable {
  case text, json, markdown
}
