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
