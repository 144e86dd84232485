/// The kernel release a boot log names in its `Linux version 6.12.118+deb12-arm64 ...` line,
/// and the profile that predicts it.
public struct KernelLogVersion: Hashable, Sendable, Comparable {
  public var major: Int
  public var minor: Int
  public var patch: Int
  /// The release as the log spells it, up to the first space ("6.12.118+deb12-arm64").
  public var text: String

  /// The release of the last `Linux version` line of `text` (the boot being compared).
  public static func find(in text: String) -> KernelLogVersion? {
    var found: KernelLogVersion?
    for line in text.split(separator: "\n") {
      guard let range = line.firstRange(of: "Linux version ") else { continue }
      let release = line[range.upperBound...].prefix { $0 != " " && $0 != "\r" }
      let numbers = release.prefix { $0.isNumber || $0 == "." }.split(separator: ".").map { Int($0) }
      guard numbers.count >= 2, let major = numbers[0], let minor = numbers[1] else { continue }
      let patch = numbers.count > 2 ? numbers[2] ?? 0 : 0
      found = KernelLogVersion(major: major, minor: minor, patch: patch, text: String(release))
    }
    return found
  }

  public static func < (a: KernelLogVersion, b: KernelLogVersion) -> Bool {
    (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
  }

  /// "6.12": the series, as profiles are named.
  public var series: String { "\(major).\(minor)" }

  /// The recorded release of the same series, if there is one.
  public var exactVersion: KernelVersion? { KernelVersion.named(series) }

  /// The release whose behaviour is nearest: the same series, else 6.1 before 6.3 (no info
  /// lines), 6.12 up to 6.x (the two-stage flow of Debian's 6.12 is mainline's 6.13 to 6.18),
  /// 7.2 from 7.0 on.
  public var nearestVersion: KernelVersion {
    if let exact = exactVersion { return exact }
    if major < 6 || (major == 6 && minor < 3) { return .v6_1 }
    return major == 6 ? .v6_12 : .v7_2
  }

  /// From v6.3 (the info line) to v6.12.12 the table is printed after it is sorted, so the
  /// region lines come in address order; the two-stage flow (v6.13, 6.12.13 and later) prints
  /// them in scan order (spec §5.2-§5.3, 6.12.y backport 16610f3d4507).
  public var printsRegionLinesSorted: Bool {
    let low = KernelLogVersion(major: 6, minor: 3, patch: 0, text: "")
    let high = KernelLogVersion(major: 6, minor: 12, patch: 12, text: "")
    return self >= low && self <= high
  }
}
