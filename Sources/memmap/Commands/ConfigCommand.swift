import ArgumentParser
import MemoryMap

extension MemmapCommand {
  /// `memmap config --explain FILE...`: the settings that apply to each file and where each
  /// came from; without `--explain`, checks the config file that applies here.
  struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "config",
      abstract: "Check .memmap.yml, or explain which settings apply to a tree and why.")

    @Flag(help: "For each file, print every setting, its value and where it came from.")
    var explain = false

    @Argument(help: "Device trees to explain (with --explain).")
    var files: [String] = []

    @OptionGroup var model: ModelOptions

    func validate() throws {
      if explain && files.isEmpty { throw ValidationError("--explain needs the files to explain") }
      if !explain && !files.isEmpty { throw ValidationError("files are explained with --explain") }
    }

    func run() throws {
      let settings = try RunSettings(model: model, input: nil).settings
      guard explain else {
        let config = try settings.config(for: "./-")
        try Diagnostics.write(config.map { "\($0.path): ok\n" } ?? "no \(Settings.fileName) here or above\n")
        return
      }
      for file in files {
        try Diagnostics.write(ConfigRenderer.explain(try settings.resolve(file)))
      }
    }
  }
}
