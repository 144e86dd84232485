import ArgumentParser
import MemoryMap

/// `--kernel`, `--memory`, `--reserve`, `--efi-map`...: what the model needs beyond the tree itself.
struct ModelOptions: ParsableArguments {
  // Options that a config file can set too are optional here: nil means "not given", and
  // their defaults live in `SettingKey.all`.

  @Option(help: "Kernel release to predict: 6.1, 6.12 or 7.2 (default: 7.2, the newest recorded).")
  var kernel: KernelChoice?

  @Option(name: .customLong("arch"),
          help: "The kernel's architecture: arm64 or riscv64 (default: from the tree's CPUs or root compatible, else arm64).")
  var architecture: ArchitectureChoice?

  @Option(name: .customLong("page-size"), help: "The kernel's page size: 4K, 16K or 64K (default: 4K).")
  var pageSize: PageSizeChoice?

  @Option(name: .customLong("memory"),
          help: ArgumentHelp("RAM to use instead of /memory (repeatable). Bytes: 0x hex or decimal, K/M/G/T suffixes.",
                             valueName: "BASE:SIZE"))
  var memory: [RangeArgument] = []

  @Option(name: .customLong("reserve"),
          help: ArgumentHelp("Memory in use before the scan: kernel, initrd, DTB, firmware (repeatable). Bytes, as for --memory; NAME labels it.",
                             valueName: "BASE:SIZE[:NAME]"))
  var reserve: [RangeArgument] = []

  @Flag(name: .customLong("no-boot-layout"),
        help: "Do not assume QEMU's kernel, initrd and DTB placement for its virt board.")
  var noBootLayout = false

  @Option(name: .customLong("uboot"),
          help: ArgumentHelp("U-Boot release to predict: \(UBootChoice.allValueStrings.joined(separator: " or ")) (default: the newest).",
                             valueName: "VERSION"))
  var uboot: UBootChoice?

  @Option(name: .customLong("dram-banks"),
          help: "U-Boot's CONFIG_NR_DRAM_BANKS: how many /memory reg entries become LMB banks, 1 to 64 (default: the release's qemu_arm64 value).")
  var dramBanks: Int?

  @Option(name: .customLong("uboot-image-size"),
          help: ArgumentHelp("U-Boot's relocated image and frame buffer: bdinfo's TLB addr minus relocaddr (default: qemu_arm64's).",
                             valueName: "SIZE"))
  var ubootImageSize: SizeArgument?

  @Option(name: .customLong("uboot-malloc-size"),
          help: ArgumentHelp("U-Boot's malloc area: relocaddr minus the start of 'using memory ... for malloc()' (default: qemu_arm64's).",
                             valueName: "SIZE"))
  var ubootMallocSize: SizeArgument?

  @Option(name: .customLong("uboot-stack-size"),
          help: ArgumentHelp("U-Boot's CONFIG_STACK_SIZE, reserved below bdinfo's sp start (default: qemu_arm64's).",
                             valueName: "SIZE"))
  var ubootStackSize: SizeArgument?

  @Option(name: .customLong("uboot-reserve"),
          help: ArgumentHelp("U-Boot's own relocated image and stack, reserved before the tree's regions (repeatable). Bytes, as for --memory.",
                             valueName: "BASE:SIZE"))
  var ubootReserve: [RangeArgument] = []

  @Option(name: .customLong("efi-map"),
          help: ArgumentHelp("The firmware's EFI memory map: a Linux efi=debug boot log or U-Boot `efidebug memmap` output.",
                             valueName: "FILE"))
  var efiMap: String?

  @Option(help: ArgumentHelp("The config file to use instead of the nearest .memmap.yml.",
                             valueName: "FILE"))
  var config: String?

  @Flag(name: .customLong("no-config"), help: "Use no config file.")
  var noConfig = false

