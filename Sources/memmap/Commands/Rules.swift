import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap rules`: the rule catalogue; `--format markdown` writes `docs/rules.md`.
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the lint rules: id, name, severity and summary.",
      discussion: """
        docs/rules.md, which '--format markdown --fixtures Fixtures' writes, adds each rule's \
        rationale, sources and example.
        """)

    @Option(help: "Output format: text or markdown (the docs page).")
    var format: RulesFormat = .text

    @Option(help: "The Fixtures folder, for the examples of the markdown page.")
    var fixtures: String?

    mutating func run() throws {
      switch format {
      case .text:
        try Diagnostics.write(RulesRenderer.text(RuleCatalogue.all))
      case .markdown:
        let examples = try fixtures.map { folder throws(InputError) in try RuleFixtures.read(in: folder) } ?? [:]
        try Diagnostics.write(RulesRenderer.markdown(RuleCatalogue.all) { examples[$0] })
      }
    }
  }
}

/// The formats of `memmap rules`.
enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case markdown
}
