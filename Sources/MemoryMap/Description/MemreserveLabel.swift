/// The names of a `/memreserve/` entry, each spelled here only. They differ by role, and the
/// outputs users script against keep each: a region's name in the table and the JSON, a node
/// path where findings name nodes (`nodes`, SARIF locations, suppressions, baselines), and
/// the words of a sentence.
public enum MemreserveLabel {
  /// `memreserve[2]`: the entry as a region of the map.
  public static func regionName(_ index: Int) -> String { "memreserve[\(index)]" }

  /// `/memreserve/[2]`: the entry where a finding names the node it is about.
  public static func nodePath(_ index: Int) -> String { "/memreserve/[\(index)]" }

  /// `/memreserve/ entry 2`: the entry in a sentence.
  public static func phrase(_ index: Int) -> String { "\(noun) \(index)" }

  /// `/memreserve/ entry`: the kind in a sentence.
  public static let noun = "/memreserve/ entry"
}
