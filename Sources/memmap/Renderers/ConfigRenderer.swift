import MemoryMap

/// `memmap config --explain`: a file's settings, one row each, with where each came from.
enum ConfigRenderer {
  static func explain(_ settings: FileSettings) -> String {
    let out = VisibleText.escape(settings.file + ": " + (settings.config.map { "config \($0.path)" } ?? "no config file")) + "\n"
    var table = TextTable(["SETTING", "VALUE", "FROM"])
    for setting in settings.settings {
      var from = origin(setting.origin)
      if setting.origin == .unset, let meaning = setting.key.whenUnset { from += ": " + meaning }
      table.add([setting.key.name, setting.values.isEmpty ? "-" : setting.values.joined(separator: " "), from])
    }
    for (name, list) in [("enable", settings.config?.enable), ("disable", settings.config?.disable)] {
      guard let list, let config = settings.config else { continue }
      table.add([name, list.values.joined(separator: " "),
                 config.location(list.line) + " (unless --\(name) is given)"])
    }
    for item in settings.suppressions {
      let s = item.suppression
      table.add(["suppress", "\(s.rule) \(s.node)", settings.config!.location(item.line) + ": " + s.reason])
    }
    return out + table.render()
  }

  static func origin(_ origin: SettingOrigin) -> String {
    switch origin {
    case .flag: return "command line"
    case .config(let location, _, let scope): return "\(location) (\(scope))"
    case .builtIn: return "built-in default"
    case .unset: return "not set"
    }
  }
}
