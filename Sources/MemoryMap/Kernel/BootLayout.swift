/// Where a known boot loader leaves the kernel image, initrd and DTB before the kernel scans
/// reserved memory, for boards whose loader is known from the tree alone.
public enum BootLayout {
  /// QEMU's `virt` machine (root compatible `linux,dummy-virt`) loading Debian's arm64
  /// kernels with `-kernel`/`-initrd`/`-dtb`, as measured with the kernel oracle
  /// (`Fixtures/kernel/boot.*.reserve` says how each bound was found):
  /// the kernel image at RAM base + 2 MiB up to `_end`, the oracle's initrd page-rounded at
  /// 0x48000000, and the DTB at 0x48200000 with QEMU's `2 * (file size + 10000)` totalsize.
  public static func qemuVirt(profile: KernelProfile, blobSize: Int) -> [BootReservation] {
    [
      BootReservation(name: "kernel (QEMU virt)", range: qemuVirtKernel(profile)),
      BootReservation(name: "initrd (QEMU virt)", range: AddressRange(base: 0x4800_0000, size: 0xf_2000)),
      BootReservation(name: "dtb (QEMU virt)",
                      range: AddressRange(base: 0x4820_0000, size: UInt64(2 * (blobSize + 10000)))),
    ]
  }

  /// The kernel image Debian's arm64 build of each release reserves when QEMU loads it at
  /// RAM base + 2 MiB: `[_stext, _end)`, from the Image header's `image_size` and the
  /// memblock dump of the booted kernel (`Fixtures/kernel/boot.VERSION.reserve`).
  static func qemuVirtKernel(_ profile: KernelProfile) -> AddressRange {
    switch profile.name {
    case "6.1": return AddressRange(base: 0x4021_0000, size: 0x200_0000)
    case "6.12": return AddressRange(base: 0x4020_0000, size: 0x2b3_0000)
    default: return AddressRange(base: 0x4020_0000, size: 0x2f0_0000)
    }
  }

  /// The layout that applies to `description` when the user gave no `--reserve`: QEMU's for
  /// its virt board, nothing otherwise.
  public static func implied(for description: MemoryDescription, profile: KernelProfile)
    -> [BootReservation]
  {
    guard description.boardCompatible.contains("linux,dummy-virt") else { return [] }
    return qemuVirt(profile: profile, blobSize: description.blobSize)
  }
}
