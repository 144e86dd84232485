import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap diff A B`: what changed in the computed memory map, like diff(1) in its exit status.
  struct Diff: ReportingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare the memory maps of two trees (DTBs or saved inspect JSON); exit 1 when they differ.")

    @Argument(help: "Two inputs (A B), or the boards of --matrix. Each a .dtb or an 'inspect --format json' file.")
    var inputs: [String]

    @Flag(help: "One table over many boards: shared, varying and board-specific regions.")
    var matrix = false

    @OptionGroup var model: ModelOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: DiffFormat = .text

    func validate() throws {
      if !matrix && inputs.count != 2 { throw ValidationError("diff takes two inputs (or --matrix with several)") }
      if matrix && inputs.isEmpty { throw ValidationError("--matrix needs at least one input") }
    }

    mutating func execute() throws -> Outcome {
      guard let snapshots = try SnapshotLoader.loadAll(inputs, settings: model.settings(), input: try input.settings()) else {
        return .unreadableInput
      }
      if matrix {
        let table = MapMatrix.build(snapshots)
        try Diagnostics.write(MatrixRenderer.render(table, format: format))
        return table.isUniform ? .clean : .findings
      }
      let diff = MapDiff.compare(snapshots[0], snapshots[1])
      try Diagnostics.write(DiffRenderer.render(diff, format: format))
      return diff.isEmpty ? .clean : .findings
    }
  }
}

/// The formats of `memmap diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown
}
