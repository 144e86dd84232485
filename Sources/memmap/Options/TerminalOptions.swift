#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ArgumentParser

/// `--color`: ANSI colour on standard output, and the width tables are fitted to.
struct TerminalOptions: ParsableArguments {
  @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var color: ColourChoice = .auto

  /// Whether to colour standard output: `always` and `never` win over `NO_COLOR`, as the
  /// convention (no-color.org) wants of an explicit flag.
  var colour: Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto: return Diagnostics.colourWanted
    }
  }

  /// The width to fit tables to: `COLUMNS` when set, else the terminal's when standard output
  /// is one; nil (no limit) for pipes and files, so that scripts get whole cells.
  var width: Int? {
    if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 {
      return columns
    }
    guard isatty(1) == 1 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  var style: Style { Style(enabled: colour) }
}

/// The values of `--color`.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
  case auto
  case always
  case never
}
