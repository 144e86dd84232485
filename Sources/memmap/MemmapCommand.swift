import ArgumentParser

/// The `memmap` command: its subcommands and the one place that decides the exit status.
@main
struct MemmapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memmap",
    abstract: "See the memory map a device tree gives Linux, U-Boot and EFI before you boot it.",
    discussion: """
      Addresses and sizes on the command line are 0x hex or decimal bytes, with an optional \
      binary K, M, G or T suffix (--memory 0x40000000:1G).

      Exit status: 0 nothing found, 1 findings at or above --fail-on (lint) or differences \
      (diff, check-log), 2 a bad flag or an unreadable input.

      Documentation: 'man memmap', and docs/ in the source (share/doc/memmap when installed): \
      rules.md, json.md and schemas/, lmb-script.md, kernel-log.md, uboot.md.
      """,
    version: ToolInfo.versionLine,
    subcommands: [Inspect.self, Lint.self, Diff.self, Render.self, CheckLog.self, CheckLive.self, LMBCommand.self, ConfigCommand.self, Rules.self]
  )

  /// Runs the command and maps the outcome to an exit status: 0 clean, 1 findings or
  /// differences, 2 usage errors, unreadable input or output that could not be written.
  static func main() {
    let outcome: Outcome
    do {
      var command = try parseAsRoot()
      if var reporting = command as? ReportingCommand {
        outcome = try reporting.execute()
      } else {
        try command.run()
        outcome = .clean
      }
    } catch let error as WriteError {
      Diagnostics.printError(error.message)
      Diagnostics.exit(status: Outcome.unreadableInput.status)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)
      }
      printUsageError(for: error)
      Diagnostics.exit(status: code.rawValue == 0 ? 0 : 2)
    }
    Diagnostics.exit(status: outcome.status)
  }
}

extension MemmapCommand {
  /// Argument parser's error, which may quote a value from the command line, as one escaped
  /// `memmap: error:` line; the help and usage lines it appends from our own definitions after it.
  static func printUsageError(for error: Error) {
    let brief = message(for: error)
    var full = Substring(fullMessage(for: error))
    if full.hasPrefix("Error: ") { full = full.dropFirst(7) }
    if !brief.isEmpty { Diagnostics.printError(brief) }
    guard full.hasPrefix(brief) else { return }
    for line in full.dropFirst(brief.count).split(separator: "\n") {
      Diagnostics.writeError(VisibleText.escape(String(line)) + "\n")
    }
  }
}

/// What a command found, which decides the exit status.
enum Outcome: Equatable {
  case clean
  case findings
  case unreadableInput

  var status: Int32 {
    switch self {
    case .clean: return 0
    case .findings: return 1
    case .unreadableInput: return 2
    }
  }
}

/// A subcommand that reports an outcome instead of deciding the exit status itself.
protocol ReportingCommand: ParsableCommand {
  mutating func execute() throws -> Outcome
}

extension ReportingCommand {
  mutating func run() throws { _ = try execute() }
}
