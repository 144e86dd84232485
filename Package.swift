// swift-tools-version:6.0
import PackageDescription

/// The commit `memmap --version` names. The Makefile passes it from the checkout (12 hex digits,
/// `-dirty` with uncommitted changes); a plain `swift build` without it gives a version line
/// without a commit. It is read from the environment, not from `Context.gitInformation`, because
/// SwiftPM caches the manifest and would keep an old commit. Only letters, digits, `.` and `-`
/// pass, so the value cannot break out of the C string below.
let commit = String(
  (Context.environment["MEMMAP_COMMIT"] ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    .prefix(64))

let package = Package(
  name: "memmap",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "memmap", targets: ["memmap"]),
    .library(name: "MemoryMap", targets: ["MemoryMap"]),
    .library(name: "DeviceTree", targets: ["DeviceTree"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // .memmap.yml: a YAML parser that keeps line numbers for errors.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // Debian ships no pkg-config file for libfdt, so the module map links it by name.
    .systemLibrary(
      name: "CLibFDT",
      providers: [.apt(["libfdt-dev"])]
    ),
    // Swift's -D flags carry no values, so the commit reaches the binary as a C string.
    .target(name: "CBuildInfo", cSettings: [.define("MEMMAP_COMMIT", to: "\"\(commit)\"")]),
    .target(name: "DeviceTree", dependencies: ["CLibFDT"]),
    .target(name: "MemoryMap", dependencies: ["DeviceTree"]),
    .executableTarget(
      name: "memmap",
      dependencies: [
        "MemoryMap", "DeviceTree", "CBuildInfo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "DeviceTreeTests", dependencies: ["DeviceTree", "TestSupport"]),
    .testTarget(name: "MemoryMapTests", dependencies: ["MemoryMap", "DeviceTree", "TestSupport"]),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "memmap", "MemoryMap", "DeviceTree", "TestSupport",
        .product(name: "Yams", package: "Yams"),
      ]),
  ]
)
