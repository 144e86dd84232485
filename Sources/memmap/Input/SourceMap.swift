#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import DeviceTree
import MemoryMap

/// Where each node and property of a compiled tree was written, read from dtc's annotated
/// output (`dtc -T -T -O dts`), which ends each line with `/* file:line:col-line:col, ... */`
/// naming the original files through cpp's line markers.
struct SourceMap: Sendable {
  /// Node path to the places it was written, first definition first.
  private(set) var nodes: [String: [SourceLocation]] = [:]
  /// `path\0property` to the place of the value that won.
  private(set) var properties: [String: SourceLocation] = [:]

  init(annotated text: String) {
    var stack: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let (statement, places) = Self.split(line)
      if statement == "};" {
        stack.removeLast(stack.isEmpty ? 0 : 1)
      } else if statement.hasSuffix("{") {
        let name = Self.name(in: statement.dropLast())
        let path = stack.isEmpty || name == "/" ? "/" : (stack.last == "/" ? "" : stack.last!) + "/" + name
        stack.append(path)
        if !places.isEmpty { nodes[path] = places }
      } else if statement.hasSuffix(";"), let path = stack.last, let place = places.last {
        let head = statement.prefix { $0 != "=" && $0 != ";" }
        properties[path + "\u{0}" + Self.name(in: head)] = place
      }
    }
    var lines = SourceLines()
    nodes = nodes.mapValues { places in [lines.statementStart(places[0])] + places.dropFirst() }
  }

  /// Where a finding about `path` (and `property`, when set and known) should point: the
  /// property's value, else the node's first definition.
  func location(node path: String, property: String?) -> SourceLocation? {
    if let property, let place = properties[path + "\u{0}" + property] { return place }
    return nodes[path]?.first
  }

  /// A line without its trailing annotation, trimmed, and the annotation's places.
  private static func split(_ line: Substring) -> (String, [SourceLocation]) {
    let trimmed = line.trimmingSpaces
    // A string value may itself hold " /* ", so the annotation is the last one on the line.
    let bytes = Array(trimmed.utf8)
    let opener = Array(" /* ".utf8)
    guard trimmed.hasSuffix(" */"),
      let open = stride(from: bytes.count - opener.count, through: 0, by: -1).first(where: {
        bytes[$0..<$0 + opener.count].elementsEqual(opener)
      })
    else { return (trimmed, []) }
    let comment = String(decoding: bytes[(open + opener.count)..<(bytes.count - 3)], as: UTF8.self)
    let places = comment.split(separator: ",").compactMap { place($0.trimmingSpaces) }
    return (String(decoding: bytes[..<open], as: UTF8.self).trimmingSpaces, places)
  }

  /// `file:line:col-line:col` as its start; nil for dtc's `<no-file>` and anything else.
  private static func place(_ text: String) -> SourceLocation? {
    // File names may hold '-' too; the range's end follows the last one.
    let start = text[..<(text.lastIndex(of: "-") ?? text.endIndex)]
    let parts = start.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1])
    else { return nil }
    let file = parts.dropLast(2).joined(separator: ":")
    guard !file.hasPrefix("<") else { return nil }
    return SourceLocation(file: file, line: line, column: column)
  }

  /// The node or property name in a statement's head, after any `label:`s.
  private static func name(in head: Substring) -> String {
    let words = head.split(separator: " ").filter { !$0.hasSuffix(":") }
    return words.first.map(String.init) ?? ""
  }
}

/// The lines of the source files a map names, read once each, to move a node's place from
/// its `{` (where dtc puts it) to the start of its statement (`label: name@unit {`).
private struct SourceLines {
  private var files: [String: [Substring]] = [:]

  mutating func statementStart(_ place: SourceLocation) -> SourceLocation {
    if files[place.file] == nil {
      let bytes = (try? FileBytes.read(path: place.file, limit: 64 << 20)) ?? []
      files[place.file] = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
    guard let lines = files[place.file], place.line >= 1, place.line <= lines.count else { return place }
    let text = lines[place.line - 1].utf8
    guard let first = text.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
      return place
    }
    let column = text.distance(from: text.startIndex, to: first) + 1
    var moved = place
    if column < place.column { moved.column = column }
    return moved
  }
}

extension SourceMap {
  /// `finding` with the place of its first node (or of its property) filled in.
  func locate(_ finding: Finding) -> Finding {
    var located = finding
    if let node = finding.nodes.first { located.location = location(node: node, property: finding.property) }
    return located
  }
}
