import DeviceTree
import MemoryMap

/// Turns device-tree source into a blob as the kernel's build does: `cpp -nostdinc -undef
/// -D__DTS__ -x assembler-with-cpp` with the include folders, then `dtc` on the result
/// (scripts/Makefile.lib, `cmd_dtc`). dtc reads cpp's line markers, so what it reports and
/// annotates names the original files and lines.
enum SourceCompiler {
  /// A compiled source: the blob and, when asked for, where each node and property was written.
  struct Compiled {
    var blob: DeviceTreeBlob
    var sources: SourceMap?
  }

  /// Compiles the source at `path` (`-` for `contents`, already read from standard input).
  /// `includes` are searched by `#include <...>` and `/include/` after the file's own folder;
  /// `locate` also asks dtc for its source annotations (a second dtc run).
  static func compile(_ path: String, contents: [UInt8]?, includes: [String], locate: Bool)
    throws(DeviceTreeError) -> Compiled
  {
    guard let runner = ToolRunner() else {
      throw DeviceTreeError(file: path, reason: .unreadable("cannot make a scratch folder"))
    }
    var input: String? = nil
    if path == "-" {
      input = runner.keep(contents ?? [], as: "stdin")
      guard input != nil else { throw DeviceTreeError(file: path, reason: .unreadable("cannot keep standard input")) }
    }
    let folders = [folder(of: path)] + includes
    let preprocessed = runner.path("pre.dts")
    try check(runner.run(["cpp", "-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp"]
                         + folders.flatMap { ["-I", $0] } + [path, "-o", preprocessed], input: input),
              tool: "cpp", file: path)
    // -@ keeps labels as __symbols__, so overlays can be applied to the result.
    let dtc = ["dtc", "-q", "-@", "-I", "dts"] + folders.flatMap { ["-i", $0] }
    let blobPath = runner.path("out.dtb")
    try check(runner.run(dtc + ["-O", "dtb", "-o", blobPath, preprocessed]), tool: "dtc", file: path)
    let blob = try DeviceTreeBlob.load(path: blobPath).named(path)
    guard locate else { return Compiled(blob: blob, sources: nil) }
    let annotated = runner.path("annotated.dts")
    try check(runner.run(dtc + ["-T", "-T", "-O", "dts", "-o", annotated, preprocessed]), tool: "dtc", file: path)
    let text = (try? FileBytes.read(path: annotated, limit: 1 << 30)) ?? []
    return Compiled(blob: blob, sources: SourceMap(annotated: String(decoding: text, as: UTF8.self)))
  }

  /// The folder a source file is in (`.` for a bare name and for standard input).
  static func folder(of path: String) -> String {
    guard path != "-", let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Throws the tool's first error line when it failed.
  private static func check(_ outcome: ToolRunner.Outcome, tool: String, file: String) throws(DeviceTreeError) {
    guard outcome.status != 0 else { return }
    let message = outcome.status == 127
      ? "cannot run it (not found on PATH); install \(tool == "cpp" ? "cpp" : "device-tree-compiler")"
      : firstError(outcome.standardError) ?? "exit status \(outcome.status)"
    throw DeviceTreeError(file: file, reason: .toolFailed(tool: tool, message: message))
  }

  /// The line of a tool's error output that says what is wrong: the first that mentions an
  /// error, else the first line; dtc's `Error: ` prefix is dropped (the caller says it failed).
  static func firstError(_ text: String) -> String? {
    let lines = text.split(whereSeparator: \.isNewline).map(\.trimmingSpaces).filter { !$0.isEmpty }
    guard let line = lines.first(where: { $0.lowercased().contains("error") }) ?? lines.first else { return nil }
    return line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
  }
}
