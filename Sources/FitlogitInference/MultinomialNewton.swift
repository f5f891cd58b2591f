import FitlogitOptimization

/// statsmodels' `MNLogit(...).fit()` (method "newton"), step for step, so
/// that `converged` means what statsmodels' does: from β = 0, steps
/// β ← β + (I/n + 10⁻¹⁰)⁻¹ U/n (its ridge of 1e-10 on the Hessian), until no
/// parameter moves by more than 1e-8, within `maxIterations` (35).
///
/// On separated data the likelihood keeps rising as the coefficients grow,
/// every Newton step moves them by about as much as the last, and the loop
/// ends at the iteration limit: converged False, with statsmodels' own
/// (meaningless) coefficients after 35 steps. A gradient test would call
/// that converged, since the gradient vanishes as the coefficients diverge.
struct MultinomialNewton {
  var beta: [Double]
  var iterations: Int
  var converged: Bool

  init?(_ design: MultinomialDesign, maxIterations: Int = 35, tol: Double = 1e-8) {
    let m = design.parameterCount
    let n = Double(design.rows)
    var beta = [Double](repeating: 0, count: m)
    var iterations = 0
    var moved = Double.infinity
    while iterations < maxIterations && moved > tol {
      let (score, information) = design.scoreAndInformation(design.probabilities(beta))
      var h = information.map { $0 / n }
      for a in 0..<m { h[a * m + a] += 1e-10 }
      guard let inverse = inverseOfPositiveDefinite(h, size: m) else { return nil }
      moved = 0
      var next = beta
      for a in 0..<m {
        var step = 0.0
        for b in 0..<m { step += inverse[a * m + b] * score[b] / n }
        next[a] += step
        moved = max(moved, abs(step))
      }
      if !next.allSatisfy(\.isFinite) { return nil }
      beta = next
      iterations += 1
    }
    self.beta = beta
    self.iterations = iterations
    // statsmodels flags the iteration limit, even when the last step was
    // within the tolerance.
    self.converged = iterations < maxIterations
  }
}
