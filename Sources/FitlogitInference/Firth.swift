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
    var beta = [Double](repeating: 0, count: m)
    func score(_ beta: [Double]) -> (u: [Double], cov: [Double])? {
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
      return (u, cov)
    }
    func norm(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
    guard var current = score(beta) else { return nil }
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      if norm(current.u) <= 1e-10 { converged = true; break }
      iterations += 1
      var step = [Double](repeating: 0, count: m)
      for a in 0..<m { for b in 0..<m { step[a] += current.cov[a * m + b] * current.u[b] } }
      var t = 1.0
      var accepted = false
      while t > 1e-8 {
        let trial = zip(beta, step).map { $0 + t * $1 }
        if let next = score(trial), norm(next.u) < norm(current.u) || t < 1e-3 {
          beta = trial
          current = next
          accepted = true
          break
        }
        t /= 2
      }
      if !accepted { break }
    }
    self.beta = beta
    self.covariance = current.cov
    self.iterations = iterations
    self.converged = converged
  }
}
