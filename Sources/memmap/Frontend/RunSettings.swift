import MemoryMap

/// What a run's flags and config files decide, resolved once at its start and passed down to
/// every input: each file's model options (flags over the nearest `.memmap.yml`; each config
/// file and each EFI map read once per run) and how trees are read (`--include`, the
/// `--overlay` trees loaded once).
struct RunSettings {
  /// The flags and the config files, which resolve each input's settings.
  let settings: Settings
  /// How inputs are read.
  let input: InputSettings

  /// Reads what the flags name before any input, in the order problems are reported: the
  /// config file, the `--efi-map` file (with a note on which map of a capture is used), then
  /// each `--overlay`. `locate` asks for source locations (lint shows them).
  init(model: ModelOptions, input: InputOptions?, locate: Bool = false) throws {
    settings = try model.settings()
    if let path = model.efiMap {
      let map = try settings.efiMap(path)
      if let origin = map.origin {
        Diagnostics.printNote(EFIMapFile.originNote(path, origin: origin, map: map))
      }
    }
    self.input = try InputSettings(includes: input?.includes ?? [], overlayPaths: input?.overlays ?? [],
                                   locate: locate)
  }

  /// The model's options for `file`.
  func mapOptions(for file: String) throws(ConfigError) -> MapOptions {
    try settings.mapOptions(for: file)
  }

  /// The model's options for a tree checked against its boot log: the kernel release
  /// `--kernel` or a config file sets, else the one nearest the log's own (`logged`).
  /// `chosen` says whether the release was set.
  func mapOptions(for file: String, loggedBy logged: KernelLogVersion?) throws(ConfigError)
    -> (options: MapOptions, chosen: Bool)
  {
    let resolved = try settings.resolve(file)
    var options = try settings.mapOptions(for: resolved)
    let chosen = resolved.isSet("kernel")
    if !chosen, let logged { options.profile.version = logged.nearestVersion }
    return (options, chosen)
  }

  /// The model's options for `file` under another kernel or U-Boot release (`diff
  /// --to-kernel`, `--to-uboot`): the other U-Boot release brings its own build defaults, while
  /// the bank count and U-Boot's own regions stay as the flags and config set them.
  func mapOptions(for file: String, kernel: KernelVersion?, uboot: UBootVersion?) throws(ConfigError)
    -> MapOptions
  {
    let resolved = try settings.resolve(file)
    var options = try settings.mapOptions(for: resolved)
    if let kernel { options.profile.version = kernel }
    if let uboot {
      options.uboot = UBootOptions(version: uboot, dramBanks: resolved.value("dram-banks", as: Int.self),
                                   ubootRegions: options.uboot.ubootRegions)
    }
    return options
  }
}
