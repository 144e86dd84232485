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

  static let repository = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().path

  @Test("each command's help names its documentation, and every docs/ path it names exists")
  func helpNamesDocs() throws {
    let commands = [[]] + MemmapCommand.configuration.subcommands.map { [$0._commandName] }
    for command in commands {
      let help = try Binary.run(command + ["--help"]).stdout
      // `docs/rules.md.` at the end of a sentence is `docs/rules.md`.
      let paths = help.matches(of: /docs\/[A-Za-z0-9_.\/-]*/).map {
        String($0.output.reversed().drop { $0 == "." }.reversed())
      }
      // The commands whose formats docs/ describes; others may name README sections instead.
      if [[], ["inspect"], ["lint"], ["diff"], ["check-log"], ["lmb"], ["rules"]].contains(command) {
        #expect(!paths.isEmpty, "memmap \(command.joined()) --help names no doc")
      }
      for path in paths {
        #expect(FileManager.default.fileExists(atPath: Self.repository + "/" + path),
                "memmap \(command.joined()) --help names \(path), which does not exist")
      }
    }
  }

  /// The files a user reads: the README, the docs, the sources (rule texts, help) and the
  /// example trees and LMB scripts under Fixtures/ (rules.md and the README show them).
  static var userFacingFiles: [String] {
    let fm = FileManager.default
    var files = ["README.md"]
    let suffixes = [".md", ".swift", ".mdoc", ".json", ".dts", ".lmb"]
    for folder in ["docs", "Sources", "Fixtures"] {
      let found = fm.enumerator(atPath: repository + "/" + folder)?.compactMap { $0 as? String } ?? []
      files += found.filter { name in !name.hasPrefix(".dtb/") && suffixes.contains { name.hasSuffix($0) } }
        .map { folder + "/" + $0 }
    }
    return files.sorted()
  }

  /// Every other text file a clone holds that could name a path: tests, scripts, the build and
  /// CI files, the integrations. (This file lists the forbidden names, so it is left out.)
  static var repositoryFiles: [String] {
    let fm = FileManager.default
    var files = ["Makefile", ".ci/run", "action.yml", ".pre-commit-hooks.yaml", "Package.swift"]
    let suffixes = [".swift", ".sh", ".py"]
    for folder in ["Tests", "scripts"] {
      let found = fm.enumerator(atPath: repository + "/" + folder)?.compactMap { $0 as? String } ?? []
      files += found.filter { name in suffixes.contains { name.hasSuffix($0) } && !name.hasSuffix("/HelpTests.swift") }
        .map { folder + "/" + $0 }
    }
    return files.filter { fm.fileExists(atPath: repository + "/" + $0) }.sorted()
  }

  @Test("README, docs, sources, fixtures, tests and scripts point at nothing outside the repository")
  func nothingOutside() throws {
    let files = Self.userFacingFiles + Self.repositoryFiles
    #expect(files.count > 100)
    for file in files {
      let text = try String(contentsOfFile: Self.repository + "/" + file, encoding: .utf8)
      for outside in ["../shared", "shared/spec", "shared/oracle", "spec/README", "uboot-lmb-efi.md",
                      "linux-reserved-mem.md", "peers-and-formats.md"] {
        #expect(!text.contains(outside), "\(file) points at \(outside)")
      }
    }
  }

  @Test("every relative link of the README and the docs leads to a file of the repository")
  func relativeLinksResolve() throws {
    let pages = Self.userFacingFiles.filter { $0.hasSuffix(".md") }
    for page in pages {
      let text = try String(contentsOfFile: Self.repository + "/" + page, encoding: .utf8)
      let folder = (page as NSString).deletingLastPathComponent
      for link in text.matches(of: /\]\(([^)#\s]+)(#[^)]*)?\)/).map({ String($0.output.1) })
      where !link.contains("://") {
        let target = ((Self.repository + "/" + folder) as NSString).appendingPathComponent(link)
        #expect(FileManager.default.fileExists(atPath: target), "\(page) links to \(link), which does not exist")
      }
    }
  }
}
