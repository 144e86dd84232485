/// Running a parsed script against an LMB value, keeping every call's answer as a value.
extension LMBScript {
  /// What one line's U-Boot call answered.
  public enum Outcome: Hashable, Sendable {
    /// The status of `lmb_add`, `lmb_free` or a fixed-address `lmb_alloc_mem`.
    case status(LMBStatus)
    /// The result of an `LMB_MEM_ALLOC_ANY` or `LMB_MEM_ALLOC_MAX` allocation.
    case allocation(LMBAllocation)
    /// The size `lmb_get_free_size` returned.
    case size(UInt64)
    /// What `lmb_is_reserved_flags` returned (1 or 0).
    case reserved(Bool)
    /// The map at a `dump` line.
    case dump(LMB)
  }

  /// One executed line and its answer.
  public struct Step: Hashable, Sendable {
    public var line: Line
    public var outcome: Outcome
  }

  /// Every step of a run and the map it left.
  public struct Run: Hashable, Sendable {
    public var steps: [Step]
    public var final: LMB
  }

  /// Runs every line in order, starting from `lmb` (empty lists by default).
  public func run(from lmb: LMB = LMB()) -> Run {
    var steps: [Step] = []
    let final = run(from: lmb) { steps.append($0) }
    return Run(steps: steps, final: final)
  }

  /// Runs every line in order and hands each step to `each` as it happens, keeping none: a
  /// script of 100,000 dumps needs the memory of one map, not of 100,000.
  public func run<E: Error>(from lmb: LMB = LMB(), each: (Step) throws(E) -> Void) throws(E) -> LMB {
    var state = lmb
    for line in lines { try each(Step(line: line, outcome: state.perform(line.operation))) }
    return state
  }
}

extension LMB {
  /// Makes the U-Boot call a script operation names and returns its answer.
  public mutating func perform(_ operation: LMBScript.Operation) -> LMBScript.Outcome {
    switch operation {
    case .add(let base, let size):
      return .status(add(base: base, size: size))
    case .reserve(let base, let size, let flags):
      return .status(reserve(base: base, size: size, flags: flags))
    case .alloc(let size, let align, let flags):
      return .allocation(allocate(.any, size: size, align: align, flags: flags))
    case .allocMax(let size, let align, let max, let flags):
      return .allocation(allocate(.max(max), size: size, align: align, flags: flags))
    case .free(let base, let size, let flags):
      return .status(free(base: base, size: size, flags: flags))
    case .freeSize(let address):
      return .size(freeSize(at: address))
    case .isReserved(let address, let flags):
      return .reserved(isReserved(address, flags: flags))
    case .dump:
      return .dump(self)
    }
  }
}
