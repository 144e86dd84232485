import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap check-live [TREE] [--from DIR]`: did the running kernel do what memmap predicts
  /// for the tree it booted?
  struct CheckLive: ReportingCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-live",
      abstract: "Compare a running board's memory (memblock, /proc/iomem, dmesg) with the prediction (exit 1 on differences).",
      discussion: """
        Without --from, reads this board: /sys/firmware/fdt, /proc/iomem, \
        /sys/kernel/debug/memblock/{memory,reserved} and dmesg (root sees more). With --from DIR, \
        reads the same saved in DIR as fdt, iomem, memblock/memory, memblock/reserved and dmesg.
        """)

    @Argument(help: "The tree the kernel booted (default: /sys/firmware/fdt, or DIR/fdt with --from).")
    var tree: String?

    @Option(help: ArgumentHelp("A folder with the files saved from a running board.", valueName: "DIR"))
    var from: String?

    @OptionGroup var model: ModelOptions

    @OptionGroup var input: InputOptions

    mutating func execute() throws -> Outcome {
      let run = try RunSettings(model: model, input: input)
      let files = from.map(LiveFiles.saved(in:)) ?? .running
      let treePath = tree ?? files.tree
      let report: MapReport
      switch ReportLoader.loadOne(treePath, options: try run.mapOptions(for: treePath), input: run.input) {
      case .success(let value): report = value
      case .failure(let error):
        Diagnostics.printError(ErrorText.line(for: error))
        return .unreadableInput
      }
      var notes: [String] = []
      let live = try files.read(notes: &notes)
      notes.forEach(Diagnostics.printNote)
      let comparison = LiveComparison.compare(report, predictedLog: KernelLogRenderer.lines(report.kernel), live: live)
      guard comparison.comparedAnything else {
        Diagnostics.printError("\(from ?? "this board"): nothing to compare (no memblock, /proc/iomem or kernel log could be read)")
        return .unreadableInput
      }
      try Diagnostics.write(CheckLiveRenderer.render(comparison, tree: treePath, live: from ?? "this board",
                                                     profile: report.kernel.profile))
      return comparison.agrees ? .clean : .findings
    }
  }
}
