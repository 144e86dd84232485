/// What a U-Boot console capture says about a tree: the lines `check-log` compares.
public enum UBootLog {
  /// The start of the line `boot_fdt_add_mem_rsv_regions` prints for a refused region.
  public static let errorPrefix = "ERROR: reserving fdt memory region failed"

  /// True when the text is U-Boot's console output: its banner (`U-Boot 2026.10-rc5-1 (...)`)
  /// or one of its reservation ERROR lines.
  public static func isUBootLog(_ text: String) -> Bool {
    text.contains(errorPrefix) || lines(text).contains { $0.hasPrefix("U-Boot 20") }
  }

  /// U-Boot's reservation ERROR lines in order, CR line ends and terminal escapes removed.
  public static func errorLines(ofLog text: String) -> [String] {
    lines(text).filter { $0.hasPrefix(errorPrefix) }
  }

  static func lines(_ text: String) -> [String] {
    SerialText.lines(text).filter { !$0.isEmpty }
  }
}
