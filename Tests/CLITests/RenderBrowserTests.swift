import Foundation
import Testing
import TestSupport

@testable import memmap

/// The HTML page in a real browser: headless Chromium (Debian's `chromium`, which `make deps`
/// installs) takes a screenshot, and the picture must not be blank. A missing browser fails the
/// test rather than skipping it, so that CI cannot pass without looking.
@Suite struct RenderBrowserTests {
  /// Decodes an 8-bit RGB or RGBA PNG with zlib alone and prints: distinct colours, the share
  /// of non-white pixels, and the pixels close to the static-region and free-RAM colours.
  static let pngStatistics = #"""
    import struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
    assert depth == 8 and ctype in (2, 6) and interlace == 0, 'unexpected PNG layout'
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    prev, i = bytearray(stride), 0
    counts = {}
    for y in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        if f == 1:
            for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
        elif f == 2:
            line = bytearray((u + v) & 255 for u, v in zip(line, prev))
        elif f == 3:
            for x in range(stride): line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
        elif f == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            px = bytes(line[x:x + 3])
            counts[px] = counts.get(px, 0) + 1
        prev = line
    def near(rgb):
        return sum(n for px, n in counts.items() if all(abs(px[k] - rgb[k]) <= 3 for k in range(3)))
    white = counts.get(b'\xff\xff\xff', 0)
    print(len(counts), round(1 - white / (w * h), 4), near((0x8f, 0xb8, 0xde)), near((0xe4, 0xf4, 0xdc)))
    """#

  /// The first `name` on `PATH` that can be executed.
  static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs a program, killing it after `seconds`; returns its standard output and status.
  static func run(_ program: String, _ arguments: [String], seconds: Double) throws -> (String, Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning { process.terminate() }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (text, process.terminationStatus)
  }

  /// Writes the example board's page (with `extraScript` run after the page's own) to a fresh
  /// folder and runs headless Chromium on it with `arguments`; returns the folder and the output.
  static func chromium(_ arguments: [String], extraScript: String = "") throws -> (folder: String, output: String)? {
    guard let chromium = executable("chromium") else {
      Issue.record("chromium is not installed (make test-deps installs Debian's chromium package)")
      return nil
    }
    let folder = NSTemporaryDirectory() + "memmap-chromium-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let html = HTMLRenderer.render(try RenderGoldenTests.report("boards", "example-board"))
    try html.replacingOccurrences(of: "</script>", with: extraScript + "</script>")
      .write(toFile: folder + "/map.html", atomically: true, encoding: .utf8)
    let (output, _) = try run(chromium, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
      "--no-first-run", "--user-data-dir=\(folder)/profile",
    ] + arguments.map { $0.replacingOccurrences(of: "FOLDER", with: folder) } + ["file://\(folder)/map.html"],
      seconds: 120)
    return (folder, output)
  }

  @Test("hovering a region fills the details box and highlights the region's table row")
  func hover() throws {
    // The first region drawn is tfa (lanes are drawn in order), the table's second row.
    let probe = "var g = document.querySelector('g.region'); g.dispatchEvent(new MouseEvent('mouseenter'));"
      + "document.body.setAttribute('data-probe', document.querySelector('tr.hover').id + '|'"
      + " + document.getElementById('details').textContent.split('\\n')[0]);\n"
    guard let (folder, dom) = try Self.chromium(["--dump-dom"], extraScript: probe) else { return }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(dom.contains("data-probe=\"row-1|tfa@80000000\""))
  }

  @Test("the example board's page renders in headless Chromium to a picture that is not blank")
  func screenshot() throws {
    guard let (folder, _) = try Self.chromium(["--window-size=900,1000", "--screenshot=FOLDER/map.png"]) else {
      return
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let png = folder + "/map.png"
    #expect(FileManager.default.fileExists(atPath: png), "chromium wrote no screenshot")
    guard FileManager.default.fileExists(atPath: png) else { return }
    let (output, status) = try Self.run("/usr/bin/env", ["python3", "-c", Self.pngStatistics, png], seconds: 120)
    #expect(status == 0)
    let numbers = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    try #require(numbers.count == 4, "unexpected statistics: \(output)")
    #expect(numbers[0] >= 16, "only \(numbers[0]) colours: the page looks blank")
    #expect(numbers[1] >= 0.05, "only \(numbers[1]) of the pixels are not white")
    #expect(numbers[2] >= 500, "the static-region colour is missing")
    #expect(numbers[3] >= 500, "the free-RAM colour is missing")
  }
}
