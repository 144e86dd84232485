import DeviceTree
import MemoryMap

/// The output of `memmap lmb`: each script line echoed with ` => RESULT`, and dumps in U-Boot's
/// own format.
enum LMBScriptRenderer {
  /// The whole run's text; a `dump` line prints `dump` alone and then U-Boot's dump.
  static func render(_ run: LMBScript.Run) -> String {
    run.steps.map(render).joined()
  }

  /// One step: `TEXT => RESULT\n`, or a dump.
  static func render(_ step: LMBScript.Step) -> String {
    if case .dump(let lmb) = step.outcome { return "dump\n" + UBootRenderer.lmbDump(lmb) }
    return VisibleText.escape(step.line.text) + " => \(result(step.outcome))\n"
  }

  /// RESULT as the spec writes it: return codes in C's terms (`0`, `-1`, `-EEXIST`,
  /// `-EINVAL`), addresses and sizes as `%#llx`, `1`/`0` for `lmb_is_reserved_flags`.
  static func result(_ outcome: LMBScript.Outcome) -> String {
    switch outcome {
    case .status(let status): return statusText(status)
    case .allocation(.placed(let address)): return UBootRenderer.alternateHex(address)
    // lmb_alloc_mem returned 0 without writing an address (a size of 0).
    case .allocation(.noAddress): return "0"
    case .allocation(.failed(let status)): return statusText(status)
    case .size(let size): return UBootRenderer.alternateHex(size)
    case .reserved(let reserved): return reserved ? "1" : "0"
    case .dump: return ""
    }
  }

  /// A C return value, with U-Boot's errno names where it has them.
  static func statusText(_ status: LMBStatus) -> String {
    switch status {
    case .exists: return "-EEXIST"
    case .invalid: return "-EINVAL"
    default: return String(status.rawValue)
    }
  }

  /// The words for one parse failure.
  static func describe(_ reason: LMBScriptError.Reason) -> String {
    switch reason {
    case .unknownOperation(let word):
      return "unknown operation '\(word)' (expected add, reserve, alloc, alloc-max, free, "
        + "free-size, is-reserved or dump)"
    case .wrongArgumentCount(let usage, let got):
      return "expected '\(usage)', got \(got) argument\(got == 1 ? "" : "s")"
    case .badNumber(let word):
      return "'\(word)' is not a number (0x hex or decimal, optional K/M/G suffix, below 2^64)"
    case .badFlag(let word):
      return "unknown flag '\(word)' (FLAGS is none or a comma-joined list of no-map, "
        + "no-overwrite, no-notify)"
    }
  }
}
