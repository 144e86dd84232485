import DeviceTree
import FoundationEssentials

/// Why an input could not be used, in one line: the file, the line when one is to blame, and
/// the problem (`dmesg.txt: cannot read: No such file or directory`, `map.txt:12: bad
/// attribute`). Kernel logs, LMB scripts, EFI maps, saved inspect documents, baselines and a
/// live board's files fail with it; a device tree fails with `DeviceTreeError`, which a command
/// that reads both kinds (diff, render) carries in the same shape. The run exits 2; commands
/// that read many inputs go on with the others.
struct InputError: Error, Equatable, LocalizedError, CustomStringConvertible {
  /// The file as given (`<stdin>` for a script on standard input).
  var file: String
  /// The line of the file the problem is on, from 1.
  var line: Int?
  var problem: String

  init(file: String, line: Int? = nil, problem: String) {
    self.file = file
    self.line = line
    self.problem = problem
  }

  /// A device tree's error, worded by `ErrorText`.
  init(_ error: DeviceTreeError) {
    self.init(file: error.file, problem: ErrorText.problem(for: error))
  }

  /// The line `memmap: error:` prints: `FILE[:LINE]: problem`.
  var text: String { file + (line.map { ":\($0)" } ?? "") + ": " + problem }
  var description: String { text }
  var errorDescription: String? { text }
}
