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
      // The oracle's initrd is 0xf12e8 bytes; the kernel reserves it rounded to its pages
      // (0xf2000 with 4K pages, 0xf4000 with 16K: 39-boot-reserve-bounds.7.2.16K.txt).
      BootReservation(name: "initrd (QEMU virt)",
                      range: AddressRange(base: 0x4800_0000, size: Memblock.roundUp(0xf_12e8, profile.pageSize.bytes))),
      BootReservation(name: "dtb (QEMU virt)",
                      range: AddressRange(base: 0x4820_0000, size: UInt64(2 * (blobSize + 10000)))),
    ]
  }

  /// The kernel image Debian's arm64 build of each release reserves when QEMU loads it at
  /// RAM base + 2 MiB: `[_stext, _end)`, from the Image header's `image_size` and the
  /// memblock dump of the booted kernel (`Fixtures/kernel/boot.VERSION.reserve`). Debian's
  /// 16K-page 7.2 image (linux-image-7.2.13+deb14-arm64-16k) is 0x2fa0000 long.
  static func qemuVirtKernel(_ profile: KernelProfile) -> AddressRange {
    if profile.version == .v7_2 && profile.pageSize == .k16 {
      return AddressRange(base: 0x4020_0000, size: 0x2fa_0000)
    }
    switch profile.version {
    case .v6_1: return AddressRange(base: 0x4021_0000, size: 0x200_0000)
    case .v6_12: return AddressRange(base: 0x4020_0000, size: 0x2b3_0000)
    default: return AddressRange(base: 0x4020_0000, size: 0x2f0_0000)
    }
  }

  /// QEMU's riscv `virt` machine (root compatible `riscv-virtio`) booting Debian's riscv64
  /// kernels through its OpenSBI (`-bios default -kernel -initrd -dtb`), as recorded in
  /// `Fixtures/kernel-riscv64/*.layout`: the kernel image at RAM base + 2 MiB with `_end`
  /// rounded up to 2 MiB, reserved before the scan; the initrd comes from `/chosen`, which
  /// QEMU fills in (the flow reserves it); the DTB where QEMU put it, the 2 MiB-aligned
  /// address below the lower of the end of RAM and 3 GiB that leaves room for the blob,
  /// reserved only after the scan (`paging_init` reserves it after
  /// `early_init_fdt_scan_reserved_mem`), so dynamic regions can be placed over it.
  public static func qemuRiscvVirt(profile: KernelProfile, ram: [AddressRange], blobSize: Int)
    -> [BootReservation]
  {
    guard let first = ram.min(by: { $0.base < $1.base }) else { return [] }
    var layout = [BootReservation(name: "kernel (QEMU riscv virt)",
                                  range: AddressRange(base: first.base &+ 0x20_0000,
                                                      size: qemuRiscvKernelSize(profile)))]
    let ramEnd = ram.map { $0.base &+ $0.size }.max() ?? 0
    let top = first.base < 3 << 30 ? min(ramEnd, 3 << 30) : ramEnd
    let size = UInt64(blobSize)
    if top >= size {
      let base = (top - size) & ~(UInt64(0x20_0000) - 1)
      layout.append(BootReservation(name: "dtb (QEMU riscv virt)",
                                    range: AddressRange(base: base, size: size), afterScan: true))
    }
    return layout
  }

  /// What Debian's riscv64 image of each release reserves for itself: `_end` rounded up to
  /// 2 MiB (`memblock_reserve` by `paging_init` in the recorded boots: 0x2000000 for 6.12.118,
  /// 0x2400000 for 7.2.13).
  static func qemuRiscvKernelSize(_ profile: KernelProfile) -> UInt64 {
    profile.version == .v6_12 ? 0x200_0000 : 0x240_0000
  }

  /// The layout that applies to `description` when the user gave no `--reserve`: QEMU's for
  /// its virt boards (arm64 `linux,dummy-virt`, riscv `riscv-virtio`), nothing otherwise.
  public static func implied(for description: MemoryDescription, profile: KernelProfile)
    -> [BootReservation]
  {
    switch profile.architecture {
    case .arm64:
      guard description.boardCompatible.contains("linux,dummy-virt") else { return [] }
      return qemuVirt(profile: profile, blobSize: description.blobSize)
    case .riscv64:
      guard description.boardCompatible.contains("riscv-virtio") else { return [] }
      let ram = description.memoryNodes.filter { $0.isAvailable(to: profile.version) }.flatMap(\.entries)
        .filter { $0.size != 0 }.map { AddressRange(base: $0.address, size: $0.size) }
      return qemuRiscvVirt(profile: profile, ram: ram, blobSize: description.blobSize)
    }
  }
}
