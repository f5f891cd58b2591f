import FitlogitFuzzing
import Foundation
import FitlogitTestSupport
import Testing

/// The structured fuzz cases of fitlogit-fuzz (`model-types`,
/// `output-paths`), run on seeded choices in every `swift test`; the long
/// runs are `scripts/fuzz.sh model-types` and `scripts/fuzz.sh output-paths`.
@Suite struct StructuredFuzzTests {
  /// 120 confused model files per seed (the ten points, iris, Titanic with
  /// its categories and scaler): each `predict` exits 0 with probabilities
  /// or 1 with one error line naming the model (or data) file, and both
  /// happen.
  @Test(arguments: [
    ("points", "data/points.csv"), ("iris", "data/iris.csv"), ("titanic", "fuzz/models/titanic-rows.csv"),
  ])
  func confusedModelFilesKeepThePromises(seed: String, data: String) throws {
    let text = try #require(FileManager.default.contents(atPath: packageRoot.appendingPathComponent("fuzz/models/\(seed).json").path))
    let cases = try ModelTypeConfusion(modelText: Array(text), dataPath: packageRoot.appendingPathComponent(data).path)
    let modelPath = temporaryDirectory() + "/model.json"
    var rng = SplitMix64(seed: 17)
    var statuses: [Int32: Int] = [:]
    for _ in 0..<120 {
      var choices = Choices((0..<12).map { _ in UInt8.random(in: 0...255, using: &rng) })
      let mutated = cases.mutated(&choices)
      let (status, broken) = cases.check(mutated, modelPath: modelPath)
      statuses[status, default: 0] += 1
      #expect(broken == [], "\(mutated)")
    }
    #expect(statuses[1, default: 0] > 60)
    #expect(statuses[0, default: 0] > 3)
  }

  /// The check itself fails on what it must catch: a NaN probability, a
  /// row that does not sum to 1, a two-line error, an error not naming the
  /// file, a status of 64.
  @Test func theModelCheckCatchesBrokenPromises() {
    let check = ModelTypeConfusion.brokenPromises
    #expect(check(0, "a,b\n0.5,0.5\n", "", ["m.json"]) == [])
    #expect(check(0, "a,b\nnan,0.5\n", "", ["m.json"]) == ["not probabilities: nan,0.5"])
    #expect(check(0, "a,b\n0.5,0.6\n", "", ["m.json"]) == ["not probabilities: 0.5,0.6"])
    #expect(check(1, "", "fitlogit: error: m.json: x\ny\n", ["m.json"])
      == ["error is not one line naming the file: fitlogit: error: m.json: x\ny\n"])
    #expect(check(1, "", "fitlogit: error: d.csv: x\n", ["m.json", "d.csv"]) == [])
    #expect(check(1, "", "fitlogit: error: e.csv: x\n", ["m.json", "d.csv"])
      == ["error is not one line naming the file: fitlogit: error: e.csv: x\n"])
    #expect(check(64, "", "fitlogit: error: x\n", ["m.json"]) == ["exit 64: fitlogit: error: x\n"])
  }

  /// 40 output paths built from links to the input, a dangling link, a
  /// directory, read-only and private files, `.`, `/dev/null`, long and
  /// escaped names, for `--save`, `--plot` and both: the input never
  /// changes, no temporary is left, errors are one line, and every model a
  /// run saved reads back.
  @Test func outputPathsKeepThePromises() throws {
    let parent = temporaryDirectory()
    var rng = SplitMix64(seed: 29)
    var statuses: [Int32: Int] = [:]
    for _ in 0..<40 {
      let paths = try OutputPaths(parent: parent, csv: articleCSV)
      var choices = Choices((0..<10).map { _ in UInt8.random(in: 0...255, using: &rng) })
      let arguments = paths.arguments(&choices)
      let (status, broken) = paths.check(arguments)
      statuses[status, default: 0] += 1
      #expect(broken == [], "\(arguments.dropFirst(2))")
      paths.remove()
    }
    #expect(statuses[0, default: 0] > 5)
    #expect(statuses[1, default: 0] > 5)
  }
}
