import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// The cases of Tests/FitlogitModelSelectionTests/Golden/cv.json
/// (scripts/make_cv_golden.py) that read a data file as it is.
private struct CVCase: Decodable, Sendable, CustomTestStringConvertible {
  let name, file, target, scoring: String
  let sample_weight, class_weight: String?
  let cv: Int
  let options: [String: CsValue]
  let C_: Double
  let scores_: [[Double]]
  let n_iter_: [[Int]]
  let coef_: [[Double]]
  let intercept_: [Double]
  let standardized: Bool
  var testDescription: String { name }

  /// `Cs` is a count or a list.
  enum CsValue: Decodable, Sendable {
    case number(Double), list([Double]), text(String)
    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let v = try? c.decode(Double.self) { self = .number(v) }
      else if let l = try? c.decode([Double].self) { self = .list(l) }
      else { self = .text(try c.decode(String.self)) }
    }
  }

  var arguments: [String] {
    var a = ["fit", dataPath(file), "--target", target, "--cv", "\(cv)", "--json"]
    if let w = sample_weight { a += ["--sample-weight", w] }
    if class_weight == "balanced" { a += ["--class-weight", "balanced"] }
    if scoring != "accuracy" { a += ["--scoring", scoring] }
    switch options["Cs"] {
    case .number(let n): a += ["--Cs", "\(Int(n))"]
    case .list(let l): a += ["--Cs", l.map { "\($0)" }.joined(separator: ",")]
    default: break
    }
    return a
  }
}

private let cliCVCases: [CVCase] = {
  struct File: Decodable { let cases: [CVCase] }
  let url = packageRoot.appendingPathComponent("Tests/FitlogitModelSelectionTests/Golden/cv.json")
  return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    .filter { !$0.standardized }
}()

private func run(_ words: [String]) -> (status: Int32, out: String, err: String) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run(words, stdout: &out, stderr: &err)
  return (status, out, err)
}

@Suite struct CrossValidationCommandTests {
  /// `fit DATA.csv --cv K --json`: LogisticRegressionCV's C_, scores_ and
  /// n_iter_ exactly, coef_ and intercept_ within 1e-8 (they agree to ~1e-15).
  @Test(arguments: cliCVCases)
  fileprivate func cvMatchesScikitLearn(c: CVCase) throws {
    let r = run(c.arguments)
    #expect(r.status == 0)
    struct Report: Decodable {
      struct CV: Decodable { let C_: Double, scores_: [[Double]], n_iter_: [[Int]] }
      let cv: CV
      let coef: [[Double]]
      let intercept: [Double]
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(r.out.utf8))
    #expect(report.cv.C_ == c.C_)
    #expect(report.cv.scores_ == c.scores_)
    #expect(report.cv.n_iter_ == c.n_iter_)
    for k in c.coef_.indices {
      for j in c.coef_[k].indices { #expect(abs(report.coef[k][j] - c.coef_[k][j]) <= 1e-8) }
      #expect(abs(report.intercept[k] - c.intercept_[k]) <= 1e-8)
    }
  }

  @Test func textNamesTheChosenC() {
    let r = cli("fit", dataFile("points.csv"), "--cv", "3")
    #expect(r.status == 0)
    #expect(r.out.contains("\nLogisticRegressionCV(Cs=10, cv=3, scoring=\"accuracy\"): scores_, fold × C\n"))
    #expect(r.out.contains("\n  2.78256 *    0.500000  1.000000  0.666667  0.722222  0.207870\n"))
    #expect(r.out.contains("\nC_ = 2.782559402207126 (*: the best summed score"))
  }

  @Test func cvOptionsAreChecked() {
    let noCV = cli("fit", dataFile("points.csv"), "--Cs", "5")
    #expect(noCV.status == 64)
    #expect(
      noCV.err == "fitlogit: error: --Cs and --scoring set up --cv; give --cv K "
        + "(see 'fitlogit --help')\n")
    let badList = cli("fit", dataFile("points.csv"), "--cv", "3", "--Cs", "1,x")
    #expect(badList.status == 64)
    #expect(
      badList.err == "fitlogit: error: '--Cs' expects a count or comma-separated numbers > 0, "
        + "found '1,x' (see 'fitlogit --help')\n")
    let auc = cli("fit", dataFile("iris.csv"), "--cv", "3", "--scoring", "roc_auc")
    #expect(auc.status == 1)
    #expect(
      auc.err == "fitlogit: error: --scoring roc_auc needs two classes; \"species\" has 3 "
        + "(scikit-learn raises too)\n")
    let folds = cli("fit", dataFile("points.csv"), "--cv", "8")
    #expect(folds.status == 1)
    #expect(
      folds.err == "fitlogit: error: \(dataFile("points.csv")): --cv 8: n_splits=8 cannot be "
        + "greater than the number of members in each class\n")
  }
}

@Suite struct CrossValidationWarningTests {
  /// scikit-learn's UserWarning when a class has fewer rows than folds.
  @Test func fewRowsInAClassWarns() {
    let r = cli("fit", dataFile("points.csv"), "--cv", "4")
    #expect(r.status == 0)
    #expect(
      r.err == "fitlogit: warning: the least populated class has only 3 members, which is "
        + "less than --cv 4 (scikit-learn: n_splits)\n")
  }
}
