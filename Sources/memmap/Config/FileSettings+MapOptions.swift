import MemoryMap

extension FileSettings {
  /// The release, architecture and page size that apply.
  var profile: KernelProfile {
    KernelProfile(version: value("kernel", as: KernelChoice.self)!.version,
                  architecture: value("arch", as: ArchitectureChoice.self)?.architecture ?? .arm64,
                  pageSize: value("page-size", as: PageSizeChoice.self)!.pageSize)
  }

  /// A release and page size the architecture has, however each was set (the flags alone are
  /// checked earlier, in `ModelOptions.validate`); else an error naming where each came from.
  func checkProfile() throws(ConfigError) {
    guard let arch = value("arch", as: ArchitectureChoice.self)?.architecture else { return }
    let kernel = value("kernel", as: KernelChoice.self)!.rawValue
    let pageSize = value("page-size", as: PageSizeChoice.self)!
    func from(_ name: String) -> String {
      settings.first { $0.key.name == name }.map { ConfigRenderer.origin($0.origin) } ?? "not set"
    }
    if !arch.recordedReleases.contains(kernel) {
      throw InputError(file: file, problem: "arch \(arch.rawValue) (\(from("arch"))) is known for kernel "
        + "\(arch.recordedReleases.joined(separator: ", ")), not \(kernel) (\(from("kernel")))")
    }
    if !arch.pageSizes.contains(pageSize.pageSize) {
      throw InputError(file: file, problem: "arch \(arch.rawValue) (\(from("arch"))) has no "
        + "\(pageSize.rawValue) pages (\(from("page-size")))")
    }
  }

  /// The model's options for this file; `efiMap` is the map its `efi-map` names.
  func mapOptions(efiMap: EFIFirmwareMap?) -> MapOptions {
    let memory = settings.first { $0.key.name == "memory" }
    var memoryOrigin = "--memory"
    if case .config = memory?.origin, let config { memoryOrigin = config.path }
    var options = MapOptions(
      profile: profile,
      inputs: KernelInputs(
        memory: list("memory", as: RangeArgument.self).map(\.range),
        reservations: list("reserve", as: RangeArgument.self).enumerated().map {
          BootReservation(name: $0.element.name ?? "reserve[\($0.offset)]", range: $0.element.range)
        }),
      uboot: ubootOptions,
      impliedBootLayout: values("no-boot-layout") != ["true"],
      efiMap: efiMap, memoryOrigin: memoryOrigin,
      detectArchitecture: values("arch").isEmpty)
    options.suppressions = suppressions.map(\.suppression)
    return options
  }
}

extension FileSettings {
  /// The U-Boot release, its bank count and its build numbers: the release's qemu_arm64 values
  /// where no flag or config key sets them.
  var ubootOptions: UBootOptions {
    let version = value("uboot", as: UBootChoice.self)?.version ?? .newest
    var build = version.qemuBuild
    if let size = value("uboot-image-size", as: SizeArgument.self) { build.imageSize = size.value }
    if let size = value("uboot-malloc-size", as: SizeArgument.self) { build.mallocSize = size.value }
    if let size = value("uboot-stack-size", as: SizeArgument.self) { build.stackSize = size.value }
    return UBootOptions(version: version, dramBanks: value("dram-banks", as: Int.self), build: build,
                        ubootRegions: list("uboot-reserve", as: RangeArgument.self).map(\.range))
  }
}

extension Settings {
  /// Resolves `file`'s settings and reads what they name: the model's options for it.
  func mapOptions(for file: String) throws(ConfigError) -> MapOptions {
    try mapOptions(for: try resolve(file))
  }

  /// The model's options for settings already resolved.
  func mapOptions(for resolved: FileSettings) throws(ConfigError) -> MapOptions {
    try resolved.checkProfile()
    var map: EFIFirmwareMap?
    if let setting = resolved.settings.first(where: { $0.key.name == "efi-map" }),
      let path = setting.values.first
    {
      do {
        map = try efiMap(path)
      } catch {
        // A map named in a config file: say which line named it.
        guard case .config(_, let line, _) = setting.origin, let config = resolved.config else { throw error }
        throw InputError(file: config.path, line: line, problem: "efi-map: \(error.text)")
      }
    }
    return resolved.mapOptions(efiMap: map)
  }
}
