import DeviceTree
import MemoryMap

/// Reads one file and builds its report; the only step between the file system and the model.
enum ReportLoader {
  static func load(_ file: String, options: MapOptions) -> Result<MapReport, DeviceTreeError> {
    do {
      // The blob is a temporary: it is freed once the description is read, before the model
      // is built (at 100,000 regions that is 5 MiB of the peak).
      let description = try MemoryDescription.read(try DeviceTreeBlob.load(path: file))
      return .success(MapReport.make(description, options: options))
    } catch {
      return .failure(error)
    }
  }
}
