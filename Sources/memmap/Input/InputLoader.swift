import DeviceTree

/// A device tree ready for the model: the blob, under the name it is reported by, and where
/// its nodes were written when it came from source.
struct LoadedTree {
  var blob: DeviceTreeBlob
  var sources: SourceMap?
}

/// Reads every input memmap understands, told apart by content, not by name: a DTB, a FIT
/// image, device-tree source, a `/proc/device-tree`-style directory. Anything else (an overlay
/// given as a base, a `.dtsi`, compressed or unknown data) is refused with a reason, never read
/// as an empty tree.
enum InputLoader {
  /// The boards in `path`: one for a blob, a source or a directory, one per configuration
  /// of a FIT image (named `image.itb:conf-1`), each with `settings.overlays` applied.
  static func load(_ path: String, settings: InputSettings) -> [Result<LoadedTree, DeviceTreeError>] {
    if let image = imageOfBoard(path) { return board(path, of: load(image, settings: settings), in: image) }
    do throws(DeviceTreeError) {
      if path != "-" && DirectoryEntries.isDirectory(path) {
        let tree = LoadedTree(blob: try DirectoryTree.blob(path), sources: nil)
        return [.success(try applying(settings.overlays, to: tree))]
      }
      return try boards(of: try read(path, settings: settings), settings: settings)
    } catch {
      return [.failure(error)]
    }
  }

  /// The boards of an input whose bytes were read already, as `contents` of
  /// `FileBytes.readWords` (standard input, which cannot be read twice), named `name`.
  static func load(contents: (words: [UInt64], byteCount: Int), name: String, settings: InputSettings)
    -> [Result<LoadedTree, DeviceTreeError>]
  {
    do throws(DeviceTreeError) {
      return try boards(of: try tree(contents, name: name, settings: settings), settings: settings)
    } catch {
      return [.failure(error)]
    }
  }

  /// A board's tree with the overlays applied, a FIT image's boards; an overlay is refused.
  private static func boards(of tree: LoadedTree, settings: InputSettings) throws(DeviceTreeError)
    -> [Result<LoadedTree, DeviceTreeError>]
  {
    switch try TreeKind.of(tree.blob) {
    case .board: return [.success(try applying(settings.overlays, to: tree))]
    case .fit: return FITImage.boards(of: tree.blob, settings: settings)
    case .overlay:
      throw DeviceTreeError(file: tree.blob.file, reason: .refused("an overlay: apply it with --overlay to a base tree"))
    }
  }

  /// `image.itb` for `image.itb:conf-2` when no file has the whole name but one has the part
  /// before the last `:`.
  static func imageOfBoard(_ path: String) -> String? {
    guard path != "-", !DirectoryEntries.exists(path), let colon = path.lastIndex(of: ":") else { return nil }
    let image = String(path[..<colon])
    return DirectoryEntries.exists(image) ? image : nil
  }

  /// The one board named `name` among an image's, or why there is none.
  static func board(_ name: String, of boards: [Result<LoadedTree, DeviceTreeError>], in image: String)
    -> [Result<LoadedTree, DeviceTreeError>]
  {
    let names = boards.map { (try? $0.get().blob.file) ?? ($0.failureError?.file ?? "") }
    if let index = names.firstIndex(of: name) { return [boards[index]] }
    if names == [image] {
      // Not a FIT image: its own error if it has one, else say that it holds one tree.
      if let error = boards[0].failureError { return [.failure(error)] }
      return [.failure(DeviceTreeError(file: name, reason: .unreadable("no such file (\(image) is one tree, not a FIT image)")))]
    }
    let listed = names.map { String($0.dropFirst(image.count + 1)) }.joined(separator: ", ")
    return [.failure(DeviceTreeError(file: name, reason: .refused("no such configuration (the image has: \(listed))")))]
  }

