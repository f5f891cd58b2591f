import Foundation
import FitlogitTestSupport
import Testing

import FitlogitCore
import FitlogitData

/// ``LogisticModel/save(to:targetName:)``: a model built by hand or loaded
/// from a file saves, and reloads to the same model.
@Suite struct ModelSaveTests {
  private func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fitlogit-modelsave-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// Three classes, two features, as scikit-learn prints them.
  private func handBuilt() throws -> LogisticModel {
    try LogisticModel(
      classes: ["setosa", "versicolor", "virginica"],
      featureNames: ["petal_length", "petal_width"],
      coef: Matrix(rows: 3, columns: 2, values: [-2.5, -1.25, 0.125, -0.5, 2.375, 1.75]),
      intercept: [10.5, 2.25, -12.75])
  }

  @Test func aHandBuiltModelRoundTrips() throws {
    let model = try handBuilt()
    let path = temporaryPath("model.json")
    try model.save(to: path, targetName: "species")
    let loaded = try LogisticModel(contentsOf: path)
    #expect(loaded == model)
    // The members only a fit knows are left out, not guessed.
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        as? [String: Any])
    #expect(json["target"] as? String == "species")
    #expect(json["format"] as? String == "fitlogit-model")
    #expect(json["options"] == nil && json["n_iter"] == nil && json["converged"] == nil)
  }

  /// A fit's file, loaded and saved again as a model, gives the same model
  /// (its categorical encoding too) and the same predictions.
  @Test func aLoadedModelSavesAgain() throws {
    let data = try Dataset(
      features: articleX.map { [$0] }, labels: articleY.map(String.init), featureNames: ["x"])
    let fit = LogisticRegression().fit(data)
    let first = temporaryPath("fit.json")
    try fit.save(to: first)
    let loaded = try LogisticModel(contentsOf: first)
    let second = temporaryPath("again.json")
    try loaded.save(to: second)
    let again = try LogisticModel(contentsOf: second)
    #expect(again == fit.model)
    // scikit-learn's predict for the article's points (as in the README).
    #expect(try again.predict(data.features) == [0, 0, 0, 1, 1, 1, 1, 1, 1, 1])
  }

  @Test func aModelEditedOutOfShapeIsNotSaved() throws {
    var model = try handBuilt()
    model.intercept.removeLast()
    let path = temporaryPath("bad.json")
    #expect(throws: ModelFileError(
      kind: .notModel, path: path, message: "intercept has 2 values; 3 classes need 3")
    ) { try model.save(to: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
