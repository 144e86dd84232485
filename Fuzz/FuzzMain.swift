import DeviceTree
import MemoryMap

/// libFuzzer's entry point: one input is one device tree blob, run through everything
/// `memmap inspect` does with a file (load and check, the model under both kernel profiles,
/// every inspect renderer, the lint renderers).
///
/// Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address`, never by SwiftPM. A crash, a
/// sanitizer report or a timeout is a bug; a thrown `DeviceTreeError` is the expected answer
/// to a broken blob, and its one-line text must not contain a newline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  FuzzPipeline.run(bytes)
  return 0
}

/// The whole path for one input, under the option sets most likely to reach different code.
enum FuzzPipeline {
  static let optionSets: [MapOptions] = [
    MapOptions(),
    MapOptions(
      profile: .v6_1,
      inputs: KernelInputs(
        memory: [AddressRange(base: 0x4000_0000, size: 0x8000_0000)],
        reservations: [BootReservation(name: "kernel", range: AddressRange(base: 0x4020_0000, size: 0x200_0000))]),
      impliedBootLayout: false),
  ]

  static func run(_ bytes: [UInt8]) {
    let blob: DeviceTreeBlob
    do {
      blob = try DeviceTreeBlob(bytes: bytes, file: "fuzz.dtb")
    } catch {
      requireOneLine(ErrorText.line(for: error))
      return
    }
    var reports: [MapReport] = []
    for options in optionSets {
      do {
        reports.append(try MapReport.make(blob, options: options))
      } catch {
        requireOneLine(ErrorText.line(for: error))
      }
    }
    for report in reports {
      _ = TableRenderer.render(report, colour: true)
      _ = KernelLogRenderer.render(report.kernel)
      _ = UBootRenderer.boot(report.uboot)
    }
    _ = JSONRenderer.render(reports)
    let lint = LintReport(
      files: reports.map { LintedFile($0, path: $0.file, selection: .all) },
      selection: .all, kernel: "6.12")
    _ = LintTextRenderer.render(lint)
    _ = LintJSONRenderer.render(lint)
    _ = SARIFRenderer.render(lint)
  }

  /// Traps (so libFuzzer records the input) when an error's text spans several lines.
  static func requireOneLine(_ text: String) {
    precondition(!text.contains("\n"), "error text has a newline: \(text)")
  }
}
