import ArgumentParser

extension MemmapCommand {
  /// `memmap inspect FILE...`: the memory map of each device tree.
  struct Inspect: ReportingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the memory map each device tree describes.")

    @Argument(help: "Device tree blobs (.dtb) to inspect.")
    var files: [String]

    mutating func execute() throws -> Outcome { .clean }
  }
}
