import FoundationEssentials
import MemoryMap

/// `memmap lint --format sarif`: a SARIF 2.1.0 log for code-scanning tools (GitHub's
/// `upload-sarif`), valid against the OASIS schema.
///
/// A DTB has no lines, so each result points at the file with `startLine` 1 (GitHub needs a
/// line to show an annotation) and names the nodes as logical locations; a tree built from
/// source points at the line and column where the node or property was written. Fingerprints are
/// memmap's own, because the upload action's line hashes cannot work on a binary file: see
/// `FindingFingerprint`.
enum SARIFRenderer {
  static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  struct Log: Encodable {
    var version = "2.1.0"
    var schema = SARIFRenderer.schemaURI
    var runs: [Run]
    enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
  }

  struct Run: Encodable {
    var tool: Tool
    var invocations: [Invocation]
    var results: [Result]
  }

  struct Tool: Encodable { var driver: Driver }

  struct Driver: Encodable {
    var name = ToolInfo.name
    var version = ToolInfo.version
    var semanticVersion = ToolInfo.version
    var rules: [Descriptor]
  }

  struct Descriptor: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
    var fullDescription: Text
    var defaultConfiguration: Configuration
    var help: Text
  }

  struct Text: Encodable { var text: String }
  struct Configuration: Encodable { var level: String }

  struct Invocation: Encodable {
    var executionSuccessful: Bool
    /// Load errors; absent when every file was read.
    var toolExecutionNotifications: [Notification]?
  }

  struct Notification: Encodable {
    var level = "error"
    var message: Text
    var locations: [Location]
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
    var partialFingerprints: [String: String]
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
    var logicalLocations: [LogicalLocation]?
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }

  struct ArtifactLocation: Encodable { var uri: String }
  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int?
  }

  struct LogicalLocation: Encodable {
    var name: String
    var fullyQualifiedName: String
    /// SARIF's kind for a node of a data document (as for a JSON object): `object`.
    var kind = "object"
  }

  static func render(_ report: LintReport) -> String { JSONRenderer.encode(log(report)) }

  static func log(_ report: LintReport) -> Log {
    let rules = report.selection.rules
    let unreadable = report.files.filter { $0.error != nil }
    let invocation = Invocation(
      executionSuccessful: unreadable.isEmpty,
      toolExecutionNotifications: unreadable.isEmpty ? nil : unreadable.map {
        Notification(message: Text(text: ErrorText.line(for: $0.error!)),
                     locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: uri($0.path))), logicalLocations: nil)])
      })
    let results = report.files.flatMap { Self.results($0, rules: rules) }
    return Log(runs: [Run(tool: Tool(driver: Driver(rules: rules.map(descriptor))),
                          invocations: [invocation], results: results)])
  }

  static func descriptor(_ rule: Rule) -> Descriptor {
    Descriptor(id: rule.id, name: rule.name, shortDescription: Text(text: rule.summary),
               fullDescription: Text(text: rule.summary + " " + rule.rationale),
               defaultConfiguration: Configuration(level: level(rule.defaultSeverity)),
               help: Text(text: "See \(ToolInfo.rulesDocument(rule)) in the memmap sources."))
  }

  /// A file's results, each with its `FindingFingerprint`.
  static func results(_ file: LintedFile, rules: [Rule]) -> [Result] {
    zip(file.findings, FindingFingerprint.all(file.findings, file: file.path)).map { finding, fingerprint in
      Result(
        ruleId: finding.rule.id, ruleIndex: rules.firstIndex(of: finding.rule) ?? 0,
        level: level(finding.severity), message: Text(text: finding.message),
        locations: [location(finding, file: file.path)],
        partialFingerprints: ["memmap/v1": fingerprint, "primaryLocationLineHash": fingerprint])
    }
  }

  static func location(_ finding: Finding, file: String) -> Location {
    Location(
      physicalLocation: PhysicalLocation(
        artifactLocation: ArtifactLocation(uri: uri(finding.location?.file ?? file)),
        region: Region(startLine: finding.location?.line ?? 1, startColumn: finding.location?.column)),
      logicalLocations: finding.nodes.map {
        LogicalLocation(name: String($0.split(separator: "/").last ?? "/"), fullyQualifiedName: $0)
      })
  }

  /// A file path as a URI reference: relative paths stay relative (GitHub resolves them against
  /// the repository), absolute ones become `file://` URIs; unsafe characters are %-encoded.
  static func uri(_ path: String) -> String {
    var encoded = ""
    for byte in path.utf8 {
      if uriPathAllowed.contains(byte) {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let digits = String(byte, radix: 16, uppercase: true)
        encoded += "%" + (digits.count == 1 ? "0" : "") + digits
      }
    }
    return path.hasPrefix("/") ? "file://" + encoded : encoded
  }

  /// RFC 3986 `pchar` plus `/`, without `:` (a first segment with `:` would read as a scheme).
  static let uriPathAllowed = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+;=@/".utf8)

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }
}
