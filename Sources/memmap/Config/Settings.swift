#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ArgumentParser
import DeviceTree
import MemoryMap

/// The settings of one run: its flags and the config files that apply to its inputs.
///
/// A config file is `--config FILE`, or else the nearest `.memmap.yml` in the input's folder
/// or above it, as git finds `.git`. Each file is read and checked once per run, however many
/// inputs it applies to; which folder has which config is remembered too.
final class Settings {
  static let fileName = ".memmap.yml"

  let options: ModelOptions
  /// The keys, and the values of the flags given (nil: not given), worked out once per run.
  private let keys: [(key: SettingKey, flag: [String]?)]
  /// `--config FILE`, read up front; nil when configs are searched for.
  private let given: ConfigFile?
  /// For each folder searched, the config that applies to it (nil: none).
  private var nearest: [String: ConfigFile?] = [:]
  private var efiMaps: [String: EFIFirmwareMap] = [:]

  init(_ options: ModelOptions) throws(ConfigError) {
    self.options = options
    keys = SettingKey.all.map { ($0, $0.flag(options)) }
    given = try options.config.map { path throws(ConfigError) in
      try Self.read(path, folder: Paths.folder(of: Paths.absolute(path)))
    }
  }

  /// The config that applies to `file` (`-` is standard input: the current folder's).
  func config(for file: String) throws(ConfigError) -> ConfigFile? {
    if options.noConfig { return nil }
    if let given { return given }
    let folder = file == "-" ? Paths.currentFolder : Paths.folder(of: Paths.absolute(file))
    return try nearestConfig(from: folder)
  }

  private func nearestConfig(from folder: String) throws(ConfigError) -> ConfigFile? {
    if let known = nearest[folder] { return known }
    let candidate = (folder == "/" ? "" : folder) + "/" + Self.fileName
    var found: ConfigFile?
    if access(candidate, F_OK) == 0 {
      found = try Self.read(Paths.relativeToCurrent(candidate), folder: folder)
    } else if folder != "/" {
      found = try nearestConfig(from: Paths.folder(of: folder))
    }
    nearest[folder] = .some(found)
    return found
  }

  static func read(_ path: String, folder: String) throws(ConfigError) -> ConfigFile {
    let bytes = try InputFile.read(path, limit: 16 << 20)
    return try ConfigFile(text: String(decoding: bytes, as: UTF8.self), path: path, folder: folder)
  }

  /// The firmware map at `path`, read once per run.
  func efiMap(_ path: String) throws(InputError) -> EFIFirmwareMap {
    if let map = efiMaps[path] { return map }
    let map = try EFIMapFile.load(path)
    efiMaps[path] = map
    return map
  }
}

extension Settings {
  /// Resolves every key for `file`.
  func resolve(_ file: String) throws(ConfigError) -> FileSettings {
    let config = try config(for: file)
    let relative = config.map { Paths.relative(Paths.absolute(file), to: $0.folder) } ?? file
    let boards = config?.boards.filter { $0.match.matches(relative) } ?? []
    let settings = keys.map { resolve($0.key, flag: $0.flag, config: config, boards: boards) }
    let suppressions = config?.suppressions.filter { $0.files?.matches(relative) ?? true } ?? []
    return FileSettings(file: file, config: config, settings: settings, suppressions: suppressions)
  }

  private func resolve(_ key: SettingKey, flag: [String]?, config: ConfigFile?,
                       boards: [ConfigFile.Board]) -> ResolvedSetting
  {
    if let values = flag { return ResolvedSetting(key: key, values: values, origin: .flag) }
    if let config {
      let scoped = boards.last { $0.settings[key.name] != nil }.map { board in
        (board.settings[key.name]!, "boards[\(board.index)], match \"\(board.match.pattern)\"")
      } ?? config.defaults[key.name].map { ($0, "top level") }
      if let (value, scope) = scoped {
        let values = key.isPath ? value.values.map { Paths.inFolder($0, config.folder) } : value.values
        return ResolvedSetting(key: key, values: values,
                               origin: .config(location: config.location(value.line), line: value.line, scope: scope))
      }
    }
    let origin: SettingOrigin = key.defaultValue.isEmpty ? .unset : .builtIn
    return ResolvedSetting(key: key, values: key.defaultValue, origin: origin)
  }
}
