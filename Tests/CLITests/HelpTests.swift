import ArgumentParser
import Foundation
import Testing
import TestSupport

@testable import memmap

/// What `--help` and `--version` tell a user: every command, and the commit the binary is from.
@Suite struct HelpTests {
  @Test("--version prints the version and the commit the Makefile passed")
  func version() throws {
    let run = try Binary.run(["--version"])
    #expect(run.status == 0)
    let line = run.stdout.trimmingCharacters(in: .newlines)
    #expect(line.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)/) != nil)
    // `make test` exports the commit it built with (Makefile, MEMMAP_COMMIT); a plain
    // `swift test` has none and the binary says "unknown".
    let commit = ProcessInfo.processInfo.environment["MEMMAP_COMMIT"] ?? ""
    #expect(line == ToolInfo.version + " (commit " + (commit.isEmpty ? "unknown" : commit) + ")")
  }

  @Test("memmap --help lists every subcommand")
  func everySubcommandListed() throws {
    let run = try Binary.run(["--help"])
    #expect(run.status == 0)
    let listed = try #require(run.stdout.components(separatedBy: "SUBCOMMANDS:").last)
    let names = MemmapCommand.configuration.subcommands.map { $0._commandName }
    #expect(names.count >= 7)
    for name in names {
      #expect(listed.contains("\n  \(name) "), "\(name) is missing from memmap --help")
    }
  }
}
