/// The names U-Boot's dump and memmap's scripts give the flags.
extension LMBFlags {
  /// The script and dump names of the named flags, lowest bit first (U-Boot's dump names).
  public static let names: [(flag: LMBFlags, name: String)] = [
    (.noMap, "no-map"), (.noOverwrite, "no-overwrite"), (.noNotify, "no-notify"),
  ]

  /// Parses `none` or a comma-joined list of flag names.
  static func parse(_ word: String) -> Result<LMBFlags, LMBScriptError.Reason> {
    if word == "none" { return .success(.none) }
    var flags = LMBFlags.none
    for item in word.split(separator: ",", omittingEmptySubsequences: false) {
      guard let entry = names.first(where: { $0.name == item }) else {
        return .failure(.badFlag(String(item)))
      }
      flags.insert(entry.flag)
    }
    return .success(flags)
  }
}
