import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap render FILE.dtb -o map.svg`: the memory map as a picture; two inputs draw a diff.
  struct Render: ReportingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw the memory map as SVG or a self-contained HTML page; two inputs draw them side by side.",
      discussion: """
        One bar per memory bank, reserved regions as coloured blocks by kind (static, dynamic, \
        /memreserve/, boot), no-map hatched, reusable dashed, overlaps outlined in red, free RAM \
        and gaps labelled. The scale is segmented: every region and bank boundary is a breakpoint \
        and each segment's height grows with log(size), so every region is visible and labelled. \
        The HTML page adds the region table; hovering a region shows its details. With two \
        inputs (DTBs or saved 'inspect --format json' files) the maps share one scale and the \
        regions 'memmap diff' reports are marked. README.md, 'memmap render', has examples.
        """)

    @Argument(help: "A device tree blob (.dtb), or two inputs (A B) to draw side by side.")
    var files: [String]

    @Option(name: .shortAndLong,
            help: ArgumentHelp("Where to write the picture; '-' for standard output.", valueName: "FILE"))
    var output: String

    @Option(help: "svg or html; by default from the output file's extension (svg for '-').")
    var format: RenderFormat?

    @OptionGroup var model: ModelOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
      guard (1...2).contains(files.count) else { throw ValidationError("render takes one input, or two to compare") }
      if format == nil && output != "-" && RenderFormat(fileName: output) == nil {
        throw ValidationError("cannot tell the format from '\(output)': name it .svg or .html, or pass --format")
      }
    }

    mutating func execute() throws -> Outcome {
      let run = try RunSettings(model: model, input: input)
      let format = self.format ?? RenderFormat(fileName: output) ?? .svg
      if output != "-", let input = OutputFile.input(among: files, sameAs: output) {
        Diagnostics.printError("\(output): is the input \(input); not overwriting it")
        return .unreadableInput
      }
      guard let text = try files.count == 1 ? single(format, run) : pair(format, run) else {
        return .unreadableInput
      }
      if output == "-" {
        try Diagnostics.write(text)
      } else {
        try OutputFile.replace(output, with: text)
      }
      return .clean
    }

    /// The picture of one tree; nil (after the error line) when it cannot be read.
    func single(_ format: RenderFormat, _ run: RunSettings) throws -> String? {
      switch ReportLoader.loadOne(files[0], options: try run.mapOptions(for: files[0]), input: run.input) {
      case .success(let report):
        return format == .svg ? SVGRenderer.render(MapPicture(report)) : HTMLRenderer.render(report)
      case .failure(let error):
        Diagnostics.printError(ErrorText.line(for: error))
        return nil
      }
    }

    /// The two maps side by side; nil (after the error line) when either cannot be read.
    func pair(_ format: RenderFormat, _ run: RunSettings) throws -> String? {
      guard let snapshots = try SnapshotLoader.loadAll(files, run: run) else {
        return nil
      }
      let diff = MapDiff.compare(snapshots[0], snapshots[1])
      return format == .svg ? SVGRenderer.render(diff) : HTMLRenderer.render(diff)
    }
  }
}

/// The formats of `memmap render`.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
  case svg, html

  /// The format a file name asks for: `.svg`, or `.html` / `.htm`.
  init?(fileName: String) {
    let lower = fileName.lowercased()
    if lower.hasSuffix(".svg") {
      self = .svg
    } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
      self = .html
    } else {
      return nil
    }
  }
}
