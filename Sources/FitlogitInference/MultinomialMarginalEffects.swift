extension MarginalEffects {
  /// statsmodels' `MNLogit` `get_margeff(at=..., method="dydx")`: for every
  /// class k (the reference too) and feature j,
  ///   dP_k/dx_j = p_k (β_kj − β̄_j),  β̄_j = Σ_s p_s β_sj,  β_0 = 0,
  /// averaged over the rows or taken at the mean row, with delta-method
  /// errors from the analytic Jacobian (statsmodels differentiates by
  /// complex step, to the same numbers):
  ///   ∂/∂β_lc = p_k (δ_kl − p_l) x_c (β_kj − β̄_j) + p_k δ_jc (δ_kl − p_l)
  ///             − p_k p_l x_c (β_lj − β̄_j).
  init(
    multinomial design: MultinomialDesign, beta: [Double], covariance: [Double],
    names: [String], classes: [String], at: At, alpha: Double
  ) {
    let c = design.columns
    let K = design.classes
    let m = design.parameterCount
    let rows: [[Double]]
    switch at {
    case .overall: rows = (0..<design.rows).map { Array(design.row($0)) }
    case .mean:
      var mean = [Double](repeating: 0, count: c)
      for i in 0..<design.rows {
        for (j, x) in design.row(i).enumerated() { mean[j] += x }
      }
      rows = [mean.map { $0 / Double(design.rows) }]
    }
    // β per class, the reference's row of zeros first.
    let b: [[Double]] =
      [[Double](repeating: 0, count: c)]
      + (1..<K).map { Array(beta[(($0 - 1) * c)..<($0 * c)]) }
    let effectCount = K * (c - 1)
    var effects = [Double](repeating: 0, count: effectCount)
    var jacobian = [Double](repeating: 0, count: effectCount * m)
    for x in rows {
      let p = design.probabilities(at: x, beta)
      var mean = [Double](repeating: 0, count: c)
      for s in 0..<K { for j in 0..<c { mean[j] += p[s] * b[s][j] } }
      for k in 0..<K {
        for j in 1..<c {
          let e = k * (c - 1) + (j - 1)
          let gap = b[k][j] - mean[j]
          effects[e] += p[k] * gap
          for l in 1..<K {
            let own = (k == l ? 1.0 : 0) - p[l]
            let otherGap = b[l][j] - mean[j]
            for col in 0..<c {
              var v = p[k] * own * x[col] * gap - p[k] * p[l] * x[col] * otherGap
              if col == j { v += p[k] * own }
              jacobian[e * m + (l - 1) * c + col] += v
            }
          }
        }
      }
    }
    let count = Double(rows.count)
    effects = effects.map { $0 / count }
    jacobian = jacobian.map { $0 / count }
    let bse = deltaMethodErrors(jacobian, covariance: covariance, size: m)
    let q = Normal.quantile(1 - alpha / 2)
    let z = zip(effects, bse).map { $0 / $1 }
    self.init(
      at: at, method: .dydx, names: names, effects: effects, bse: bse, z: z,
      p: z.map { 2 * Normal.survival(abs($0)) },
      ci: zip(effects, bse).map { [$0 - q * $1, $0 + q * $1] }, alpha: alpha,
      outcomes: classes)
  }
}

/// √diag(J Σ Jᵀ) for J with rows of `size` entries.
func deltaMethodErrors(_ jacobian: [Double], covariance: [Double], size m: Int) -> [Double] {
  (0..<(jacobian.count / m)).map { r in
    var v = 0.0
    for a in 0..<m where jacobian[r * m + a] != 0 {
      var s = 0.0
      for b in 0..<m { s += covariance[a * m + b] * jacobian[r * m + b] }
      v += jacobian[r * m + a] * s
    }
    return max(v, 0).squareRoot()
  }
}
