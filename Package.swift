// swift-tools-version:6.0
import PackageDescription

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
    .target(name: "DeviceTree", dependencies: ["CLibFDT"]),
    .target(name: "MemoryMap", dependencies: ["DeviceTree"]),
    .executableTarget(
      name: "memmap",
      dependencies: [
        "MemoryMap", "DeviceTree",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "DeviceTreeTests", dependencies: ["DeviceTree", "TestSupport"]),
    .testTarget(name: "MemoryMapTests", dependencies: ["MemoryMap", "DeviceTree", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["memmap", "MemoryMap", "DeviceTree", "TestSupport"]),
  ]
)
