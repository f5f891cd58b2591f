import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitMetrics

/// One case of Golden/calibration.json (scripts/make_calibration_golden.py).
private struct CalibrationCase: Decodable {
  let name: String
  let n_bins: Int
  let y_true: [Int]
  let y_prob: [Double]
  let prob_true: [Double]
  let prob_pred: [Double]
}

private let calibrationCases: [CalibrationCase] = {
  struct File: Decodable { let cases: [CalibrationCase] }
  let url = packageRoot.appendingPathComponent(
    "Tests/FitlogitMetricsTests/Golden/calibration.json")
  return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
}()

@Test(arguments: calibrationCases.map(\.name))
func calibrationCurveEqualsScikitLearn(_ name: String) {
  let c = calibrationCases.first { $0.name == name }!
  let curve = calibrationCurve(
    positive: c.y_true.map { $0 == 1 }, probability: c.y_prob, bins: c.n_bins)
  // Same sums in the same order, same divisions: equal to the bit.
  #expect(curve.fractionPositive == c.prob_true)
  #expect(curve.meanPredicted == c.prob_pred)
  #expect(curve.counts.reduce(0, +) == c.y_prob.count)
  #expect(curve.counts.filter { $0 > 0 }.count == c.prob_true.count)
}

@Test func calibrationEdgesAreLinspace() {
  let curve = calibrationCurve(positive: [true], probability: [0.5], bins: 10)
  #expect(curve.edges[3] == 0.30000000000000004)
  #expect(curve.edges.last == 1)
  // 0.5 sits on an edge: np.searchsorted(side="left") puts it in the lower bin.
  #expect(curve.counts[4] == 1)
}
