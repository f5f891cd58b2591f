// Fuzz targets for the parsers that read user input. Built two ways:
//
//   scripts/fuzz.sh csv 600      libFuzzer (-sanitize=fuzzer,address), -D FUZZING
//   swift run fitlogit-fuzz csv FILE...   replays saved inputs, no sanitizer
//
// Any trap (index out of range, overflow, precondition) is a bug: user
// input must end in a value or a positioned error.
import FitlogitCLI
import FitlogitCore
import FitlogitData
import FitlogitFuzzing
import FitlogitSystem

/// Which parser `LLVMFuzzerTestOneInput` feeds; set from FITLOGIT_FUZZ_TARGET.
nonisolated(unsafe) var target = FuzzTarget.csv

enum FuzzTarget: String, CaseIterable {
  case csv, arguments, model, modelTypes = "model-types", outputPaths = "output-paths"

  func run(_ bytes: UnsafeRawBufferPointer) {
    switch self {
    case .csv:
      _ = try? Dataset(csv: Array(bytes), file: "fuzz.csv")
      if let header = bytes.firstIndex(of: UInt8(ascii: "\n")) {
        let names = String(decoding: bytes[..<header], as: UTF8.self)
          .split(separator: ",").prefix(3).map(String.init)
        _ = try? Matrix(csv: Array(bytes), file: "fuzz.csv", columns: names)
      }
    case .arguments:
      // NUL-separated words that never touch real files: every word that
      // could be a path is moved under a directory that does not exist, and
      // options that write are dropped.
      let commands: Set = ["fit", "predict", "loss", "summary", "help"]
      let words = bytes.split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
        .filter { !$0.hasPrefix("--save") && !$0.hasPrefix("--plot") }
        .map { $0.hasPrefix("-") || commands.contains($0) ? $0 : "/nonexistent/" + $0 }
      var out = ""
      var err = ""
      _ = FitlogitCLI.run(words, stdout: &out, stderr: &err)
    case .model:
      _ = try? ModelFile.decode(Array(bytes))
    case .modelTypes:
      var choices = Choices(Array(bytes))
      let seed = choices.element(of: seeds)
      let broken = seed.check(seed.mutated(&choices), modelPath: scratch + "/model.json").broken
      if !broken.isEmpty { fatalError("model-types: \(broken)") }
    case .outputPaths:
      var choices = Choices(Array(bytes))
      guard let paths = try? OutputPaths(parent: scratch, csv: points) else {
        fatalError("output-paths: cannot make the fixture under \(scratch)")
      }
      defer { paths.remove() }
      let broken = paths.check(paths.arguments(&choices)).broken
      if !broken.isEmpty { fatalError("output-paths: \(broken)") }
    }
  }
}

/// The valid model files that `model-types` confuses, each with data its
/// predict reads (fuzz/models/: the ten points, iris's three classes, and
/// Titanic's categories and scaler); paths from the package root, where
/// scripts/fuzz.sh runs.
let seeds: [ModelTypeConfusion] = [
  ("points", "data/points.csv"), ("iris", "data/iris.csv"), ("titanic", "fuzz/models/titanic-rows.csv"),
].compactMap { name, data in
  try? ModelTypeConfusion(modelText: readAll("fuzz/models/\(name).json"), dataPath: data)
}

let points = String(decoding: readAll("data/points.csv"), as: UTF8.self)

/// Where the structured targets write their files (one per process).
let scratch = scratchDirectory(under: "fuzz/work")

/// A whole file, for replaying saved inputs.
func readAll(_ path: String) -> [UInt8] {
  (try? readWholeFile(path)) ?? []
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    target.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
  }

  typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: TestOneInput
  ) -> Int32

  /// SwiftPM links an executable's `main` to `<module>_main`; hand control
  /// to libFuzzer's driver from there.
  @_cdecl("fitlogit_fuzz_main")
  public func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> Int32 {
    var count = argc
    var vector = argv
    if let name = environmentValue("FITLOGIT_FUZZ_TARGET"),
      let t = FuzzTarget(rawValue: name)
    {
      target = t
    }
    return runDriver(&count, &vector, testOneInput)
  }
#else
  @main
  struct Replay {
    /// `fitlogit-fuzz TARGET FILE...`: runs each saved input once.
    static func main() {
      let args = CommandLine.arguments.dropFirst()
      guard let name = args.first, let t = FuzzTarget(rawValue: name) else {
        print("usage: fitlogit-fuzz csv|arguments|model|model-types|output-paths FILE...")
        return
      }
      for path in args.dropFirst() {
        let bytes = readAll(path)
        bytes.withUnsafeBytes { t.run($0) }
        print("ok \(path)")
      }
    }
  }
#endif
