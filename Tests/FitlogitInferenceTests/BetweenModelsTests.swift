import Foundation
import Testing

@testable import FitlogitCore
@testable import FitlogitData
@testable import FitlogitInference
import FitlogitTestSupport

/// Tests/FitlogitInferenceTests/Golden/inference.json, from
/// scripts/make_inference_golden.py (statsmodels) and
/// scripts/inference_golden.R (R).
private func inference(filePath: String = #filePath) -> [String: Any] {
  FitlogitTestSupport.golden("inference.json", filePath: filePath)
}
private let rValues = inference()["R"] as! [String: [String: [Double]]]
private func goldenCase(_ name: String) -> [String: Any] {
  (inference()["cases"] as! [[String: Any]]).first { $0["dataset"] as! String == name }!
}

private func dataset(_ name: String, target: String) throws -> Dataset {
  let url = URL(fileURLWithPath: dataPath(name))
  return try Dataset(csv: Array(Data(contentsOf: url)), file: name, target: target)
}

/// |a − b| ≤ tolerance·|b|.
private func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * abs(b)
}

@Suite struct ProfileLikelihoodTests {
  /// R's `confint(glm)` (MASS's profile), both ends of every parameter at
  /// two levels on three datasets. 1e-6 relative: both sides refit the
  /// restricted models to ~1e-14 in the deviance and then run the same
  /// spline and linear interpolation, so only the refits' last digits
  /// differ (the issue allows 1e-4 for iterative intervals).
  @Test(arguments: ["spector.csv", "infert.csv", "mtcars.csv"], [0.05, 0.1])
  func matchesR(name: String, alpha: Double) throws {
    let c = goldenCase(name)
    let data = try dataset(name, target: c["target"] as! String)
      .keepingColumns(from: Set(c["features"] as! [String]))
    let s = try LogitSummary(data: data, alpha: alpha)
    let mine = ProfileLikelihood.intervals(data: data, summary: s)
    let expected = rValues[name]!["profile_ci_\(alpha)"]!
    #expect(mine.count * 2 == expected.count)
    for (j, ends) in mine.enumerated() {
      for e in 0..<2 {
        let a = try #require(ends[e], "\(name) \(j) \(e)")
        #expect(close(a, expected[2 * j + e], 1e-6), "\(name) param \(j) end \(e): \(a)")
      }
    }
  }
}

@Suite struct PredictionIntervalTests {
  /// statsmodels' `get_prediction(X[:5]).summary_frame(alpha)`: predicted,
  /// se, ci_lower, ci_upper, to 1e-9 relative (closed forms at an estimate
  /// that both fits find to ~1e-12).
  @Test(arguments: ["spector.csv", "infert.csv", "mtcars.csv"], [0.05, 0.1])
  func matchesStatsmodels(name: String, alpha: Double) throws {
    let c = goldenCase(name)
    let data = try dataset(name, target: c["target"] as! String)
      .keepingColumns(from: Set(c["features"] as! [String]))
    let s = try LogitSummary(data: data)
    let frame = c["prediction_\(alpha)"] as! [[Double]]
    for (i, expected) in frame.enumerated() {
      let p = PredictionInterval(
        row: data.features.row(i), params: s.params[0],
        covariance: Array(s.covParams.joined()), alpha: alpha)
      let mine = [p.predicted, p.se, p.lower, p.upper]
      for (a, b) in zip(mine, expected) { #expect(close(a, b, 1e-9), "\(name) row \(i): \(mine)") }
    }
  }
}

@Suite struct NestedModelTestTests {
  /// GRADE ~ GPA inside GRADE ~ GPA + TUCE + PSI on spector: the LR test
  /// against statsmodels and R's anova, the Wald test of TUCE = PSI = 0
  /// against statsmodels' wald_test, to 1e-9 relative.
  @Test func spectorAgainstStatsmodelsAndR() throws {
    let compare = inference()["compare"] as! [String: Any]
    let big = try dataset("spector.csv", target: "GRADE")
    let small = big.keepingColumns(from: ["GPA"])
    #expect(small.featureNames == ["GPA"])
    let bigSummary = try LogitSummary(data: big)
    let lr = NestedModelTest.likelihoodRatio(
      small: try LogitSummary(data: small), big: bigSummary)
    #expect(close(lr.statistic, compare["lr_stat"] as! Double, 1e-9))
    #expect(close(lr.pValue, compare["lr_pvalue"] as! Double, 1e-9))
    #expect(lr.degreesOfFreedom == 2)
    let anova = rValues["spector.csv"]!["anova_lr"]!
    #expect(close(lr.statistic, anova[0], 1e-9) && close(lr.pValue, anova[2], 1e-9))
    let wald = try #require(NestedModelTest.wald(bigSummary, restricted: [2, 3]))
    #expect(close(wald.statistic, compare["wald_stat"] as! Double, 1e-9))
    #expect(close(wald.pValue, compare["wald_pvalue"] as! Double, 1e-9))
    #expect(wald.degreesOfFreedom == 2)
  }
}
