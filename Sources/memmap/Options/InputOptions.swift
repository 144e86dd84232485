import ArgumentParser

/// `--include` and `--overlay`: how source input is preprocessed and what is applied to each tree.
struct InputOptions: ParsableArguments {
  @Option(name: .customLong("include"),
          help: ArgumentHelp("Folder for #include <...> and /include/ in source input, after the file's own (repeatable).",
                             valueName: "DIR"))
  var includes: [String] = []

  @Option(name: .customLong("overlay"),
          help: ArgumentHelp("Overlay (.dtbo or its source) applied to every tree, in the order given (repeatable).",
                             valueName: "FILE"))
  var overlays: [String] = []
}
