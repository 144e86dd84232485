/// A finding as JSON: the object of inspect's and lint's `findings[]`, of a diff's `findings`,
/// and what `diff` and `render` read back from a saved inspect document. The keys are declared
/// here once, in sorted order, the order JSON lists them in.
extension Finding: Codable {
  public enum CodingKeys: String, CodingKey {
    case location, message, name, nodes, property, rule, severity
  }

  /// `rule` is the id and `name` the rule's name; `property` and `location` are there only
  /// when known.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(location, forKey: .location)
    try c.encode(message, forKey: .message)
    try c.encode(rule.name, forKey: .name)
    try c.encode(nodes, forKey: .nodes)
    try c.encodeIfPresent(property, forKey: .property)
    try c.encode(rule.id, forKey: .rule)
    try c.encode(severity, forKey: .severity)
  }

  /// Reads what `encode(to:)` wrote. The rule must be one of the catalogue's, under its own
  /// name: a finding memmap cannot name is refused, as a region kind it never writes is.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let id = try c.decode(String.self, forKey: .rule)
    let name = try c.decode(String.self, forKey: .name)
    guard let rule = RuleCatalogue.all.first(where: { $0.id == id }) else {
      throw DecodingError.dataCorruptedError(forKey: .rule, in: c, debugDescription: "no rule \(id)")
    }
    guard rule.name == name else {
      throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "\(id) is \(rule.name), not \(name)")
    }
    self.init(rule: rule, message: try c.decode(String.self, forKey: .message),
              nodes: try c.decode([String].self, forKey: .nodes),
              property: try c.decodeIfPresent(String.self, forKey: .property),
              severity: try c.decode(Severity.self, forKey: .severity))
    location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
  }
}

extension Severity: Codable {}

extension SourceLocation: Codable {
  /// In sorted order, the order JSON lists them in.
  public enum CodingKeys: String, CodingKey {
    case column, file, line
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(column, forKey: .column)
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(file: try c.decode(String.self, forKey: .file), line: try c.decode(Int.self, forKey: .line),
              column: try c.decode(Int.self, forKey: .column))
  }
}