  mutating func validate() throws {
    if let dramBanks, !(1...64).contains(dramBanks) {
      throw ValidationError("--dram-banks must be 1 to 64")
    }
    if config != nil && noConfig { throw ValidationError("--config and --no-config conflict") }
    if let arch = architecture?.architecture {
      if let kernel, !arch.recordedReleases.contains(kernel.rawValue) {
        throw ValidationError("--arch \(arch.rawValue) is known for --kernel \(arch.recordedReleases.joined(separator: ", ")), not \(kernel.rawValue)")
      }
      if let pageSize, !arch.pageSizes.contains(pageSize.pageSize) {
        throw ValidationError("--arch \(arch.rawValue) has no \(pageSize.rawValue) pages")
      }
    }
    // The map is read when the run starts (`RunSettings`), before any tree; each input's
    // options take it from there, hence a file, not standard input.
    guard efiMap != "-" else { throw ValidationError("--efi-map needs a file, not standard input") }
  }

  /// The flags and the config files of this run's inputs; commands take them, with the files
  /// they name, from `RunSettings`.
  func settings() throws(ConfigError) -> Settings { try Settings(self) }
}

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
      throw ConfigError(text: "\(file): arch \(arch.rawValue) (\(from("arch"))) is known for kernel "
        + "\(arch.recordedReleases.joined(separator: ", ")), not \(kernel) (\(from("kernel")))")
    }
    if !arch.pageSizes.contains(pageSize.pageSize) {
      throw ConfigError(text: "\(file): arch \(arch.rawValue) (\(from("arch"))) has no "
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
        guard case .config(let location, _) = setting.origin else { throw ConfigError(text: error.text) }
        throw ConfigError(text: "\(location): efi-map: \(error.text)")
      }
    }
    return resolved.mapOptions(efiMap: map)
  }
}

/// A U-Boot release named on the command line.
enum UBootChoice: String, ExpressibleByArgument, CaseIterable {
  case v2025_01 = "2025.01"
  case v2026_10 = "2026.10"

  static let newest = UBootChoice(rawValue: UBootVersion.newest.name)!
  var version: UBootVersion { UBootVersion.named(rawValue)! }
}

/// A byte count, in hex, decimal or with K/M/G suffixes.
struct SizeArgument: ExpressibleByArgument {
  var value: UInt64
  /// As written.
  var text: String

  init?(argument: String) {
    guard let value = NumberSyntax.parse(argument[...]) else { return nil }
    self.value = value
    text = argument
  }
}

/// A kernel release named on the command line.
enum KernelChoice: String, ExpressibleByArgument, CaseIterable {
  case v6_1 = "6.1"
  case v6_12 = "6.12"
  case v7_2 = "7.2"

  var version: KernelVersion {
    switch self {
    case .v6_1: return .v6_1
    case .v6_12: return .v6_12
    case .v7_2: return .v7_2
    }
  }
}

/// An architecture named on the command line.
enum ArchitectureChoice: String, ExpressibleByArgument, CaseIterable {
  case arm64
  case riscv64

  var architecture: KernelArchitecture {
    switch self {
    case .arm64: return .arm64
    case .riscv64: return .riscv64
    }
  }
}

/// A page size named on the command line.
enum PageSizeChoice: String, ExpressibleByArgument, CaseIterable {
  case k4 = "4K"
  case k16 = "16K"
  case k64 = "64K"

  init?(argument: String) { self.init(rawValue: argument.uppercased()) }

  var pageSize: PageSize {
    switch self {
    case .k4: return .k4
    case .k16: return .k16
    case .k64: return .k64
    }
  }
}

/// `BASE:SIZE[:NAME]`, numbers in hex, decimal or with K/M/G suffixes.
struct RangeArgument: ExpressibleByArgument {
  var range: AddressRange
  var name: String?
  /// As written.
  var text: String

  init?(argument: String) {
    text = argument
    let parts = argument.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, let base = NumberSyntax.parse(parts[0]),
      let size = NumberSyntax.parse(parts[1])
    else { return nil }
    range = AddressRange(base: base, size: size)
    name = parts.count == 3 && !parts[2].isEmpty ? String(parts[2]) : nil
  }
}
