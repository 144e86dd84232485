import ArgumentParser
import MemoryMap

/// `--kernel`, `--memory`, `--reserve`, `--efi-map`...: what the model needs beyond the tree itself.
struct ModelOptions: ParsableArguments {
  @Option(help: "Kernel release to predict: 6.1, 6.12 or 7.2.")
  var kernel: KernelChoice = .v6_12

  @Option(name: .customLong("arch"), help: "The kernel's architecture: arm64.")
  var architecture: ArchitectureChoice = .arm64

  @Option(name: .customLong("page-size"), help: "The kernel's page size: 4K, 16K or 64K.")
  var pageSize: PageSizeChoice = .k4

  @Option(name: .customLong("memory"),
          help: ArgumentHelp("RAM to use instead of /memory (repeatable).", valueName: "BASE:SIZE"))
  var memory: [RangeArgument] = []

  @Option(name: .customLong("reserve"),
          help: ArgumentHelp("Memory in use before the scan: kernel, initrd, DTB, firmware (repeatable).",
                             valueName: "BASE:SIZE[:NAME]"))
  var reserve: [RangeArgument] = []

  @Flag(name: .customLong("no-boot-layout"),
        help: "Do not assume QEMU's kernel, initrd and DTB placement for its virt board.")
  var noBootLayout = false

  @Option(name: .customLong("dram-banks"),
          help: "U-Boot's CONFIG_NR_DRAM_BANKS: /memory reg entries that become LMB banks.")
  var dramBanks: Int = 4

  @Option(name: .customLong("uboot-reserve"),
          help: ArgumentHelp("U-Boot's own relocated image and stack, reserved before the tree's regions (repeatable).",
                             valueName: "BASE:SIZE"))
  var ubootReserve: [RangeArgument] = []

  @Option(name: .customLong("efi-map"),
          help: ArgumentHelp("The firmware's EFI memory map: a Linux efi=debug boot log or U-Boot `efidebug memmap` output.",
                             valueName: "FILE"))
  var efiMap: String?

  mutating func validate() throws {
    guard (1...64).contains(dramBanks) else { throw ValidationError("--dram-banks must be 1 to 64") }
    // Read here so that a bad map stops the run before any tree is read (exit 2); read again
    // for the model, hence a file, not standard input.
    guard efiMap != "-" else { throw ValidationError("--efi-map needs a file, not standard input") }
    if let efiMap { _ = try EFIMapLoader.load(efiMap) }
  }

  /// The release, architecture and page size named on the command line.
  var profile: KernelProfile {
    KernelProfile(version: kernel.version, architecture: architecture.architecture,
                  pageSize: pageSize.pageSize)
  }

  var mapOptions: MapOptions {
    MapOptions(
      profile: profile,
      inputs: KernelInputs(
        memory: memory.map(\.range),
        reservations: reserve.enumerated().map {
          BootReservation(name: $0.element.name ?? "reserve[\($0.offset)]", range: $0.element.range)
        }),
      uboot: UBootOptions(dramBanks: dramBanks, ubootRegions: ubootReserve.map(\.range)),
      impliedBootLayout: !noBootLayout,
      efiMap: efiMap.flatMap { try? EFIMapLoader.load($0) })
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

  var architecture: KernelArchitecture {
    switch self {
    case .arm64: return .arm64
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

  init?(argument: String) {
    let parts = argument.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, let base = NumberSyntax.parse(parts[0]),
      let size = NumberSyntax.parse(parts[1])
    else { return nil }
    range = AddressRange(base: base, size: size)
    name = parts.count == 3 && !parts[2].isEmpty ? String(parts[2]) : nil
  }
}
