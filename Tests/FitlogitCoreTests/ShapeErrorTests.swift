import Testing

import FitlogitCore
import FitlogitData

/// The public initialisers and predictions check shapes and throw a
/// ``ShapeError`` with one exact sentence, instead of trapping.
@Suite struct ShapeErrorTests {
  /// Two classes, two features: coef_ [[1, -1]], intercept_ [0.5].
  private func model() throws -> LogisticModel {
    try LogisticModel(
      classes: ["no", "yes"], featureNames: ["a", "b"],
      coef: Matrix(rows: 1, columns: 2, values: [1, -1]), intercept: [0.5])
  }

  @Test func matrixValueCount() {
    #expect(throws: ShapeError("a 2×3 matrix needs 6 values, not 5")) {
      try Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5])
    }
    #expect(throws: ShapeError("a matrix cannot have -1 rows and 2 columns")) {
      try Matrix(rows: -1, columns: 2, values: [])
    }
  }

  @Test func modelShapes() {
    #expect(throws: ShapeError("coef is 1×2; 3 classes and 2 features need 3×2")) {
      try LogisticModel(
        classes: ["a", "b", "c"], featureNames: ["x", "y"],
        coef: Matrix(rows: 1, columns: 2, values: [1, 2]), intercept: [0])
    }
    #expect(throws: ShapeError("coef is 1×2; 2 classes and 3 features need 1×3")) {
      try LogisticModel(
        classes: ["a", "b"], featureNames: ["x", "y", "z"],
        coef: Matrix(rows: 1, columns: 2, values: [1, 2]), intercept: [0])
    }
    #expect(throws: ShapeError("intercept has 2 values; 2 classes need 1")) {
      try LogisticModel(
        classes: ["a", "b"], featureNames: ["x"],
        coef: Matrix(rows: 1, columns: 1, values: [1]), intercept: [0, 0])
    }
    #expect(throws: ShapeError(#"a model needs at least two distinct classes, not ["a", "a"]"#)) {
      try LogisticModel(
        classes: ["a", "a"], featureNames: ["x"],
        coef: Matrix(rows: 1, columns: 1, values: [1]), intercept: [0])
    }
    #expect(throws: ShapeError("3 classes and 2 features with intercepts need 9 parameters, not 8")) {
      try LogisticModel(
        parameters: Array(repeating: 0, count: 8), classes: ["a", "b", "c"],
        featureNames: ["x", "y"], fitIntercept: true)
    }
  }

  @Test func predictionsCheckTheColumnCount() throws {
    let m = try model()
    let x = try Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
    let wrong = ShapeError("the model has 2 features; the matrix has 3 columns")
    #expect(throws: wrong) { try m.predict(x) }
    #expect(throws: wrong) { try m.probabilities(x) }
    #expect(throws: wrong) { try m.decisionFunction(x) }
    // The right shape: margins 1·2 − 1·1 + 0.5 = 1.5 and 1·0 − 1·3 + 0.5 = −2.5.
    let good = try Matrix(rows: 2, columns: 2, values: [2, 1, 0, 3])
    #expect(try m.decisionFunction(good).values == [1.5, -2.5])
    #expect(try m.predict(good) == [1, 0])
  }

  /// The model's members are mutable; a prediction re-checks them.
  @Test func aModelEditedIntoTheWrongShape() throws {
    var m = try model()
    m.intercept = []
    #expect(throws: ShapeError("intercept has 0 values; 2 classes need 1")) {
      try m.predict(Matrix(rows: 1, columns: 2, values: [0, 0]))
    }
  }
}
