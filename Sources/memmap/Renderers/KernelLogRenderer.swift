import MemoryMap

/// The lines a kernel prints about reserved memory, exactly as
/// `dmesg | grep -E 'OF: reserved mem:|Reserved memory:|OF: fdt: Reserved memory:'` shows them.
///
/// Debug messages (`pr_debug`) are not printed by Debian's kernels and are left out, and so is
/// the second line of an overlap report, which carries no prefix and is not matched by that grep.
enum KernelLogRenderer {
  /// The lines for a reader: node names and compatibles written through `VisibleText`.
  static func render(_ result: KernelResult) -> String {
    lines(result).map { VisibleText.escape($0) + "\n" }.joined()
  }

  /// The lines as the kernel prints them, names raw, for comparing with a real log.
  static func lines(_ result: KernelResult) -> [String] {
    result.events.compactMap { line(for: $0, in: result) }
  }

  /// The kernel's line for one event, or nil when the kernel does not print it by default.
  /// Nodes are named by their region's name, as the kernel prints the node's name.
  static func line(for event: KernelEvent, in result: KernelResult) -> String? {
    let rmem = "OF: reserved mem: "
    let scan = result.profile.staticScanInFDT ? "OF: fdt: " : rmem
    func name(_ region: Int) -> String { result.regions[region].name }
    switch event {
    case .unsupportedNodeFormat: return scan + "Reserved memory: unsupported node format, ignoring"
    case .noReservedMemoryNode: return rmem + "Reserved memory: No reserved-memory node in the DT"
    case .invalidReg(let region):
      return scan + "Reserved memory: invalid reg property in '\(name(region))', skipping node."
    case .reservedRegion, .allocated: return nil
    case .failedToReserve(let region, let base, let size):
      return scan + "Reserved memory: failed to reserve memory for node '\(name(region))': base "
        + Formatting.paddedHex(base) + ", size \(size / (1 << 20)) MiB"
    case .ignoredRegEntries(let region, let count):
      return rmem + "fdt_scan_reserved_mem_reg_nodes() ignores \(count) regions in node '\(name(region))'"
    case .multipleRegEntries(let region, let count):
      return rmem + "Reserved memory: node '\(name(region))' has \(count) <base size> entries, only the first is used"
    case .notEnoughSpace: return rmem + "not enough space for all defined regions."
    case .tooManyDynamic(let region):
      return rmem + "too many defined dynamic regions, skip '\(name(region))'"
    case .invalidSize(let region): return rmem + "invalid size property in '\(name(region))' node."
    case .invalidAlignment(let region):
      return rmem + "invalid alignment property in '\(name(region))' node."
    case .invalidAllocRanges(let region):
      return rmem + "invalid alloc-ranges property in '\(name(region))', skipping node."
    case .allocationFailed(let region, let size):
      return rmem + "failed to allocate memory for node '\(name(region))': size \(size / (1 << 20)) MiB"
    case .cmaIncorrectAlignment: return "Reserved memory: incorrect alignment of CMA region"
    case .cmaSetupFailed: return "Reserved memory: unable to setup CMA region"
    case .cmaCreated(_, let base, let size):
      return "Reserved memory: created CMA memory pool at \(Formatting.paddedHex(base)), size \(size / (1 << 20)) MiB"
    case .dmaPoolCreated(_, let base, let size):
      return "Reserved memory: created DMA memory pool at \(Formatting.paddedHex(base)), size \(size / (1 << 20)) MiB"
    case .initialized(let region, let compatible):
      return rmem + "initialized node \(name(region)), compatible id \(compatible)"
    case .matchingFailed(let region): return rmem + "node \(name(region)) compatible matching fail"
    case .regionInfo(let region, let base, let size, let noMap, let reusable):
      return rmem + Formatting.paddedHex(base) + ".." + Formatting.paddedHex(base &+ size &- 1)
        + " (\(size / 1024) KiB) " + (noMap ? "nomap" : "map") + " "
        + (reusable ? "reusable" : "non-reusable") + " " + name(region)
    case .overlap: return rmem + "OVERLAP DETECTED!"
    }
  }
}
