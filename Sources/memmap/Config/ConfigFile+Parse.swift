import MemoryMap
import Yams

extension ConfigFile {
  /// Checks `text` as the config file at `path` in `folder`: unknown keys, values of the wrong
  /// shape or out of range, unknown rules and suppressions without a reason are errors with
  /// the line they are on.
  init(text: String, path: String, folder: String) throws(ConfigError) {
    self.init(path: path, folder: folder)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw InputError(file: path, line: Self.line(of: error), problem: "not YAML: \(Self.problem(of: error))")
    } catch {
      throw InputError(file: path, line: nil, problem: "not YAML")
    }
    guard let root else { return }  // an empty file sets nothing
    let top = try mapping(root, what: "the file")
    for (key, value) in top {
      switch key.text {
      case "boards":
        for (index, item) in try sequence(value, what: "boards").enumerated() {
          boards.append(try board(item, index: index))
        }
      case "suppress":
        for item in try sequence(value, what: "suppress") { suppressions.append(try suppression(item)) }
      case "enable": enable = try rules(value, key: "enable")
      case "disable": disable = try rules(value, key: "disable")
      default:
        defaults[key.text] = try setting(key, value, extra: ["boards", "suppress", "enable", "disable"])
      }
    }
  }

  /// A key of `node` and its value, with the key's line; duplicate keys are errors.
  typealias Entry = (key: (text: String, line: Int), value: Node)

  func mapping(_ node: Node, what: String) throws(ConfigError) -> [Entry] {
    guard let map = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
    var seen: Set<String> = []
    var out: [Entry] = []
    for (key, value) in map {
      guard let text = key.scalar?.string else { throw error(key, "a key must be a plain word") }
      guard seen.insert(text).inserted else { throw error(key, "'\(text)' is given twice") }
      out.append(((text, line(key)), value))
    }
    return out
  }

  func sequence(_ node: Node, what: String) throws(ConfigError) -> [Node] {
    guard let list = node.sequence else { throw error(node, "\(what) must be a list") }
    return Array(list)
  }

  /// The scalar values of `node`: one scalar, or a list of scalars when `list` allows it.
  func scalars(_ node: Node, key: String, list: Bool) throws(ConfigError) -> [String] {
    if let scalar = node.scalar { return [scalar.string] }
    guard list, let items = node.sequence else {
      throw error(node, "\(key) takes \(list ? "a value or a list of values" : "one value")")
    }
    var out: [String] = []
    for item in items {
      guard let scalar = item.scalar else { throw error(item, "\(key): each entry must be a value") }
      out.append(scalar.string)
    }
    return out
  }

  /// A setting key and its checked values.
  func setting(_ key: (text: String, line: Int), _ value: Node, extra: [String]) throws(ConfigError)
    -> ConfigValue
  {
    guard let setting = SettingKey.named(key.text) else {
      throw InputError(file: path, line: key.line,
        problem: "unknown key '\(key.text)' (known: \((SettingKey.names + extra).joined(separator: ", ")))")
    }
    let values = try scalars(value, key: key.text, list: setting.isList)
    for text in values where !setting.isValid(text) {
      throw error(value, "\(key.text): '\(text)' is not \(setting.expected)")
    }
    return ConfigValue(values: values, line: key.line)
  }

  func board(_ node: Node, index: Int) throws(ConfigError) -> Board {
    var match: Glob?
    var settings: [String: ConfigValue] = [:]
    for (key, value) in try mapping(node, what: "a board entry") {
      if key.text == "match" {
        match = Glob(pattern: try scalars(value, key: "match", list: false)[0])
      } else {
        settings[key.text] = try setting(key, value, extra: ["match"])
      }
    }
    guard let match else { throw error(node, "a board entry needs match: a file pattern") }
    return Board(index: index, match: match, line: line(node), settings: settings)
  }

  func suppression(_ node: Node) throws(ConfigError) -> Suppression {
    var fields: [String: String] = [:]
    for (key, value) in try mapping(node, what: "a suppress entry") {
      guard ["rule", "node", "files", "reason"].contains(key.text) else {
        throw InputError(file: path, line: key.line,
          problem: "unknown key '\(key.text)' in suppress (known: rule, node, files, reason)")
      }
      fields[key.text] = try scalars(value, key: key.text, list: false)[0]
    }
    guard let name = fields["rule"], let rule = RuleCatalogue.rule(name) else {
      throw error(node, "suppress needs rule: a known rule id or name (see `memmap rules`)")
    }
    guard let path = fields["node"], path.hasPrefix("/") else {
      throw error(node, "suppress needs node: the full path the finding is reported at")
    }
    guard let reason = fields["reason"], !reason.allSatisfy(\.isWhitespace) else {
      throw error(node, "suppress needs reason: why the finding is accepted")
    }
    return Suppression(
      suppression: FindingSuppression(rule: rule.id, node: path, reason: reason),
      files: fields["files"].map(Glob.init), line: line(node))
  }

  func rules(_ node: Node, key: String) throws(ConfigError) -> ConfigValue {
    let names = try scalars(node, key: key, list: true)
    for name in names where RuleCatalogue.rule(name) == nil {
      throw error(node, "\(key): unknown rule '\(name)' (see `memmap rules`)")
    }
    return ConfigValue(values: names, line: line(node))
  }

  // MARK: - Lines

  func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

  func error(_ node: Node, _ message: String) -> ConfigError {
    InputError(file: path, line: line(node), problem: message)
  }

  static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    case .duplicatedKeysInMapping(_, let context): return context.mark.line
    default: return nil
    }
  }

  static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
      return problem
    case .duplicatedKeysInMapping(let keys, _):
      return "'\(keys.joined(separator: "', '"))' given twice"
    default: return "cannot read it"
    }
  }
}
