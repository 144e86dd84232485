import DeviceTree
import MemoryMap

/// Where check-live finds what a running kernel exported: on this board, or saved from one
/// in a folder (`--from DIR`) with the same files under short names.
struct LiveFiles {
  /// The tree the kernel booted: `/sys/firmware/fdt`, or `DIR/fdt`.
  var tree: String
  var iomem: String
  var memblockMemory: String
  var memblockReserved: String
  /// A saved log; nil means the `dmesg` tool on this board.
  var log: String?

  /// The files of this board.
  static let running = LiveFiles(
    tree: "/sys/firmware/fdt", iomem: "/proc/iomem",
    memblockMemory: "/sys/kernel/debug/memblock/memory",
    memblockReserved: "/sys/kernel/debug/memblock/reserved", log: nil)

  /// The files saved in `folder`: `fdt`, `iomem`, `memblock/memory` (or `memblock-memory`),
  /// `memblock/reserved` (or `memblock-reserved`), `dmesg`.
  static func saved(in folder: String) -> LiveFiles {
    func either(_ nested: String, _ flat: String) -> String {
      DirectoryEntries.exists(folder + "/" + nested) ? folder + "/" + nested : folder + "/" + flat
    }
    return LiveFiles(
      tree: folder + "/fdt", iomem: folder + "/iomem",
      memblockMemory: either("memblock/memory", "memblock-memory"),
      memblockReserved: either("memblock/reserved", "memblock-reserved"), log: folder + "/dmesg")
  }

  /// Reads what is there. A file that is missing or unreadable is a note (the check is not
  /// made); one that is there but not in the kernel's format is an error.
  func read(notes: inout [String]) throws(InputError) -> LiveRecord {
    var record = LiveRecord()
    // On the board itself, say how to make debugfs readable; a saved folder just lacks the file.
    let debugfs = log == nil ? "mount debugfs and read it as root" : ""
    if let text = optionalText(memblockMemory, notes: &notes, hint: debugfs) {
      let parsed = try parse(memblockMemory) { () throws(LiveParseError) in try LiveRecord.parseMemblock(text) }
      (record.memblockMemory, record.memblockShowsFlags) = (parsed.regions, parsed.flags)
    }
    if let text = optionalText(memblockReserved, notes: &notes, hint: debugfs) {
      record.memblockReserved = try parse(memblockReserved) { () throws(LiveParseError) in
        try LiveRecord.parseMemblock(text).regions.map(\.range)
      }
    }
    if let text = optionalText(iomem, notes: &notes, hint: "") {
      let entries = try parse(iomem) { () throws(LiveParseError) in try LiveRecord.parseIOMem(text) }
      if entries.allSatisfy({ $0.range.base == 0 }) {
        notes.append("\(iomem): addresses hidden (read it as root); not compared")
      } else {
        record.iomem = entries
      }
    }
    record.log = log.map { optionalText($0, notes: &notes, hint: "") } ?? runDmesg(notes: &notes)
    return record
  }

  private func optionalText(_ path: String, notes: inout [String], hint: String) -> String? {
    do {
      return String(decoding: try FileBytes.read(path: path, limit: 64 << 20), as: UTF8.self)
    } catch {
      notes.append("\(path): \(InputFile.reason(error.reason))\(hint.isEmpty ? "" : " (\(hint))"); not compared")
      return nil
    }
  }

  private func parse<T>(_ path: String, _ body: () throws(LiveParseError) -> T) throws(InputError) -> T {
    do {
      return try body()
    } catch {
      throw InputError(file: path, line: error.line, problem: "not in the kernel's format: \(error.text)")
    }
  }

  /// The kernel log from the `dmesg` tool (reading it may need root or `kernel.dmesg_restrict=0`).
  private func runDmesg(notes: inout [String]) -> String? {
    guard let runner = ToolRunner() else { return nil }
    let output = runner.path("dmesg")
    let outcome = runner.run(["dmesg"], output: output)
    guard outcome.status == 0, let bytes = try? FileBytes.read(path: output, limit: 64 << 20) else {
      notes.append("dmesg: \(SourceCompiler.firstError(outcome.standardError) ?? "exit status \(outcome.status)"); the kernel log is not compared")
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
