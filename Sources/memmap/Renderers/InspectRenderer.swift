import MemoryMap

/// Chooses the renderer for `memmap inspect`.
enum InspectRenderer {
  static func render(_ reports: [MapReport], format: InspectFormat, colour: Bool, width: Int? = nil)
    -> String
  {
    switch format {
    case .table:
      return reports.map { TableRenderer.render($0, colour: colour, width: width) }.joined(separator: "\n")
    case .json: return JSONRenderer.render(reports)
    case .kernelLog: return perFile(reports) { KernelLogRenderer.render($0.kernel) }
    case .uboot: return perFile(reports) { UBootRenderer.boot($0.uboot) }
    case .efidebug: return perFile(reports) { EFIRenderer.efidebug($0.efi.shown) }
    }
  }

  /// One file's text as is; several files each under a `==> FILE <==` header, as head(1) does.
  static func perFile(_ reports: [MapReport], _ body: (MapReport) -> String) -> String {
    if reports.count == 1 { return body(reports[0]) }
    return reports.map { "==> \(VisibleText.escape($0.file)) <==\n" + body($0) }.joined(separator: "\n")
  }
}

/// The formats of `memmap inspect`.
enum InspectFormat: String, CaseIterable {
  case table
  case json
  case kernelLog = "kernel-log"
  case uboot
  /// The EFI map (the firmware's with `--efi-map`, else U-Boot's) as `efidebug memmap` prints it.
  case efidebug

  /// Whether the output lists the findings (and so the note that RAM is unknown).
  var showsFindings: Bool { self == .table || self == .json }
}
