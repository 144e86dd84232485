import MemoryMap

/// The words for a report whose RAM is unknown (`MapReport.ramKnown`), said once per file.
enum RAMUnknownText {
  /// What the user can do about it.
  static let remedy =
    "the tree leaves /memory to the boot loader; give RAM with --memory BASE:SIZE, "
    + "memory: in .memmap.yml or --efi-map"

  /// The run note for a format that shows no findings: `board.dtb: note: RAM unknown: ...`.
  static func note(file: String) -> String {
    "\(VisibleText.escape(file)): note: RAM unknown: \(remedy); dynamic regions are not placed and the checks "
      + "that need RAM are skipped"
  }
}
