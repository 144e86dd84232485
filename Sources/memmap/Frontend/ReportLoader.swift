import DeviceTree
import MemoryMap

/// Loads inputs and builds their reports.
enum ReportLoader {
  /// The report of every board in `path` (a FIT image holds several), in order; findings of
  /// a tree built from source say where their node or property was written.
  static func load(_ path: String, options: MapOptions, input: InputSettings) -> [Result<MapReport, DeviceTreeError>] {
    reports(of: InputLoader.load(path, settings: input), options: options)
  }

  /// The reports of boards already loaded, in order.
  static func reports(of loaded: [Result<LoadedTree, DeviceTreeError>], options: MapOptions)
    -> [Result<MapReport, DeviceTreeError>]
  {
    var trees = loaded
    var reports: [Result<MapReport, DeviceTreeError>] = []
    while !trees.isEmpty {
      // Each blob is a temporary: it is freed once its description is read, before the model
      // is built (at 100,000 regions that is 5 MiB of the peak).
      reports.append(describe(trees.removeFirst()).map { described in
        var report = MapReport.make(described.description, options: options)
        let profile = report.kernel.profile
        if !profile.isRecorded {
          // The tree named its architecture (no --arch), and no kernel of it was recorded
          // for this release: the prediction mixes the two, say so.
          Diagnostics.printNote(UnrecordedProfileText.note(file: report.file, profile: profile))
        }
        if let sources = described.sources { report.findings = report.findings.map(sources.locate) }
        return report
      })
    }
    return reports
  }

  /// The report of the one board in `path`; an input with several (a FIT image) is refused
  /// unless one is named (`image.itb:conf-2`).
  static func loadOne(_ path: String, options: MapOptions, input: InputSettings) -> Result<MapReport, DeviceTreeError> {
    one(of: load(path, options: options, input: input), path: path)
  }

  /// The one report among `reports`, the boards of the input `path`.
  static func one(of reports: [Result<MapReport, DeviceTreeError>], path: String) -> Result<MapReport, DeviceTreeError> {
    guard reports.count == 1 else {
      // Standard input cannot be named with a configuration: the image has to be a file.
      let name = path == "-" ? "save it to a file and name it as FILE:CONF" : "name it as \(path):CONF"
      return .failure(DeviceTreeError(file: path, reason: .refused(
        "a FIT image with \(reports.count) configurations; this command reads one: \(name)")))
    }
    return reports[0]
  }

  private static func describe(_ tree: consuming Result<LoadedTree, DeviceTreeError>)
    -> Result<(description: MemoryDescription, sources: SourceMap?), DeviceTreeError>
  {
    tree.flatMap { tree in
      do throws(DeviceTreeError) {
        return .success((try MemoryDescription.read(tree.blob), tree.sources))
      } catch {
        return .failure(error)
      }
    }
  }
}
