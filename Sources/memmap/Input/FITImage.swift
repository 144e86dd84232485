import DeviceTree

/// U-Boot's FIT image: a device tree whose `/images` hold kernels, device trees and overlays
/// and whose `/configurations` say which go together (U-Boot doc/usage/fit/source_file_format.rst).
/// Each configuration's device tree, with the overlays it lists after it, is one board.
enum FITImage {
  /// One result per configuration, named `image.itb:conf-1`, in the image's order.
  static func boards(of fit: DeviceTreeBlob, settings: InputSettings) -> [Result<LoadedTree, DeviceTreeError>] {
    do throws(DeviceTreeError) {
      guard let configurations = try fit.node(at: "/configurations"),
        case let entries = try fit.children(of: configurations), !entries.isEmpty
      else {
        throw DeviceTreeError(file: fit.file, reason: .refused("a FIT image without configurations"))
      }
      return entries.map { configuration in
        do throws(DeviceTreeError) {
          return .success(try board(configuration, of: fit, settings: settings))
        } catch {
          return .failure(error)
        }
      }
    } catch {
      return [.failure(error)]
    }
  }

  /// The configuration's first `fdt` image with the rest of its list applied as overlays.
  static func board(_ configuration: Node, of fit: DeviceTreeBlob, settings: InputSettings)
    throws(DeviceTreeError) -> LoadedTree
  {
    let name = fit.file + ":" + configuration.name
    let images = try fit.property("fdt", of: configuration)?.strings ?? []
    guard let first = images.first else {
      throw DeviceTreeError(file: name, reason: .refused("the configuration names no device tree (fdt)"))
    }
    let base = try DeviceTreeBlob(bytes: try data(of: first, in: fit, board: name), file: name)
    guard try TreeKind.of(base) == .board else {
      throw DeviceTreeError(file: name, reason: .refused("its first fdt image \(first) is not a board's tree"))
    }
    var overlays: [DeviceTreeBlob] = []
    for image in images.dropFirst() {
      overlays.append(try DeviceTreeBlob(bytes: try data(of: image, in: fit, board: name), file: image))
    }
    return try InputLoader.applying(overlays + settings.overlays, to: LoadedTree(blob: base, sources: nil))
  }

  /// The uncompressed data of `/images/<image>`: its `data` property, or `data-size` bytes at
  /// `data-position` (from the file's start) or `data-offset` (from the tree's 4-aligned end).
  static func data(of image: String, in fit: DeviceTreeBlob, board: String) throws(DeviceTreeError) -> [UInt8] {
    let fail = { (text: String) in DeviceTreeError(file: board, reason: .refused("image \(image): " + text)) }
    guard let node = try fit.node(at: "/images/" + image) else { throw fail("not in /images") }
    var bytes: [UInt8]
    if let data = try fit.property("data", of: node) {
      bytes = data.value
    } else if let size = try fit.property("data-size", of: node)?.u32 {
      let start: Int
      if let position = try fit.property("data-position", of: node)?.u32 {
        start = Int(position)
      } else if let offset = try fit.property("data-offset", of: node)?.u32 {
        start = ((fit.totalSize + 3) & ~3) + Int(offset)
      } else {
        throw fail("data-size without data-offset or data-position")
      }
      guard let external = fit.fileBytes(start..<(start + Int(size))) else { throw fail("external data past the file's end") }
      bytes = external
    } else {
      throw fail("no data")
    }
    switch try fit.property("compression", of: node)?.strings.first ?? "none" {
    case "none": return bytes
    case "gzip": return try gunzip(bytes, board: board, image: image)
    case let other: throw fail("\(other) compression is not supported (none and gzip are)")
    }
  }

  /// `bytes` decompressed by the `gzip` tool.
  static func gunzip(_ bytes: [UInt8], board: String, image: String) throws(DeviceTreeError) -> [UInt8] {
    guard let runner = ToolRunner(), let compressed = runner.keep(bytes, as: "image.gz") else {
      throw DeviceTreeError(file: board, reason: .unreadable("cannot make a scratch file"))
    }
    let outcome = runner.run(["gzip", "-dc"], input: compressed, output: runner.path("image"))
    guard outcome.status == 0 else {
      throw DeviceTreeError(file: board, reason: .toolFailed(
        tool: "gzip", message: "image \(image): " + (SourceCompiler.firstError(outcome.standardError) ?? "exit status \(outcome.status)")))
    }
    do {
      return try FileBytes.read(path: runner.path("image"), limit: DeviceTreeBlob.maximumSize)
    } catch {
      throw DeviceTreeError(file: board, reason: .init(error.reason))
    }
  }
}
