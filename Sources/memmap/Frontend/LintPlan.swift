import MemoryMap

/// The rules a lint run is asked for: `--enable`, `--disable` (each in place of the config
/// file's list of the same name) and `--fail-on`.
struct RuleChoice {
  var enable: [String]
  var disable: [String]
  var failOn: Severity

  /// The first rule named on the command line that the catalogue does not know (by id or name,
  /// `--enable` before `--disable`), for the usage error.
  var unknownName: String? {
    (enable + disable).first { RuleCatalogue.rule($0) == nil }
  }

  /// The selection for files under `config` (nil: no config file).
  func selection(config: ConfigFile?) throws(RuleSelection.UnknownRule) -> RuleSelection {
    try RuleSelection(enable: enable.isEmpty ? config?.enable?.values ?? [] : enable,
                      disable: disable.isEmpty ? config?.disable?.values ?? [] : disable,
                      failOn: failOn)
  }
}

/// A lint run's files with what applies to each, resolved before the workers start: each
/// file's model options, and each config file's rule selection, built once and shared by the
/// files it applies to and by the report (which takes the first file's).
struct LintPlan {
  var jobs: [LintJob]
  /// The report's rules: those of the first file's config.
  var selection: RuleSelection
  /// The kernel the report names: the first file's (standard input's when there is none).
  var kernelLabel: String

  init(files: [String], settings: Settings, rules: RuleChoice) throws {
    let resolved = try files.map { file throws(ConfigError) in try settings.resolve(file) }
    var selections: [String: RuleSelection] = [:]  // by config path; "" for none
    func shared(_ config: ConfigFile?) throws(ConfigError) -> RuleSelection {
      let key = config?.path ?? ""
      if let known = selections[key] { return known }
      do {
        selections[key] = try rules.selection(config: config)
      } catch {
        // A config's names were checked when it was read; the flags' by `Lint.validate`.
        throw InputError(file: key, problem: "unknown rule '\(error.name)' (see `memmap rules`)")
      }
      return selections[key]!
    }
    jobs = try zip(files, resolved).map { (file, fileSettings) throws(ConfigError) in
      LintJob(file: file, options: try settings.mapOptions(for: fileSettings),
              selection: try shared(fileSettings.config))
    }
    selection = try shared(resolved.first?.config)
    kernelLabel = try (resolved.first ?? settings.resolve("-")).profile.label
  }
}
