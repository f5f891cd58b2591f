import FitlogitOptimization
import FitlogitSystem

/// Firth's bias-reduced multinomial logit (brglm2's `brmultinom`,
/// `type = "AS_mean"`): the root of the adjusted score
///   U*_sc = U_sc + ½ Σ_i x_ic Σ_kl ∂W_i[k,l]/∂η_s · x_iᵀ (I⁻¹)_kl x_i,
/// W_i[k,l] = p_k (δ_kl − p_l) the weights of the information
/// I = Σ_i W_i ⊗ x_i x_iᵀ. For this canonical link the adjusted score is
/// the gradient of l(β) + ½ log det I(β) (Jeffreys' prior), finite on
/// separated data.
struct MultinomialFirth {
  var beta: [Double]
  /// I⁻¹ at the estimate: brglm2's `vcov`.
  var covariance: [Double]
  var iterations: Int
  var converged: Bool

  /// Quasi-Fisher steps β ← β + I⁻¹ U*(β) from β = 0, halved while they
  /// do not raise l + ½ log det I.
  init?(_ design: MultinomialDesign, maxIterations: Int = 200) {
    let m = design.parameterCount
    let c = design.columns
    let J = design.classes - 1
    func adjusted(_ beta: [Double]) -> FirthState? {
      let p = design.probabilities(beta)
      let (score, information) = design.scoreAndInformation(p)
      guard let cov = inverseOfPositiveDefinite(information, size: m) else { return nil }
      // l + ½ log det I, the function the adjusted score is the gradient of.
      var factor = information
      guard choleskyUpper(&factor, size: m, stride: m, offset: 0) else { return nil }
      var logDet = 0.0
      for a in 0..<m { logDet += 2 * libmLog(factor[a * m + a]) }
      let merit = design.logLikelihood(beta) + 0.5 * logDet
      var u = score
      for i in 0..<design.rows {
        let x = Array(design.row(i))
        // Q[k][l] = xᵀ (I⁻¹)_kl x.
        var q = [[Double]](repeating: [Double](repeating: 0, count: J), count: J)
        for k in 0..<J {
          for l in 0..<J {
            var s = 0.0
            for a in 0..<c {
              var t = 0.0
              for b in 0..<c { t += cov[(k * c + a) * m + l * c + b] * x[b] }
              s += x[a] * t
            }
            q[k][l] = s
          }
        }
        let pi = Array(p[i].dropFirst())
        for s in 0..<J {
          // Σ_kl ∂W[k,l]/∂η_s Q[k][l], with ∂p_k/∂η_s = p_k (δ_ks − p_s).
          var total = 0.0
          for k in 0..<J {
            let dk = pi[k] * ((k == s ? 1 : 0) - pi[s])
            for l in 0..<J {
              let dl = pi[l] * ((l == s ? 1 : 0) - pi[s])
              let dW = (k == l ? dk : 0) - dk * pi[l] - pi[k] * dl
              total += dW * q[k][l]
            }
          }
          for a in 0..<c { u[s * c + a] += 0.5 * x[a] * total }
        }
      }
      return FirthState(u: u, cov: cov, merit: merit)
    }
    guard
      let run = FirthSteps(
        from: [Double](repeating: 0, count: m), maxIterations: maxIterations,
        evaluate: adjusted,
        accept: { next, current, _ in
          // Accepted when it raises the penalized likelihood (or, within
          // rounding of it, shrinks the adjusted score).
          next.merit > current.merit
            || (next.merit >= current.merit - 1e-12 * abs(current.merit)
              && maxNorm(next.u) < maxNorm(current.u))
        })
    else { return nil }
    self.beta = run.beta
    self.covariance = run.last.cov
    self.iterations = run.iterations
    self.converged = run.converged
  }
}
