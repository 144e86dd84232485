import ArgumentParser

/// Where a setting's value came from.
enum SettingOrigin: Equatable {
  case flag
  /// A line of a config file, and which part of it: `boards[0], match "qcom/*.dtb"`.
  case config(location: String, line: Int, scope: String)
  case builtIn
  /// Nothing sets it.
  case unset
}

/// One setting resolved for one file.
struct ResolvedSetting {
  var key: SettingKey
  var values: [String]
  var origin: SettingOrigin
}

/// The settings for one input file, each resolved once: flag, else the last matching board
/// entry that sets it, else the config's top level, else the built-in default.
struct FileSettings {
  var file: String
  var config: ConfigFile?
  var settings: [ResolvedSetting]
  /// The config's suppressions that apply to this file.
  var suppressions: [ConfigFile.Suppression]

  /// Whether a flag or a config file sets the key called `name`, rather than its default.
  func isSet(_ name: String) -> Bool {
    guard let origin = settings.first(where: { $0.key.name == name })?.origin else { return false }
    return origin != .builtIn && origin != .unset
  }

  /// The values of the key called `name` (empty when unset).
  func values(_ name: String) -> [String] { settings.first { $0.key.name == name }?.values ?? [] }

  /// The one value of `name`, read as the flag reads it.
  func value<T: ExpressibleByArgument>(_ name: String, as type: T.Type) -> T? {
    values(name).first.flatMap(T.init(argument:))
  }

  /// Every value of `name`, read as the flag reads it.
  func list<T: ExpressibleByArgument>(_ name: String, as type: T.Type) -> [T] {
    values(name).compactMap(T.init(argument:))
  }
}
