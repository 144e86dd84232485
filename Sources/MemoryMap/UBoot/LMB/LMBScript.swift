/// A `memmap lmb` script: one LMB call per line, parsed into values with their line numbers.
///
/// The format is `docs/lmb-script.md`'s: `#` starts a comment, numbers are `0x` hex or decimal
/// with optional binary `K`/`M`/`G`/`T` suffixes, and FLAGS is `none` or a comma-joined list of
/// `no-map`, `no-overwrite`, `no-notify`.
public struct LMBScript: Hashable, Sendable {
  /// One U-Boot call, named after the script keyword that asks for it.
  public enum Operation: Hashable, Sendable {
    /// `add BASE SIZE`: `lmb_add`.
    case add(base: UInt64, size: UInt64)
    /// `reserve BASE SIZE [FLAGS]`: `lmb_alloc_mem(LMB_MEM_ALLOC_ADDR, ...)`.
    case reserve(base: UInt64, size: UInt64, flags: LMBFlags)
    /// `alloc SIZE ALIGN [FLAGS]`: `lmb_alloc_mem(LMB_MEM_ALLOC_ANY, ...)`.
    case alloc(size: UInt64, align: UInt64, flags: LMBFlags)
    /// `alloc-max SIZE ALIGN MAX [FLAGS]`: `lmb_alloc_mem(LMB_MEM_ALLOC_MAX, ...)`.
    case allocMax(size: UInt64, align: UInt64, max: UInt64, flags: LMBFlags)
    /// `free BASE SIZE [FLAGS]`: `lmb_free`.
    case free(base: UInt64, size: UInt64, flags: LMBFlags)
    /// `free-size ADDR`: `lmb_get_free_size`.
    case freeSize(address: UInt64)
    /// `is-reserved ADDR [FLAGS]`: `lmb_is_reserved_flags`.
    case isReserved(address: UInt64, flags: LMBFlags)
    /// `dump`: `lmb_dump_all_force`.
    case dump
  }

  /// An operation with where it came from.
  public struct Line: Hashable, Sendable {
    /// 1-based line number in the script.
    public var number: Int
    /// The line without its comment, words joined by single spaces (what the run echoes).
    public var text: String
    public var operation: Operation

    public init(number: Int, text: String, operation: Operation) {
      self.number = number
      self.text = text
      self.operation = operation
    }
  }

  public var lines: [Line]

  public init(lines: [Line]) { self.lines = lines }

  /// Parses a whole script; the first bad line makes it an error and nothing runs.
  public static func parse(_ text: String) -> Result<LMBScript, LMBScriptError> {
    var lines: [Line] = []
    let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, raw) in rawLines.enumerated() {
      let code = raw.prefix { $0 != "#" }
      let words = code.split(whereSeparator: \.isWhitespace).map(String.init)
      guard !words.isEmpty else { continue }
      switch parseOperation(words) {
      case .success(let operation):
        lines.append(Line(number: index + 1, text: words.joined(separator: " "), operation: operation))
      case .failure(let reason):
        return .failure(LMBScriptError(line: index + 1, reason: reason))
      }
    }
    return .success(LMBScript(lines: lines))
  }

  /// One line's words (keyword first) as an operation.
  static func parseOperation(_ words: [String]) -> Result<Operation, LMBScriptError.Reason> {
    guard let keyword = Keyword(rawValue: words[0]) else {
      return .failure(.unknownOperation(words[0]))
    }
    let arguments = Array(words.dropFirst())
    let allowed = keyword.takesFlags ? keyword.numberCount...(keyword.numberCount + 1)
      : keyword.numberCount...keyword.numberCount
    guard allowed.contains(arguments.count) else {
      return .failure(.wrongArgumentCount(usage: keyword.usage, got: arguments.count))
    }
    var numbers: [UInt64] = []
    for word in arguments.prefix(keyword.numberCount) {
      guard let value = NumberSyntax.parse(word) else { return .failure(.badNumber(word)) }
      numbers.append(value)
    }
    var flags = LMBFlags.none
    if arguments.count > keyword.numberCount {
      switch LMBFlags.parse(arguments[keyword.numberCount]) {
      case .success(let parsed): flags = parsed
      case .failure(let reason): return .failure(reason)
      }
    }
    return .success(keyword.operation(numbers, flags))
  }
}

/// A script line memmap cannot run, with its 1-based line number.
public struct LMBScriptError: Error, Hashable, Sendable {
  /// What is wrong with the line.
  public enum Reason: Error, Hashable, Sendable {
    /// The first word is not one of the script's keywords.
    case unknownOperation(String)
    /// Too few or too many words after the keyword; `usage` is the keyword's syntax.
    case wrongArgumentCount(usage: String, got: Int)
    /// A word that should be a number is not one (or does not fit in 64 bits).
    case badNumber(String)
    /// A flag name that is not `none`, `no-map`, `no-overwrite` or `no-notify`, or `none`
    /// combined with others, or an empty item.
    case badFlag(String)
  }

  public var line: Int
  public var reason: Reason

  public init(line: Int, reason: Reason) {
    self.line = line
    self.reason = reason
  }
}

extension LMBScript {
  /// The script's keywords, their syntax, and how their numbers become an operation.
  enum Keyword: String, CaseIterable {
    case add, reserve, alloc, free, dump
    case allocMax = "alloc-max"
    case freeSize = "free-size"
    case isReserved = "is-reserved"

    /// How many numbers follow the keyword.
    var numberCount: Int {
      switch self {
      case .dump: return 0
      case .freeSize, .isReserved: return 1
      case .add, .reserve, .alloc, .free: return 2
      case .allocMax: return 3
      }
    }

    /// Whether an optional FLAGS word may follow the numbers.
    var takesFlags: Bool {
      switch self {
      case .add, .freeSize, .dump: return false
      case .reserve, .alloc, .allocMax, .free, .isReserved: return true
      }
    }

    /// The syntax, as the spec writes it.
    var usage: String {
      switch self {
      case .add: return "add BASE SIZE"
      case .reserve: return "reserve BASE SIZE [FLAGS]"
      case .alloc: return "alloc SIZE ALIGN [FLAGS]"
      case .allocMax: return "alloc-max SIZE ALIGN MAX [FLAGS]"
      case .free: return "free BASE SIZE [FLAGS]"
      case .freeSize: return "free-size ADDR"
      case .isReserved: return "is-reserved ADDR [FLAGS]"
      case .dump: return "dump"
      }
    }

    /// The operation for already-counted numbers and flags.
    func operation(_ n: [UInt64], _ flags: LMBFlags) -> Operation {
      switch self {
      case .add: return .add(base: n[0], size: n[1])
      case .reserve: return .reserve(base: n[0], size: n[1], flags: flags)
      case .alloc: return .alloc(size: n[0], align: n[1], flags: flags)
      case .allocMax: return .allocMax(size: n[0], align: n[1], max: n[2], flags: flags)
      case .free: return .free(base: n[0], size: n[1], flags: flags)
      case .freeSize: return .freeSize(address: n[0])
      case .isReserved: return .isReserved(address: n[0], flags: flags)
      case .dump: return .dump
      }
    }
  }
}