  /// An `--overlay` file: a compiled overlay or its source, refused when it is not one.
  static func overlay(_ path: String, settings: InputSettings) throws(DeviceTreeError) -> DeviceTreeBlob {
    let tree = try read(path, settings: settings)
    guard try TreeKind.of(tree.blob) == .overlay else {
      throw DeviceTreeError(file: path, reason: .refused(
        "not an overlay (no __fixups__, __local_fixups__ or fragment with __overlay__)"))
    }
    return tree.blob
  }

  /// A blob as it is, or source compiled to one.
  static func read(_ path: String, settings: InputSettings) throws(DeviceTreeError) -> LoadedTree {
    let contents: (words: [UInt64], byteCount: Int)
    do {
      contents = try FileBytes.readWords(path: path, limit: DeviceTreeBlob.maximumSize)
    } catch {
      throw DeviceTreeError(file: path, reason: .init(error.reason))
    }
    return try tree(contents, name: path, settings: settings)
  }

  /// The tree in `contents`, the bytes of the input named `name`: a blob as it is, source
  /// compiled (read again from `name` by cpp, so that its own folder is searched, unless it
  /// is standard input).
  private static func tree(_ contents: (words: [UInt64], byteCount: Int), name path: String,
                           settings: InputSettings) throws(DeviceTreeError) -> LoadedTree
  {
    let head = contents.words.withUnsafeBytes { Array($0.prefix(min(contents.byteCount, 65536))) }
    switch ContentKind.of(head, name: path) {
    case .blob, .unknown:
      // Unknown data goes to libfdt too, which names what is wrong with it (bad magic).
      return LoadedTree(blob: try DeviceTreeBlob(words: contents.words, byteCount: contents.byteCount, file: path),
                        sources: nil)
    case .source:
      let bytes = path == "-" ? contents.words.withUnsafeBytes { Array($0.prefix(contents.byteCount)) } : nil
      let compiled = try SourceCompiler.compile(path, contents: bytes, includes: settings.includes,
                                                locate: settings.locate)
      return LoadedTree(blob: compiled.blob, sources: compiled.sources)
    case .sourceFragment:
      throw DeviceTreeError(file: path, reason: .refused(
        "device-tree source without /dts-v1/ (a .dtsi?): #include it from a .dts"))
    case .gzip:
      throw DeviceTreeError(file: path, reason: .refused("gzip-compressed: decompress it first"))
    }
  }

  /// `tree` with `overlays` applied in order by libfdt; a failure names the overlay, the
  /// fragment when it can be told, and libfdt's code.
  static func applying(_ overlays: [DeviceTreeBlob], to tree: LoadedTree) throws(DeviceTreeError) -> LoadedTree {
    var result = tree
    for overlay in overlays {
      do {
        result.blob = try result.blob.applying(overlay, file: tree.blob.file)
      } catch {
        throw DeviceTreeError(file: tree.blob.file, reason: .overlayFailed(
          overlay: overlay.file, fragment: OverlayDiagnosis.fragment(base: result.blob, overlay: overlay), code: error))
      }
    }
    return result
  }
}

/// What the first bytes of an input say it is.
enum ContentKind: Equatable {
  case blob
  case source
  case sourceFragment
  case gzip
  case unknown

  /// The kind of the input whose first bytes are `head`. Text with `/dts-v1/` is source, and
  /// so is text that includes other files (the version tag may come from one), unless it is
  /// named `.dtsi`: such files are meant to be included, not compiled on their own.
  static func of(_ head: [UInt8], name: String) -> ContentKind {
    if head.starts(with: [0xd0, 0x0d, 0xfe, 0xed]) { return .blob }
    if head.starts(with: [0x1f, 0x8b]) { return .gzip }
    guard !head.isEmpty, !head.contains(0) else { return .unknown }
    let text = String(decoding: head, as: UTF8.self)
    if text.contains("/dts-v1/") { return .source }
    let includes = text.contains("#include") || text.contains("/include/")
    if includes && !name.hasSuffix(".dtsi") { return .source }
    if includes || (text.contains("{") && text.contains("};")) { return .sourceFragment }
    return .unknown
  }
}

extension Result {
  /// The error of a failure, nil for a success.
  var failureError: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
