import DeviceTree
import MemoryMap

/// libFuzzer's entry point. The first byte chooses the input parser, the rest is the input:
/// a device tree blob (through the model, every inspect, lint, diff, matrix and render
/// format), a saved `inspect --format json` file (diff and render), an `lmb` script, a kernel
/// log for `check-log`, a firmware EFI map (`--efi-map`), or text for the escapers.
///
/// Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address`, never by SwiftPM; CI builds
/// it (`make fuzz-build`) and does not run it. A crash, a sanitizer report or a timeout is a
/// bug; so is an error text of two lines or a raw control character in human-readable output
/// (checked with `precondition`, so libFuzzer keeps the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  guard let selector = bytes.first else { return 0 }
  let input = Array(bytes.dropFirst())
  switch selector % 6 {
  case 0: FuzzPipeline.blob(input)
  case 1: FuzzPipeline.savedJSON(input)
  case 2: FuzzPipeline.lmbScript(input)
  case 3: FuzzPipeline.kernelLog(input)
  case 4: FuzzPipeline.efiMap(input)
  default: FuzzPipeline.escapers(input)
  }
  return 0
}

/// The whole path for one input, under the option sets most likely to reach different code.
enum FuzzPipeline {
  static let optionSets: [MapOptions] = [
    MapOptions(),
    MapOptions(
      profile: .v6_1,
      inputs: KernelInputs(
        memory: [AddressRange(base: 0x4000_0000, size: 0x8000_0000)],
        reservations: [BootReservation(name: "kernel", range: AddressRange(base: 0x4020_0000, size: 0x200_0000))]),
      impliedBootLayout: false),
  ]

  // MARK: - Device tree blobs

  static func blob(_ bytes: [UInt8]) {
    let blob: DeviceTreeBlob
    do {
      blob = try DeviceTreeBlob(bytes: bytes, file: "fuzz.dtb")
    } catch {
      requireOneLine(ErrorText.line(for: error))
      return
    }
    var reports: [MapReport] = []
    for options in optionSets {
      do {
        reports.append(try MapReport.make(blob, options: options))
      } catch {
        requireOneLine(ErrorText.line(for: error))
      }
    }
    guard !reports.isEmpty else { return }
    _ = TableRenderer.render(reports[0], colour: true)
    for format in InspectFormat.allCases {
      let text = InspectRenderer.render(reports, format: format, colour: false)
      if format != .json { requireInert(text) }
    }
    lint(reports)
    let snapshots = reports.map(MapSnapshot.init)
    pictures(reports[0], snapshots)
  }

  /// Every lint format, and the GitHub step summary.
  static func lint(_ reports: [MapReport]) {
    let lint = LintReport(
      files: reports.map { LintedFile($0, path: $0.file, selection: .all) },
      selection: .all, kernel: "6.12")
    for format in LintFormat.allCases {
      let text = format.render(lint)
      if format == .text || format == .github || format == .junit { requireInert(text) }
    }
    requireInert(GitHubRenderer.stepSummary(lint))
  }

  /// Diff, matrix, SVG and HTML of the snapshots.
  static func pictures(_ report: MapReport, _ snapshots: [MapSnapshot]) {
    _ = SVGRenderer.render(MapPicture(report))
    requireInert(HTMLRenderer.render(report))
    guard let first = snapshots.first else { return }
    let diff = MapDiff.compare(first, snapshots.last!)
    for format in DiffFormat.allCases {
      let text = DiffRenderer.render(diff, format: format)
      let matrix = MatrixRenderer.render(MapMatrix.build(snapshots), format: format)
      if format != .json { requireInert(text + matrix) }
    }
    requireInert(SVGRenderer.render(diff) + HTMLRenderer.render(diff))
  }

  // MARK: - Text inputs

  /// A saved `inspect --format json` file, diffed against itself and drawn.
  static func savedJSON(_ bytes: [UInt8]) {
    switch SavedInspectJSON.snapshot(from: bytes, file: "fuzz.json") {
    case .success(let snapshot):
      let diff = MapDiff.compare(snapshot, snapshot)
      for format in DiffFormat.allCases where format != .json { requireInert(DiffRenderer.render(diff, format: format)) }
      requireInert(SVGRenderer.render(diff))
    case .failure(let failure):
      requireOneLine(VisibleText.escape(failure.text))
    }
  }

  /// An `lmb` script: parsed, run step by step, rendered.
  static func lmbScript(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    switch LMBScriptFile.parse(text, file: "fuzz.lmb") {
    case .success(let script): MemmapCommand.LMBCommand.stream(script) { requireInert($0) }
    case .failure(let failure): requireOneLine(VisibleText.escape(failure.text))
    }
  }

  /// A kernel log: its relevant lines compared with the first half of themselves.
  static func kernelLog(_ bytes: [UInt8]) {
    let logged = KernelLogComparison.relevantLines(ofLog: String(decoding: bytes, as: UTF8.self))
    // The comparison is a longest common subsequence: quadratic, so bounded here.
    let lines = Array(logged.prefix(200))
    let comparison = KernelLogComparison.compare(predicted: Array(lines.prefix(lines.count / 2)), logged: lines)
    requireInert(CheckLogRenderer.render(comparison, dtb: "fuzz.dtb", log: "fuzz.log", profile: .v6_12))
  }

  /// A firmware EFI map in either format `--efi-map` reads.
  static func efiMap(_ bytes: [UInt8]) {
    switch EFIMapParser.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.map") {
    case .success(let map): requireInert(EFIRenderer.efidebug(map.descriptors))
    case .failure: break
    }
  }

  /// The escapers alone: whatever the text, nothing they write needs escaping again.
  static func escapers(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    requireInert(VisibleText.escape(text), allowLineBreaks: false)
    requireInert(TextTable.markdownCell(text), allowLineBreaks: false)
    requireInert(XML.text(text), allowLineBreaks: false)
    requireInert(XML.attribute(text), allowLineBreaks: false)
    precondition(!JSONText.escapeInvisible(text).unicodeScalars.contains(where: JSONText.needsUnicodeEscape))
  }

  // MARK: - Invariants

  /// Traps (so libFuzzer records the input) when an error's text spans several lines.
  static func requireOneLine(_ text: String) {
    precondition(!text.contains("\n") && !text.contains("\r"), "error text has a line break: \(text)")
  }

  /// Traps when human-readable output holds a character `VisibleText` escapes (other than the
  /// line breaks and tabs the format writes itself).
  static func requireInert(_ text: String, allowLineBreaks: Bool = true) {
    let raw = text.unicodeScalars.first {
      VisibleText.needsEscape($0) && !(allowLineBreaks && ($0 == "\n" || $0 == "\t"))
    }
    precondition(raw == nil, "raw U+\(String(raw?.value ?? 0, radix: 16)) in output")
  }
}
