import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap diff A B`: what changed in the computed memory map, like diff(1) in its exit status.
  struct Diff: ReportingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare the memory maps of two trees (DTBs or saved inspect JSON); exit 1 when they differ.",
      discussion: """
        The JSON format is in docs/json.md and docs/schemas/diff.schema.json.
        """)

    @Argument(help: "Two inputs (A B), or the boards of --matrix. Each a .dtb or an 'inspect --format json' file.")
    var inputs: [String]

    @Flag(help: "One table over many boards: shared, varying and board-specific regions.")
    var matrix = false

    @OptionGroup var model: ModelOptions

    @OptionGroup var terminal: TerminalOptions

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("to-kernel"),
            help: "Compare under two kernels: A (or the one input) under --kernel, B under this release.")
    var toKernel: KernelChoice?

    @Option(name: .customLong("to-uboot"),
            help: "Compare under two U-Boot releases: A (or the one input) under --uboot, B under this release.")
    var toUBoot: UBootChoice?

    @Option(help: "Output format: text, json or markdown.")
    var format: DiffFormat = .text

    func validate() throws {
      let toRelease = toKernel != nil || toUBoot != nil
      if matrix && toRelease { throw ValidationError("--to-kernel and --to-uboot compare one or two inputs, not --matrix") }
      let count = !toRelease ? 2 : 1...2 ~= inputs.count ? inputs.count : -1
      if !matrix && inputs.count != count {
        throw ValidationError("diff takes two inputs (one with --to-kernel or --to-uboot, or --matrix with several)")
      }
      if matrix && inputs.isEmpty { throw ValidationError("--matrix needs at least one input") }
    }

    /// The snapshots to compare: each input under its settings, or with --to-kernel or
    /// --to-uboot the second (or the same) input under that release.
    func snapshots() throws -> [MapSnapshot]? {
      let run = try RunSettings(model: model, input: input)
      guard toKernel != nil || toUBoot != nil else { return try SnapshotLoader.loadAll(inputs, run: run) }
      return try SnapshotLoader.loadAll([inputs[0], inputs[inputs.count - 1]], input: run.input) {
        (index, path) throws(ConfigError) in
        index == 0 ? try run.mapOptions(for: path)
          : try run.mapOptions(for: path, kernel: toKernel?.version, uboot: toUBoot?.version)
      }
    }

    mutating func execute() throws -> Outcome {
      guard let snapshots = try snapshots() else { return .unreadableInput }
      if matrix {
        let table = MapMatrix.build(snapshots)
        try Diagnostics.write(MatrixRenderer.render(table, format: format))
        return table.isUniform ? .clean : .findings
      }
      let diff = MapDiff.compare(snapshots[0], snapshots[1])
      try Diagnostics.write(DiffRenderer.render(diff, format: format, style: terminal.style,
                                                width: terminal.width))
      return diff.isEmpty ? .clean : .findings
    }
  }
}

extension DiffFormat: ExpressibleByArgument {}
