import DeviceTree
import MemoryMap

/// Reads one file and builds its report; the only step between the file system and the model.
enum ReportLoader {
  static func load(_ file: String, options: MapOptions) -> Result<MapReport, DeviceTreeError> {
    do {
      let blob = try DeviceTreeBlob.load(path: file)
      return .success(try MapReport.make(blob, options: options))
    } catch {
      return .failure(error)
    }
  }
}
