/// Which rules a lint run reports, and from which severity on a finding fails the run.
///
/// With no `enable` list every rule is on; an `enable` list switches on only the rules it
/// names. `disable` then switches rules off (it wins over `enable`). Rules are named by id
/// (`MM001`) or name (`reserved-overlap`).
public struct RuleSelection: Hashable, Sendable {
  /// The enabled rules, in catalogue (id) order.
  public let rules: [Rule]
  /// Findings at or above this severity fail the run.
  public let failOn: Severity

  /// A rule name on the command line that the catalogue does not know.
  public struct UnknownRule: Error, Hashable, Sendable {
    public let name: String
    public init(name: String) { self.name = name }
  }

  /// Every rule, failing on errors.
  public static let all = RuleSelection(rules: RuleCatalogue.all, failOn: .error)

  public init(rules: [Rule], failOn: Severity) {
    self.rules = rules
    self.failOn = failOn
  }

  /// Resolves `enable` and `disable` against `catalogue`; throws on the first unknown name.
  public init(enable: [String] = [], disable: [String] = [], failOn: Severity = .error,
              catalogue: [Rule] = RuleCatalogue.all) throws(UnknownRule)
  {
    let enabled = try Self.resolve(enable, in: catalogue)
    let disabled = try Self.resolve(disable, in: catalogue)
    let start = enable.isEmpty ? catalogue : catalogue.filter(enabled.contains)
    self.init(rules: start.filter { !disabled.contains($0) }, failOn: failOn)
  }

  /// Whether `rule` is reported.
  public func isEnabled(_ rule: Rule) -> Bool { rules.contains(rule) }

  /// The findings of enabled rules, in their order.
  public func apply(_ findings: [Finding]) -> [Finding] { findings.filter { isEnabled($0.rule) } }

  /// Whether `finding` is severe enough to fail the run.
  public func fails(_ finding: Finding) -> Bool { finding.severity >= failOn }

  private static func resolve(_ names: [String], in catalogue: [Rule]) throws(UnknownRule)
    -> Set<Rule>
  {
    var rules = Set<Rule>()
    for name in names {
      guard let rule = catalogue.first(where: { $0.id == name || $0.name == name }) else {
        throw UnknownRule(name: name)
      }
      rules.insert(rule)
    }
    return rules
  }
}
