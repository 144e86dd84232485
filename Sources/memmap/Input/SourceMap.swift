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
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      let (statement, places) = Self.split(bytes[start..<end])
      start = end + 1
      guard let last = statement.last else { continue }
      if statement.elementsEqual("};".utf8) {
        stack.removeLast(stack.isEmpty ? 0 : 1)
      } else if last == UInt8(ascii: "{") {
        let name = Self.name(in: statement.dropLast())
        let path = stack.isEmpty || name == "/" ? "/" : (stack.last == "/" ? "" : stack.last!) + "/" + name
        stack.append(path)
        if !places.isEmpty { nodes[path] = places }
      } else if last == UInt8(ascii: ";"), let path = stack.last, let place = places.last {
        let head = statement.prefix { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ";") }
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

  /// A line without its trailing annotation, trimmed, and the annotation's places. Bytes,
  /// not Strings: an annotated tree has a line per node and property.
  private static func split(_ line: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, [SourceLocation]) {
    let trimmed = trim(line)
    // A string value may itself hold " /* ", so the annotation is the last one on the line.
    let (space, slash, star) = (UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: "*"))
    let end = trimmed.endIndex
    guard trimmed.count >= 7, trimmed[end - 3] == space, trimmed[end - 2] == star, trimmed[end - 1] == slash
    else { return (trimmed, []) }
    var open = end - 7
    while open >= trimmed.startIndex
      && !(trimmed[open] == space && trimmed[open + 1] == slash && trimmed[open + 2] == star && trimmed[open + 3] == space)
    {
      open -= 1
    }
    guard open >= trimmed.startIndex else { return (trimmed, []) }
    let comment = trimmed[(open + 4)..<(end - 3)]
    let places = comment.split(separator: UInt8(ascii: ",")).compactMap { place(trim($0)) }
    return (trim(trimmed[..<open]), places)
  }

  /// `bytes` without leading and trailing spaces and tabs.
  private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
      return bytes[bytes.startIndex..<bytes.startIndex]
    }
    return bytes[first...last]
  }

  /// `file:line:col-line:col` as its start; nil for dtc's `<no-file>` and anything else.
  private static func place(_ text: ArraySlice<UInt8>) -> SourceLocation? {
    // File names may hold '-' and ':' too; the range's end follows the last '-', and the line
    // and column are the last two ':' fields before it.
    let start = text[..<(text.lastIndex(of: UInt8(ascii: "-")) ?? text.endIndex)]
    guard let columnColon = start.lastIndex(of: UInt8(ascii: ":")),
      let lineColon = start[..<columnColon].lastIndex(of: UInt8(ascii: ":")),
      let line = Int(String(decoding: start[(lineColon + 1)..<columnColon], as: UTF8.self)),
      let column = Int(String(decoding: start[(columnColon + 1)...], as: UTF8.self)),
      start.first != UInt8(ascii: "<")
    else { return nil }
    return SourceLocation(file: String(decoding: start[..<lineColon], as: UTF8.self), line: line, column: column)
  }

  /// The node or property name in a statement's head, after any `label:`s.
  private static func name(in head: ArraySlice<UInt8>) -> String {
    let words = head.split(separator: UInt8(ascii: " ")).filter { $0.last != UInt8(ascii: ":") }
    return words.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
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
