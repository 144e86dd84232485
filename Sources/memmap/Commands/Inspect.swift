import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap inspect FILE...`: the memory map of each device tree.
  struct Inspect: ReportingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the memory map each device tree gives the kernel.",
      discussion: """
        Formats: table; json (docs/json.md, docs/schemas/inspect.schema.json); kernel-log, the \
        kernel's own lines (docs/kernel-log.md); uboot and efidebug, U-Boot's LMB dump and EFI \
        map (docs/uboot.md).
        """)

    @Argument(help: "Device trees to inspect: .dtb, .dts source, FIT images, /proc/device-tree folders.")
    var files: [String]

    @OptionGroup var model: ModelOptions

    @OptionGroup var terminal: TerminalOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json, kernel-log, uboot or efidebug.")
    var format: InspectFormat = .table

    mutating func execute() throws -> Outcome {
      var outcome = Outcome.clean
      var reports: [MapReport] = []
      let run = try RunSettings(model: model, input: input)
      for file in files {
        for loaded in ReportLoader.load(file, options: try run.mapOptions(for: file), input: run.input) {
          switch loaded {
          case .success(let report):
            reports.append(report)
            // Tables and JSON carry the MM019 finding; the boot-log formats show no findings.
            if !report.ramKnown && !format.showsFindings {
              Diagnostics.writeError(RAMUnknownText.note(file: report.file) + "\n")
            }
          case .failure(let error):
            Diagnostics.printError(ErrorText.line(for: error))
            outcome = .unreadableInput
          }
        }
      }
      if format == .json {
        // Streamed: the JSON of a large tree is written while it is produced.
        try Diagnostics.stream { JSONRenderer.write(reports, to: $0) }
      } else {
        try Diagnostics.write(InspectRenderer.render(reports, format: format, colour: terminal.colour,
                                                     width: terminal.width))
      }
      return outcome
    }
  }
}

extension InspectFormat: ExpressibleByArgument {}
