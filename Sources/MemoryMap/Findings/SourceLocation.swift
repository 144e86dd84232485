/// A place in a device-tree source file: where a node or property was written.
///
/// Lines and columns count from 1; a column counts bytes, a tab as one, as dtc and GCC do.
public struct SourceLocation: Hashable, Sendable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}
