import MemoryMap

/// Chooses the renderer for `memmap inspect`.
enum InspectRenderer {
  static func render(_ reports: [MapReport], format: InspectFormat, colour: Bool) -> String {
    switch format {
    case .table: return reports.map { TableRenderer.render($0, colour: colour) }.joined(separator: "\n")
    case .json: return JSONRenderer.render(reports)
    case .kernelLog:
      if reports.count == 1 { return KernelLogRenderer.render(reports[0].kernel) }
      return reports.map { "==> \($0.file) <==\n" + KernelLogRenderer.render($0.kernel) }
        .joined(separator: "\n")
    }
  }
}
