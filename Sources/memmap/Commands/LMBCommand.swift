import ArgumentParser

extension MemmapCommand {
  /// `memmap lmb [SCRIPT|-]`: placeholder until the LMB work lands.
  struct LMBCommand: ReportingCommand {
    static let configuration = CommandConfiguration(commandName: "lmb")
    mutating func execute() throws -> Outcome { .clean }
  }
}
