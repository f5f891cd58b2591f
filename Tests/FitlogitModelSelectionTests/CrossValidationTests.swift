import FitlogitCore
import FitlogitData
import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitModelSelection

/// Golden/cv.json (scripts/make_cv_golden.py): LogisticRegressionCV's own
/// results.
private struct CVCase: Decodable, Sendable, CustomTestStringConvertible {
  let name, file, target, scoring: String
  let sample_weight, class_weight: String?
  let cv: Int
  let Cs_: [Double]
  let C_: Double
  let scores_: [[Double]]
  let n_iter_: [[Int]]
  let coef_: [[Double]]
  let intercept_: [Double]
  let classes_: [String]
  let folds: [[Int]]
  /// Whether the case fitted the file's z-scores (in ``standardizedData``).
  let standardized: Bool
  var testDescription: String { name }

  func estimator() -> LogisticRegressionCV {
    var cv = LogisticRegressionCV(Cs: Cs_)
    cv.folds = self.cv
    cv.scoring = LogisticRegressionCV.Scoring(rawValue: scoring)!
    if class_weight == "balanced" { cv.regression.classWeight = .balanced }
    return cv
  }

  func data() throws -> Dataset {
    if standardized, let d = standardizedData[file] {
      return try Dataset(features: d.X, labels: d.y, targetName: target)
    }
    return try Dataset(csvFile: dataPath(file), target: target, sampleWeight: sample_weight)
  }
}

private struct CVFile: Decodable {
  struct Standardized: Decodable, Sendable { let X: [[Double]], y: [String] }
  let cases: [CVCase]
  let standardized: [String: Standardized]
}

private let cvFile: CVFile = {
  let url = packageRoot.appendingPathComponent("Tests/FitlogitModelSelectionTests/Golden/cv.json")
  return try! JSONDecoder().decode(CVFile.self, from: Data(contentsOf: url))
}()
private let cvCases = cvFile.cases
private let standardizedData = cvFile.standardized

@Suite struct CrossValidationTests {
  /// StratifiedKFold(k) without shuffling: the same test rows.
  @Test(arguments: cvCases)
  fileprivate func foldsMatchScikitLearn(c: CVCase) throws {
    let data = try c.data()
    #expect(try stratifiedKFold(labels: data.labels, folds: c.cv) == c.folds)
  }

  /// np.logspace(-4, 4, 10), bit for bit.
  @Test func logspaceGrid() {
    let grid = cvCases.first { $0.name == "article" }!.Cs_
    #expect(LogisticRegressionCV.logspace(10) == grid)
    #expect(LogisticRegressionCV.logspace(5) == [1e-4, 1e-2, 1, 100, 1e4])
  }

  /// LogisticRegressionCV(cv=k, scoring=…): the fold × C scores, the chosen
  /// C, the iterations (every fold and C) and the refitted coefficients to
  /// 1e-8 (they agree to ~1e-15 where the fits converge).
  @Test(arguments: cvCases)
  fileprivate func crossValidationMatchesScikitLearn(c: CVCase) throws {
    let result = try c.estimator().fit(try c.data())
    #expect(result.C == c.C_)
    #expect(result.refit.model.classes.count == c.classes_.count)
    var worstScore = 0.0
    for f in c.scores_.indices {
      for k in c.scores_[f].indices {
        worstScore = max(worstScore, abs(result.scores[f][k] - c.scores_[f][k]))
      }
    }
    var worstCoef = 0.0
    let model = result.refit.model
    for k in c.coef_.indices {
      for j in c.coef_[k].indices {
        worstCoef = max(worstCoef, abs(model.coef[k, j] - c.coef_[k][j]))
      }
      worstCoef = max(worstCoef, abs(model.intercept[k] - c.intercept_[k]))
    }
    // Accuracy and ROC AUC are equal exactly (the same predictions). The log
    // loss goes through coefficients that agree to ~1e-12; at C = 1e4 on
    // iris the probabilities are within 1e-6 of 1, which makes that ~1e-9.
    #expect(worstScore <= (c.scoring == "neg_log_loss" ? 1e-8 : 0))
    #expect(worstCoef <= 1e-8)
    #expect(result.iterations == c.n_iter_)
  }
}
