import MemoryMap

/// The words for a prediction whose kernel profile no recorded kernel has (`KernelProfile.isRecorded`):
/// the tree named its architecture, and no kernel of it was recorded for this release.
enum UnrecordedProfileText {
  /// `board.dtb: no riscv64 6.1 kernel with 4K pages was recorded (riscv64: 6.12, 7.2, 4K
  /// pages); predicting 6.1's reserved-memory code with riscv64's boot`.
  static func note(file: String, profile: KernelProfile) -> String {
    let arch = profile.architecture
    return "\(file): no \(arch.rawValue) \(profile.name) kernel with \(profile.pageSize.name) pages was recorded "
      + "(\(arch.rawValue): \(arch.recordedReleases.joined(separator: ", ")), "
      + "\(arch.pageSizes.map(\.name).joined(separator: ", ")) pages); "
      + "predicting \(profile.name)'s reserved-memory code with \(arch.rawValue)'s boot"
  }
}
