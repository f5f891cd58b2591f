import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitMetrics

/// One case of Golden/metrics.json (scripts/make_metrics_golden.py).
/// Read with JSONDecoder, which parses every digit exactly (Linux's
/// JSONSerialization can be an ulp off, which would break tied scores).
private struct MetricsCase: Decodable, CustomTestStringConvertible, Sendable {
  struct ROC: Decodable, Sendable { let fpr: [Double], tpr: [Double] }
  struct PR: Decodable, Sendable { let precision: [Double], recall: [Double] }
  let name: String
  let classes: [String]
  let y_true: [Int]
  let y_pred: [Int]
  let y_score: [Double]?
  let y_proba: [[Double]]?
  let sample_weight: [Double]?
  let confusion_matrix: [[Double]]
  let classification_report: String
  let roc_curve: ROC?
  let precision_recall_curve: PR?
  let accuracy, balanced_accuracy, matthews_corrcoef, log_loss: Double
  let brier_score_loss, roc_auc, average_precision: Double?
  let roc_auc_ovr_macro, roc_auc_ovr_weighted: Double?
  var testDescription: String { name }

  var positive: [Bool] { y_true.map { $0 == 1 } }
  var probabilities: [[Double]] { y_proba ?? y_score!.map { [1 - $0, $0] } }
}

private let cases: [MetricsCase] = {
  struct File: Decodable { let cases: [MetricsCase] }
  let url = packageRoot.appendingPathComponent("Tests/FitlogitMetricsTests/Golden/metrics.json")
  return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
}()

@Suite struct SklearnMetricsTests {
  /// Every metric equals scikit-learn's value to the last bit: sums run in
  /// NumPy's pairwise order, cumulative sums left to right, as NumPy does.
  @Test(arguments: cases)
  fileprivate func metricsMatchScikitLearn(c: MetricsCase) {
    func check(
      _ key: String, _ value: Double?, _ want: Double?,
      sourceLocation: SourceLocation = #_sourceLocation
    ) {
      guard let want else { return }
      guard let value else {
        Issue.record("\(key) undefined, want \(want)", sourceLocation: sourceLocation)
        return
      }
      #expect(value == want, "\(key)", sourceLocation: sourceLocation)
    }
    let (y, yHat, w) = (c.y_true, c.y_pred, c.sample_weight)
    check("accuracy", accuracyScore(y, yHat, sampleWeight: w), c.accuracy)
    check("balanced_accuracy", balancedAccuracyScore(y, yHat, sampleWeight: w), c.balanced_accuracy)
    check("matthews_corrcoef", matthewsCorrcoef(y, yHat, sampleWeight: w), c.matthews_corrcoef)
    check("log_loss", logLoss(y, probabilities: c.probabilities, sampleWeight: w), c.log_loss)
    if let s = c.y_score {
      let pos = c.positive
      check("log_loss", logLoss(y, positiveProbability: s, sampleWeight: w), c.log_loss)
      check(
        "brier", brierScoreLoss(y, positiveProbability: s, sampleWeight: w), c.brier_score_loss)
      check("roc_auc", rocAUCScore(positive: pos, score: s, sampleWeight: w), c.roc_auc)
      check(
        "average_precision", averagePrecisionScore(positive: pos, score: s, sampleWeight: w),
        c.average_precision)
    } else {
      let p = c.probabilities
      check(
        "roc_auc_ovr_macro",
        rocAUCOneVsRest(y, probabilities: p, average: .macro, sampleWeight: w),
        c.roc_auc_ovr_macro)
      check(
        "roc_auc_ovr_weighted",
        rocAUCOneVsRest(y, probabilities: p, average: .weighted, sampleWeight: w),
        c.roc_auc_ovr_weighted)
    }
  }

  @Test(arguments: cases)
  fileprivate func confusionMatrixMatches(c: MetricsCase) {
    let cm = confusionMatrix(
      c.y_true, c.y_pred, classCount: c.classes.count, sampleWeight: c.sample_weight)
    #expect(cm == c.confusion_matrix)
  }

  /// The report text, character for character.
  @Test(arguments: cases)
  fileprivate func classificationReportMatches(c: MetricsCase) {
    let text = classificationReport(
      c.y_true, c.y_pred, names: c.classes, sampleWeight: c.sample_weight)
    #expect(text == c.classification_report)
  }

  /// The curves behind ROC AUC and average precision, point for point.
  @Test(arguments: cases.filter { $0.y_score != nil })
  fileprivate func curvesMatch(c: MetricsCase) throws {
    let roc = try #require(rocCurve(positive: c.positive, score: c.y_score!, sampleWeight: c.sample_weight))
    #expect(roc.fpr == c.roc_curve!.fpr)
    #expect(roc.tpr == c.roc_curve!.tpr)
    let pr = try #require(
      precisionRecallCurve(positive: c.positive, score: c.y_score!, sampleWeight: c.sample_weight))
    #expect(pr.precision == c.precision_recall_curve!.precision)
    #expect(pr.recall == c.precision_recall_curve!.recall)
  }
}

@Suite struct MetricEdgeCaseTests {
  /// scikit-learn: roc_auc_score([0, 0], [0.1, 0.9]) is NaN (one class).
  @Test func aucOfOneClassIsUndefined() {
    #expect(rocAUCScore(positive: [false, false], score: [0.1, 0.9]) == nil)
  }

  /// roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) == 0.5: all tied.
  @Test func allTiedScoresGiveOneHalf() {
    #expect(rocAUCScore(positive: [false, true, false, true], score: [0.5, 0.5, 0.5, 0.5]) == 0.5)
  }

  /// matthews_corrcoef([0, 0, 1], [0, 0, 0]) == 0.0 (a constant prediction).
  @Test func matthewsOfConstantPredictionIsZero() {
    #expect(matthewsCorrcoef([0, 0, 1], [0, 0, 0]) == 0)
  }

  /// NumPy's pairwise sum differs from a left-to-right sum for these 9
  /// values: np.sum gives 5.300000000000001, a Python loop 5.3.
  @Test func pairwiseOrder() {
    let a = [0.2, 0.3, 0.8, 0.3, 0.5, 1.0, 1.0, 0.7, 0.5]
    var loop = 0.0
    for v in a { loop += v }
    #expect(numpySum(a) == 5.300000000000001)
    #expect(loop == 5.3)
  }

  @Test func pythonReprOfWeightSums() {
    #expect(pythonRepr(30.499999999999996) == "30.499999999999996")
    #expect(pythonRepr(1e15) == "1000000000000000.0")
    #expect(pythonRepr(1.5e-5) == "1.5e-05")
    #expect(pythonRepr(12.0) == "12.0")
  }
}
