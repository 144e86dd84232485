/// A node's `status` property, decoded once, and what each consumer makes of it. Linux and
/// U-Boot compare it with `strcmp` but accept different words, and Linux 7.2 first asks libfdt
/// for it as a string, which a value without a NUL is not.
public struct NodeStatus: Hashable, Sendable {
  /// The text a C reader compares.
  public enum Word: Hashable, Sendable {
    /// No `status` property: the node is enabled.
    case absent
    /// `"okay"`.
    case okay
    /// `"ok"`: Linux accepts it, U-Boot does not.
    case ok
    /// Any other text (`"disabled"`, `"fail"` ...).
    case other(String)
  }

  public var word: Word
  /// False for a value with no NUL in it: `strcmp` reads on past it, and libfdt's
  /// `fdt_stringlist_get` finds no string in it.
  public var isTerminated: Bool

  public init(word: Word, isTerminated: Bool = true) {
    self.word = word
    self.isTerminated = isTerminated
  }

  /// No `status` property.
  public static let absent = NodeStatus(word: .absent)

  /// The status in `bytes` as `strcmp` reads it: the text up to the first NUL. For a value
  /// without a NUL, `bytes` is the value followed by what the blob holds after it (padding,
  /// then the next token, whose first byte is zero), where `strcmp` runs on to.
  public init(cString bytes: [UInt8], isTerminated: Bool) {
    let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    switch text {
    case "okay": word = .okay
    case "ok": word = .ok
    default: word = .other(text)
    }
    self.isTerminated = isTerminated
  }

  /// Whether Linux's early scan reads the node (`of_fdt_device_is_available`, used for
  /// `/memory` and `/reserved-memory` children alike): no `status`, `"okay"` or `"ok"`. From
  /// 7.2 the status is fetched with `fdt_stringlist_get`, which gives nothing for a value
  /// without a NUL, and nothing counts as no `status` (Fixtures/kernel/61-status-unterminated:
  /// 6.1 and 6.12 skip an unterminated "disabled", 7.2 reserves it).
  public func isAvailable(to version: KernelVersion) -> Bool {
    if !isTerminated && version.unterminatedStatusIsAbsent { return true }
    switch word {
    case .absent, .okay, .ok: return true
    case .other: return false
    }
  }

  /// Whether U-Boot reads the node: no `status` or exactly `"okay"` (`fdtdec_get_is_enabled`,
  /// lib/fdtdec.c); `"ok"` is disabled for it (Fixtures/uboot/13-status-ok).
  public var isEnabledForUBoot: Bool {
    switch word {
    case .absent, .okay: return true
    case .ok, .other: return false
    }
  }
}
