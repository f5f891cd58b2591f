import Foundation
import Testing

@testable import FitlogitFigures
import FitlogitTestSupport

/// The page's objective on the Swift side (the loss surface's contours, the
/// readout before any script runs) for every penalty and weighting, against
/// scikit-learn's own objective at scikit-learn's fit
/// (scripts/make_page_golden.py, `penalties`).
@Suite struct PageObjectiveTests {
  let cases = golden("live_page.json", of: "FitlogitCLITests")["penalties"] as! [String: Any]
  let x = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6]
  let y = [0, 0, 1, 0, 1, 1, 1, 1, 1, 1]
  /// page_weighted.csv's column s.
  let s = [1, 2, 0.5, 1, 3, 1, 0.25, 1, 2, 1]
  /// sklearn's compute_sample_weight("balanced", y): n/(2·n₀) and n/(2·n₁).
  var balanced: [Double] { y.map { $0 == 0 ? 10.0 / 6 : 10.0 / 14 } }

  func check(_ name: String, _ penalty: PagePenalty, weights: [Double]? = nil) throws {
    let c = try #require(cases[name] as? [String: Double])
    let rows = WeightedRows(x: x, labels: y, weights: weights)
    let (w, b) = (c["w"]!, c["b"]!)
    // The page's sums and scikit-learn's differ in order and in the loss's
    // form (clipped −log σ against log1p(eˣ) − y·x), a few ulps of 0.4.
    #expect(abs(rows.logLoss(w: w, b: b) - c["log_loss"]!) <= 1e-12, "\(name)")
    #expect(abs(rows.weightedLogLoss(w: w, b: b) - c["weighted_log_loss"]!) <= 1e-12, "\(name)")
    #expect(abs(rows.objective(w: w, b: b, penalty: penalty) - c["objective"]!) <= 1e-12, "\(name)")
    // The surface's grid point at the fit holds the same objective.
    let surface = LossSurface(rows: rows, w: (w, w + 1), b: (b, b + 1), penalty: penalty, size: 2)
    #expect(abs(surface.objective[0] - c["objective"]!) <= 1e-12, "\(name)")
    #expect(abs(surface.loss[0] - c["weighted_log_loss"]!) <= 1e-12, "\(name)")
  }

  @Test func l1() throws { try check("l1", PagePenalty(C: 1, l1Ratio: 1)) }
  @Test func elasticNet() throws { try check("elasticnet", PagePenalty(C: 1, l1Ratio: 0.5)) }
  @Test func l2() throws { try check("l2", PagePenalty(C: 1)) }
  @Test func none() throws { try check("none", PagePenalty(C: .infinity)) }
  @Test func balancedClasses() throws {
    try check("balanced", PagePenalty(C: 1), weights: balanced)
  }
  @Test func sampleWeights() throws {
    try check("sample_weight", PagePenalty(C: 1), weights: s)
  }

  /// The penalty's part by hand: 0.5·|w|/(C·S) + 0.25·w²/(C·S) at w = 2,
  /// C = 0.5, S = 4 is 0.5 + 0.5; liblinear adds b/a to the coefficients.
  @Test func penaltyTerm() {
    #expect(PagePenalty(C: 0.5, l1Ratio: 0.5).term(w: 2, b: 7, weightSum: 4) == 1)
    #expect(PagePenalty(C: 0.5, l1Ratio: 1).term(w: -2, b: 7, weightSum: 4) == 1)
    #expect(PagePenalty(C: 0.5).term(w: 2, b: 7, weightSum: 4) == 1)
    #expect(PagePenalty(C: .infinity, l1Ratio: 1).term(w: 2, b: 7, weightSum: 4) == 0)
    #expect(PagePenalty(C: 0.5, interceptScaling: 2).term(w: 2, b: 2, weightSum: 4) == 1.25)
  }

  @Test func formulaInWords() {
    #expect(PagePenalty(C: 1, l1Ratio: 1).plainFormula(weighted: false) == "log loss + |w|/(C·N)")
    #expect(PagePenalty(C: 1, l1Ratio: 0.5).plainFormula(weighted: true)
      == "weighted log loss + (ρ·|w| + (1 − ρ)/2·w²)/(C·S)")
    #expect(PagePenalty(C: 1).plainFormula(weighted: false) == "log loss + w²/(2·C·N)")
    #expect(PagePenalty(C: .infinity).plainFormula(weighted: false) == "log loss")
    #expect(PagePenalty(C: 2, l1Ratio: 0.5).words == "elastic net, C = 2, ρ = l1_ratio = 0.5")
  }
}
