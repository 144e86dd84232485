import MemoryMap

/// `memmap render -o map.html`: one self-contained page (inline SVG, CSS and a few lines of
/// script; nothing is fetched) with the picture, the table and the findings. Hovering a region
/// shows its details in a box and highlights its table row; the SVG's `<title>`s give the same
/// text as tooltips.
enum HTMLRenderer {
  /// The page of one map: the picture, the inspect table of reserved regions, the findings.
  static func render(_ report: MapReport) -> String {
    let table = TableRenderer.regions(report)
    var body = SVGRenderer.svg(MapPicture(report))
    body += "<h2>Reserved regions</h2>\n" + table.renderHTML(rowIDs: table.rows.indices.map { "row-\($0)" })
    let findings = report.findings.map { finding in
      "\(finding.severity.rawValue): " + FindingLine.text(finding)
    }
    body += list("Findings", findings)
    return page(title: "memmap: \(report.file)", body: body)
  }

  /// The page of a diff: both maps, then the changes as `memmap diff` lists them.
  static func render(_ diff: MapDiff) -> String {
    var table = TextTable(["CHANGE", "REGION", "DETAILS"])
    for change in diff.regions {
      table.add([change.changes.map(\.rawValue).joined(separator: ","), change.label, DiffRenderer.details(change)])
    }
    var body = SVGRenderer.svg(diff) + "<h2>Regions</h2>\n"
    body += table.rows.isEmpty ? "<p>No region changed.</p>\n" : table.renderHTML()
    let findings = diff.findingsRemoved.map { "- " + FindingLine.text($0) }
      + diff.findingsAdded.map { "+ " + FindingLine.text($0) }
    body += list("Findings", findings)
    return page(title: "memmap: \(diff.a.file) -> \(diff.b.file)", body: body)
  }

  /// A heading and one list item per line; nothing when there are no lines.
  static func list(_ heading: String, _ lines: [String]) -> String {
    guard !lines.isEmpty else { return "" }
    return "<h2>\(XML.text(heading))</h2>\n<ul>\n" + lines.map { "<li>\(XML.text($0))</li>\n" }.joined() + "</ul>\n"
  }

  /// The document around `body`: styles, the details box, the hover script.
  static func page(title: String, body: String) -> String {
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>\(XML.text(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
      + "<pre id=\"details\">Hover a region for its details.</pre>\n"
      + body + "<script>\n\(script)</script>\n</body>\n</html>\n"
  }

  static let css = """
    body { font-family: \(PictureStyle.font); font-size: 12px; margin: 16px; color: #222222; background: #ffffff; }
    h2 { font-size: 14px; margin: 20px 0 6px; }
    svg { display: block; max-width: 100%; height: auto; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid #cccccc; padding: 2px 6px; text-align: left; white-space: nowrap; }
    th { background: #eeeeee; }
    td.num, th.num { text-align: right; }
    tr.hover td { background: #ffe9a8; }
    g.region:hover rect.block { stroke: #000000; stroke-width: 3; }
    g.region:hover text { text-decoration: underline; }
    #details { position: fixed; right: 12px; top: 12px; margin: 0; padding: 6px 8px; max-width: 480px;
      white-space: pre-wrap; background: #fffbe6; border: 1px solid #999999; font-size: 11px; }

    """

  /// Hovering a region fills the details box with its `<title>` and highlights its table row.
  static let script = """
    document.querySelectorAll('g.region').forEach(function (g) {
      var row = document.getElementById('row-' + g.getAttribute('data-row'));
      var details = document.getElementById('details');
      g.addEventListener('mouseenter', function () {
        details.textContent = g.querySelector('title').textContent;
        if (row) { row.classList.add('hover'); }
      });
      g.addEventListener('mouseleave', function () { if (row) { row.classList.remove('hover'); } });
    });

    """
}
