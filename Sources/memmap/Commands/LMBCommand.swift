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
      switch Self.script(at: script) {
      case .success(let parsed):
        try Self.stream(parsed) { (text) throws(WriteError) in try Diagnostics.write(text) }
        return .clean
      case .failure(let failure):
        Diagnostics.printError(failure.message)
        return .unreadableInput
      }
    }

    /// Runs `script` and hands its text to `write` while it runs, in pieces of about `piece`
    /// bytes (each at most one step longer), so that memory does not grow with the output.
    static func stream<E: Error>(_ script: LMBScript, piece: Int = 1 << 16,
                                 to write: (String) throws(E) -> Void) throws(E) {
      var pending = ""
      _ = try script.run { (step) throws(E) in
        pending += LMBScriptRenderer.render(step)
        if pending.utf8.count >= piece {
          try write(pending)
          pending = ""
        }
      }
      if !pending.isEmpty { try write(pending) }
    }

    /// Why a script produced no output: a one-line message for `memmap: error: `.
    struct Failure: Error, Equatable {
      let message: String
    }

    /// The largest script read (far more than any hand-written one).
    static let sizeLimit = 16 << 20

    /// Reads and parses the script at `path` ("-" is standard input).
    static func script(at path: String) -> Result<LMBScript, Failure> {
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
      return parseScript(text, file: name)
    }

    /// Parses a script's text; `file` names it in error messages.
    static func parseScript(_ text: String, file: String) -> Result<LMBScript, Failure> {
      LMBScript.parse(text).mapError { Failure(message: LMBScriptRenderer.errorText($0, file: file)) }
    }

    /// Parses, runs and renders a script's text whole (for tests and small scripts).
    static func output(for text: String, file: String) -> Result<String, Failure> {
      parseScript(text, file: file).map { LMBScriptRenderer.render($0.run()) }
    }
  }
}
