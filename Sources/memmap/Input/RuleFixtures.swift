import MemoryMap

/// The fixtures the rule catalogue names, read for the examples of `docs/rules.md`.
enum RuleFixtures {
  /// Each rule's fixture in `folder`, by the name the catalogue gives it; one that cannot be
  /// read is an error (a wrong `--fixtures` folder would otherwise give a page without examples).
  static func read(in folder: String) throws(InputError) -> [String: String] {
    var texts: [String: String] = [:]
    for rule in RuleCatalogue.all where texts[rule.fixture] == nil {
      texts[rule.fixture] = try InputFile.text(folder + "/" + rule.fixture, limit: 1 << 20)
    }
    return texts
  }
}
