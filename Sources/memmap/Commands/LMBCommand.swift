import ArgumentParser
import DeviceTree
import MemoryMap

extension MemmapCommand {
  /// `memmap lmb [SCRIPT|-]`: runs an LMB script against a model of U-Boot's allocator and
  /// prints each call's result.
  struct LMBCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
      commandName: "lmb",
      abstract: "Run an LMB script against U-Boot's allocator and print each result.",
      discussion: """
        One call per line; # starts a comment; numbers are 0x hex or decimal with optional \
        K/M/G/T suffixes; FLAGS is none or a comma-joined list of no-map, no-overwrite, no-notify:
          add BASE SIZE                     lmb_add
          reserve BASE SIZE [FLAGS]         lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, ...)
          alloc SIZE ALIGN [FLAGS]          lmb_alloc_mem(LMB_MEM_ALLOC_ANY, ...)
          alloc-max SIZE ALIGN MAX [FLAGS]  lmb_alloc_mem(LMB_MEM_ALLOC_MAX, ...)
          free BASE SIZE [FLAGS]            lmb_free
          free-size ADDR                    lmb_get_free_size
          is-reserved ADDR [FLAGS]          lmb_is_reserved_flags
          dump                              lmb_dump_all_force
        Each line is echoed with ' => ' and its result. The language: docs/lmb-script.md.
        """)

    @Argument(help: "The script to run; '-' or nothing reads standard input.")
    var script: String = "-"

    mutating func execute() throws -> Outcome {
      switch Self.output(forScriptAt: script) {
      case .success(let text):
        try Diagnostics.write(text)
        return .clean
      case .failure(let failure):
        Diagnostics.printError(failure.message)
        return .unreadableInput
      }
    }

    /// Why a script produced no output: a one-line message for `memmap: error: `.
    struct Failure: Error, Equatable {
      let message: String
    }

    /// The largest script read (far more than any hand-written one).
    static let sizeLimit = 16 << 20

    /// Reads the script at `path` ("-" is standard input) and returns its output.
    static func output(forScriptAt path: String) -> Result<String, Failure> {
      let name = path == "-" ? "<stdin>" : path
      let bytes: [UInt8]
      do {
        bytes = try FileBytes.read(path: path, limit: sizeLimit)
      } catch {
        return .failure(Failure(message: LMBScriptRenderer.readProblem(error.reason, file: name)))
      }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        return .failure(Failure(message: "\(name): not UTF-8 text"))
      }
      return output(for: text, file: name)
    }

    /// Parses, runs and renders a script's text; `file` names it in error messages.
    static func output(for text: String, file: String) -> Result<String, Failure> {
      switch LMBScript.parse(text) {
      case .success(let script): return .success(LMBScriptRenderer.render(script.run()))
      case .failure(let error):
        return .failure(Failure(message: LMBScriptRenderer.errorText(error, file: file)))
      }
    }
  }
}
