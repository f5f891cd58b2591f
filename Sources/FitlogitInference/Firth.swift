import FitlogitOptimization

/// Firth's bias-reduced logistic regression (brglm2's `type = "AS_mean"`,
/// logistf's point estimates): the root of the modified score
/// Xᵀ(y − p + h (1/2 − p)), h the hat values of the weighted fit. Unlike
/// the maximum-likelihood estimate it is finite on separated data.
struct FirthFit {
  var beta: [Double]
  /// (XᵀWX)⁻¹ at the estimate: brglm2's `vcov`.
  var covariance: [Double]
  var iterations: Int
  var converged: Bool

  /// Quasi-Newton steps β ← β + (XᵀWX)⁻¹ U*(β), halved while they do
  /// not shrink the modified score, from β = 0.
  init?(_ design: BinaryDesign, maxIterations: Int = 200) {
    let m = design.columns
    func score(_ beta: [Double]) -> FirthState? {
      let p = design.probabilities(beta)
      guard let cov = inverseOfPositiveDefinite(design.information(p), size: m) else {
        return nil
      }
      var u = [Double](repeating: 0, count: m)
      for i in 0..<design.rows {
        let xi = design.row(i).map { $0 }
        var q = 0.0
        for a in 0..<m { for b in 0..<m { q += xi[a] * cov[a * m + b] * xi[b] } }
        let h = p[i] * (1 - p[i]) * q
        let r = design.y[i] - p[i] + h * (0.5 - p[i])
        for a in 0..<m { u[a] += r * xi[a] }
      }
      return FirthState(u: u, cov: cov, merit: 0)
    }
    guard
      let run = FirthSteps(
        from: [Double](repeating: 0, count: m), maxIterations: maxIterations, evaluate: score, accept: {
        next, current, t in maxNorm(next.u) < maxNorm(current.u) || t < 1e-3
      })
    else { return nil }
    self.beta = run.beta
    self.covariance = run.last.cov
    self.iterations = run.iterations
    self.converged = run.converged
  }
}
