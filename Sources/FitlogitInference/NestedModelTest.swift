import FitlogitOptimization

/// A chi-square test that some coefficients of a model are zero: the
/// likelihood-ratio test between a model and the smaller one without them
/// (R's `anova(m0, m1, test = "Chisq")`, statsmodels' `compare_lr_test`),
/// or the Wald test on the bigger model alone (statsmodels'
/// `wald_test(..., scalar=True)`).
public struct NestedModelTest: Equatable, Sendable {
  public var statistic: Double
  public var degreesOfFreedom: Int
  public var pValue: Double

  public init(statistic: Double, degreesOfFreedom: Int) {
    self.statistic = statistic
    self.degreesOfFreedom = degreesOfFreedom
    pValue = ChiSquare.survival(statistic, degreesOfFreedom: Double(degreesOfFreedom))
  }

  /// LR = 2 (ℓ_big − ℓ_small), with as many degrees of freedom as the big
  /// model has extra parameters.
  public static func likelihoodRatio(small: LogitSummary, big: LogitSummary) -> Self {
    likelihoodRatio(smallLLF: small.llf, smallParameters: small.params.joined().count, big: big)
  }

  /// The same from the smaller model's log-likelihood and parameter count
  /// (the intercept-only model needs no fit: its ℓ is `big.llnull`).
  public static func likelihoodRatio(
    smallLLF: Double, smallParameters: Int, big: LogitSummary
  ) -> Self {
    Self(
      statistic: 2 * (big.llf - smallLLF),
      degreesOfFreedom: big.params.joined().count - smallParameters)
  }

  /// W = β_Rᵀ (Σ_RR)⁻¹ β_R over the parameters `restricted` (flat indices
  /// into `cov_params`, equation-major then const-first), with Σ the
  /// summary's covariance (robust when it is). nil when Σ_RR is singular.
  public static func wald(_ s: LogitSummary, restricted: [Int]) -> Self? {
    let flat = Array(s.params.joined())
    let r = restricted.count
    var block = [Double](repeating: 0, count: r * r)
    for (a, i) in restricted.enumerated() {
      for (b, j) in restricted.enumerated() { block[a * r + b] = s.covParams[i][j] }
    }
    guard r > 0, let inverse = inverseOfPositiveDefinite(block, size: r) else { return nil }
    var w = 0.0
    for (a, i) in restricted.enumerated() {
      for (b, j) in restricted.enumerated() { w += flat[i] * inverse[a * r + b] * flat[j] }
    }
    return Self(statistic: w, degreesOfFreedom: r)
  }
}
