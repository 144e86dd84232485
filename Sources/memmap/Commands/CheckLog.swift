import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap check-log FILE.dtb DMESG.txt`: does a real boot log say what memmap predicts?
  struct CheckLog: ReportingCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-log",
      abstract: "Compare the predicted reserved-memory lines with a real boot log (exit 1 on differences).",
      discussion: """
        The lines compared, and the output, are described in docs/kernel-log.md.
        """)

    @Argument(help: "The device tree the kernel booted with.")
    var dtb: String

    @Argument(help: "The kernel log: raw dmesg output, with or without timestamps.")
    var log: String

    @OptionGroup var model: ModelOptions

    @OptionGroup var terminal: TerminalOptions

    @OptionGroup var input: InputOptions

    mutating func execute() throws -> Outcome {
      let run = try RunSettings(model: model, input: input)
      let text: String
      do {
        text = try InputFile.text(log, limit: 256 << 20)
      } catch {
        Diagnostics.printError(error.text)
        return .unreadableInput
      }
      let logged = KernelLogVersion.find(in: text)
      let (options, chosen) = try run.mapOptions(for: dtb, loggedBy: logged)
      if let note = CheckLogRenderer.versionNote(logged: logged, profile: options.profile, chosen: chosen) {
        Diagnostics.printNote("\(log): \(note)")
      }
      let report: MapReport
      switch ReportLoader.loadOne(dtb, options: options, input: run.input) {
      case .success(let value): report = value
      case .failure(let error):
        Diagnostics.printError(ErrorText.line(for: error))
        return .unreadableInput
      }
      if !report.ramKnown { Diagnostics.writeError(RAMUnknownText.note(file: dtb) + "\n") }
      let kernelLines = KernelLogComparison.relevantLines(ofLog: text)
      let ubootLog = UBootLog.isUBootLog(text)
      var agrees = true
      // A U-Boot console capture is checked against the U-Boot prediction; its kernel part,
      // when it has one, against the kernel's.
      if !ubootLog || !kernelLines.isEmpty || logged != nil {
        let comparison = KernelLogComparison.compare(
          predicted: KernelLogRenderer.lines(report.kernel), logged: kernelLines,
          regionLinesSorted: logged?.printsRegionLinesSorted ?? false)
        try Diagnostics.write(CheckLogRenderer.render(comparison, dtb: dtb, log: log, profile: report.kernel.profile,
                                                      style: terminal.style))
        agrees = comparison.agrees
      }
      if ubootLog {
        let comparison = KernelLogComparison.compare(
          predicted: UBootRenderer.errorLines(report.uboot), logged: UBootLog.errorLines(ofLog: text))
        try Diagnostics.write(CheckLogRenderer.render(comparison, dtb: dtb, log: log,
                                                      predictor: "U-Boot \(report.uboot.version.name)",
                                                      style: terminal.style))
        agrees = agrees && comparison.agrees
      }
      return agrees ? .clean : .findings
    }
  }
}
