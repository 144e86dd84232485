import FoundationEssentials
import MemoryMap

/// A checked `.memmap.yml`: settings for every board, per-board entries matched by glob, the
/// rules to check and suppressions of one rule on one node.
///
/// ```yaml
/// kernel: "7.2"                      # for every board
/// boards:
///   - match: "qcom/sc8280xp-*.dtb"   # relative to this file's folder
///     memory: ["0x80000000:16G"]
/// disable: [MM016]
/// suppress:
///   - rule: MM004
///     node: /reserved-memory/vram@18000000
///     files: "arm/fvp-*.dtb"
///     reason: "VRAM lives outside DRAM on this model"
/// ```
struct ConfigFile {
  /// The file as found or given.
  var path: String
  /// Its folder, absolute and without a trailing `/`: globs and file names are relative to it.
  var folder: String
  /// Top-level settings, by key.
  var defaults: [String: ConfigValue] = [:]
  var boards: [Board] = []
  /// `enable:` and `disable:`: rule ids or names, checked against the catalogue.
  var enable: ConfigValue?
  var disable: ConfigValue?
  var suppressions: [Suppression] = []

  /// A setting's values and the line that gave them.
  struct ConfigValue {
    var values: [String]
    var line: Int
  }

  /// One entry of `boards:`.
  struct Board {
    /// Its position in `boards:`, from 0.
    var index: Int
    var match: Glob
    var line: Int
    var settings: [String: ConfigValue]
  }

  /// One entry of `suppress:`.
  struct Suppression {
    var suppression: FindingSuppression
    /// Files it applies to; nil for every file.
    var files: Glob?
    var line: Int
  }

  /// Where `line` of this file is, as errors and `config --explain` name it: `.memmap.yml:4`.
  func location(_ line: Int) -> String { "\(path):\(line)" }
}

/// Why the settings of a run cannot be used (a bad config file, an unreadable `efi-map`):
/// an input error like any other, naming the config file and line (`.memmap.yml:3: unknown
/// key 'kernal' (...)`), exit 2.
typealias ConfigError = InputError
