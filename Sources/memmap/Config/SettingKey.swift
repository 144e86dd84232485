import ArgumentParser
import MemoryMap

/// One setting of the model: a `.memmap.yml` key and the flag of the same name.
///
/// Every setting is resolved once per input file, flag first, then the last board entry of
/// the config that matches the file and sets it, then the config's top level, then the
/// built-in default (`Settings.resolve`). Adding a key for an existing flag is one line in
/// `all`; the flag becomes optional so that "not given" can be told from its default.
struct SettingKey {
  /// The key, which is also the flag's long name: `page-size`.
  let name: String
  /// A list (`memory: [..]`, repeatable flag) rather than one value.
  let isList: Bool
  /// A file name, relative to the config file's folder.
  let isPath: Bool
  /// What a valid value looks like, for errors: `6.1, 6.12 or 7.2`.
  let expected: String
  /// Whether one value (one list element) is valid.
  let isValid: (String) -> Bool
  /// The flag's values as text; nil when the flag was not given.
  let flag: (ModelOptions) -> [String]?
  /// The built-in default, as text (empty for none).
  let defaultValue: [String]
  /// What applies when nothing sets a key without a fixed default (`config --explain`).
  var whenUnset: String?

  /// Every key, in the order `config --explain` lists them.
  static var all: [SettingKey] {
    [
      .value("kernel", \.kernel, default: .v7_2),
      // No default: the architecture comes from the tree when nothing sets it (else arm64).
      .value("arch", \.architecture, default: nil, whenUnset: "from the tree's CPUs or root compatible, else arm64"),
      .value("page-size", \.pageSize, default: .k4),
      .list("memory", \.memory, expected: "BASE:SIZE"),
      .list("reserve", \.reserve, expected: "BASE:SIZE[:NAME]"),
      .switchOn("no-boot-layout", \.noBootLayout),
      .path("efi-map", \.efiMap),
      .value("uboot", \.uboot, default: .newest),
      // The release's qemu_arm64 value when not given (4 in 2026.10, 1 in 2025.01).
      .value("dram-banks", \.dramBanks, default: nil, expected: "1 to 64",
             whenUnset: "the U-Boot release's qemu_arm64 value") { (1...64).contains($0) },
      .value("uboot-image-size", \.ubootImageSize, default: nil, expected: "a size such as 0x200000 or 2M",
             whenUnset: "qemu_arm64's for the U-Boot release"),
      .value("uboot-malloc-size", \.ubootMallocSize, default: nil, expected: "a size such as 0x200000 or 2M",
             whenUnset: "qemu_arm64's for the U-Boot release"),
      .value("uboot-stack-size", \.ubootStackSize, default: nil, expected: "a size such as 0x200000 or 2M",
             whenUnset: "qemu_arm64's for the U-Boot release"),
      .list("uboot-reserve", \.ubootReserve, expected: "BASE:SIZE"),
    ]
  }

  /// The key called `name`.
  static func named(_ name: String) -> SettingKey? { all.first { $0.name == name } }

  /// The key names, for "unknown key" errors.
  static var names: [String] { all.map(\.name) }
}

// MARK: - Kinds of keys

extension SettingKey {
  /// One value of an `ExpressibleByArgument` flag type, `check`ed further when given.
  static func value<T: ExpressibleByArgument & SettingText>(
    _ name: String, _ flag: KeyPath<ModelOptions, T?>, default value: T?, expected: String? = nil,
    whenUnset: String? = nil, check: @escaping (T) -> Bool = { _ in true }
  ) -> SettingKey {
    SettingKey(
      name: name, isList: false, isPath: false,
      expected: expected ?? Self.spelled(T.allValueStrings),
      isValid: { T(argument: $0).map(check) ?? false },
      flag: { $0[keyPath: flag].map { [$0.settingText] } },
      defaultValue: value.map { [$0.settingText] } ?? [], whenUnset: whenUnset)
  }

  /// A repeatable flag: given when it has at least one value.
  static func list<T: ExpressibleByArgument & SettingText>(
    _ name: String, _ flag: KeyPath<ModelOptions, [T]>, expected: String
  ) -> SettingKey {
    SettingKey(
      name: name, isList: true, isPath: false, expected: expected,
      isValid: { T(argument: $0) != nil },
      flag: { options in
        let values = options[keyPath: flag]
        return values.isEmpty ? nil : values.map(\.settingText)
      },
      defaultValue: [])
  }

  /// A flag without a value (`--no-boot-layout`), `true` or `false` in the config.
  static func switchOn(_ name: String, _ flag: KeyPath<ModelOptions, Bool>) -> SettingKey {
    SettingKey(
      name: name, isList: false, isPath: false, expected: "true or false",
      isValid: { $0 == "true" || $0 == "false" },
      flag: { $0[keyPath: flag] ? ["true"] : nil }, defaultValue: ["false"])
  }

  /// A file name.
  static func path(_ name: String, _ flag: KeyPath<ModelOptions, String?>) -> SettingKey {
    SettingKey(
      name: name, isList: false, isPath: true, expected: "a file name",
      isValid: { !$0.isEmpty && $0 != "-" }, flag: { $0[keyPath: flag].map { [$0] } },
      defaultValue: [])
  }

  /// `a, b or c`.
  static func spelled(_ values: [String]) -> String {
    values.count < 2
      ? values.joined() : values.dropLast().joined(separator: ", ") + " or " + values.last!
  }
}

/// A flag's value as a config file spells it.
protocol SettingText {
  var settingText: String { get }
}

extension SettingText where Self: RawRepresentable, RawValue == String {
  var settingText: String { rawValue }
}

extension Int: SettingText {
  var settingText: String { String(self) }
}

extension KernelChoice: SettingText {}
extension ArchitectureChoice: SettingText {}
extension PageSizeChoice: SettingText {}
extension UBootChoice: SettingText {}
extension SizeArgument: SettingText {
  var settingText: String { text }
}

extension RangeArgument: SettingText {
  var settingText: String { text }
}
