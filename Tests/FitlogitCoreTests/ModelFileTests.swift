import Foundation
import FitlogitTestSupport
import Testing

import FitlogitCore
import FitlogitData

/// The model file through the library's public API: ``Fit/save(to:)``,
/// ``LogisticModel/init(contentsOf:)`` and errors as values.
@Suite struct ModelFileTests {
  private func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fitlogit-modelfile-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// A saved spam fit reloads to the same model, which still holds
  /// scikit-learn's coefficients (1e-9, as SklearnParityTests at the
  /// default tol).
  @Test func saveThenLoadGivesTheSameModel() throws {
    let g = GoldenFit.all.first { $0.dataset == "spam.csv" && $0.options.isEmpty }!
    let fit = LogisticRegression().fit(try g.data())
    let path = temporaryPath("model.json")
    try fit.save(to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == fit.encoded())
    #expect(text.hasPrefix(
      #"{"format": "fitlogit-model", "version": 1, "fitlogit": "0.1.0", "#
        + #""target": "label", "classes": ["ham", "spam"], "#
        + #""feature_names": ["links", "caps"], "coef": [["#))
    #expect(text.hasSuffix(
      #""options": {"penalty": "l2", "C": 1.0, "fit_intercept": true, "#
        + #""solver": "lbfgs", "tol": 0.0001, "max_iter": 100, "#
        + #""class_weight": null}, "n_iter": \#(g.nIter), "converged": true}"# + "\n"))
    let loaded = try LogisticModel(contentsOf: path)
    #expect(loaded == fit.model)
    for (a, b) in zip(Array(loaded.coef.row(0)) + loaded.intercept, g.coef[0] + g.intercept) {
      #expect(abs(a - b) <= 1e-9 * max(1, abs(b)))
    }
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: (path as NSString).deletingLastPathComponent)
    #expect(leftovers == ["model.json"])
  }

  @Test func textThatIsNotJSON() {
    #expect(throws: ModelFileError(
      kind: .notJSON, message: "not a JSON model file (byte 2: expected a key)")
    ) { try LogisticModel(json: Array("{".utf8)) }
  }

  @Test func jsonThatIsNotAModel() {
    #expect(throws: ModelFileError(
      kind: .notModel,
      message: #"not a fitlogit model file: "format" is "x", not "fitlogit-model""#)
    ) { try LogisticModel(json: Array(#"{"format": "x"}"#.utf8)) }
    let shortCoef = #"""
      {"format": "fitlogit-model", "version": 1, "classes": ["a", "b"], "feature_names": ["x", "y"],
       "coef": [[1.5]], "intercept": [0]}
      """#
    #expect(throws: ModelFileError(
      kind: .notModel,
      message: #""coef"[0]: expected 2 numbers, found 1"#)
    ) { try LogisticModel(json: Array(shortCoef.utf8)) }
  }

  @Test func errorsNameTheFile() throws {
    let missing = temporaryPath("missing.json")
    let error = #expect(throws: ModelFileError.self) { try LogisticModel(contentsOf: missing) }
    #expect(
      error == ModelFileError(kind: .file, path: missing, message: "no such file or directory"))
    #expect(error?.description == missing + ": no such file or directory")

    let directory = (missing as NSString).deletingLastPathComponent
    #expect(throws: ModelFileError(kind: .file, path: directory, message: "is a directory")) {
      try LogisticModel(contentsOf: directory)
    }

    let notJSON = temporaryPath("notes.json")
    try "hello\n".write(toFile: notJSON, atomically: true, encoding: .utf8)
    #expect(throws: ModelFileError(
      kind: .notJSON, path: notJSON,
      message: "not a JSON model file (byte 1: unexpected character)")
    ) { try LogisticModel(contentsOf: notJSON) }
  }

  /// A save that cannot write leaves nothing behind and says why.
  @Test func saveIntoAMissingDirectory() throws {
    let fit = LogisticRegression().fit(
      try Dataset(csv: Array(articleCSV.utf8), file: "article.csv"))
    let path = temporaryPath("absent/model.json")
    #expect(throws: ModelFileError(kind: .file, path: path, message: "no such file or directory")) {
      try fit.save(to: path)
    }
  }
}
