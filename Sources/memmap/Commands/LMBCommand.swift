import ArgumentParser
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
      switch LMBScriptFile.read(script) {
      case .success(let parsed):
        try Self.stream(parsed) { (text) throws(WriteError) in try Diagnostics.write(text) }
        return .clean
      case .failure(let error):
        Diagnostics.printError(error.text)
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

    /// Parses, runs and renders a script's text whole (for tests and small scripts).
    static func output(for text: String, file: String) -> Result<String, InputError> {
      LMBScriptFile.parse(text, file: file).map { LMBScriptRenderer.render($0.run()) }
    }
  }
}
