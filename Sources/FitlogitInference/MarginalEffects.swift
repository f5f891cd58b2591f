import FitlogitCore

/// statsmodels' `get_margeff(at=..., method=...)` for a two-class logit:
/// the effect of each feature on P(y = 1), averaged over the rows
/// (`overall`) or at the mean row (`mean`), as a derivative (`dydx`) or an
/// elasticity (`eyex`), with delta-method errors J Σ Jᵀ.
public struct MarginalEffects: Sendable {
  /// Where the effect is taken: averaged over the rows, or at the mean row.
  public enum At: String, CaseIterable, Sendable { case overall, mean }
  /// A derivative dP/dx, or an elasticity d(ln P)/d(ln x).
  public enum Method: String, CaseIterable, Sendable { case dydx, eyex }

  public var at: At
  public var method: Method
  /// The features (the constant has no marginal effect).
  public var names: [String]
  public var effects: [Double]
  public var bse: [Double]
  public var z: [Double]
  public var p: [Double]
  /// [lower, upper] per feature at level 1 − alpha.
  public var ci: [[Double]]
  public var alpha: Double
  /// For K > 2 classes, the classes (all K, the reference too), and each
  /// array above holds one block of `names.count` per class, in this
  /// order; empty for two classes (the effects on P(y = 1)).
  public var outcomes: [String] = []
}

extension MarginalEffects {
  /// The Jacobian is analytic: for p = σ(xβ), w = p(1 − p),
  ///   dydx_j = w β_j,        ∂/∂β_k = w δ_jk + β_j w (1 − 2p) x_k;
  ///   eyex_j = (1 − p) β_j x_j, ∂/∂β_k = x_j ((1 − p) δ_jk − β_j w x_k),
  /// averaged over the rows for `overall`, at x̄ for `mean` (statsmodels
  /// differentiates numerically, by complex step, to the same numbers).
  init(
    design: BinaryDesign, beta: [Double], covariance: [Double], names: [String],
    at: At, method: Method, alpha: Double, dummy: Bool = false, count: Bool = false
  ) {
    let m = design.columns
    let kinds = (0..<m).map { j in
      Discrete(column: (0..<design.rows).map { design.x[$0 * m + j] }, dummy: dummy, count: count)
    }
    let rows: [[Double]]
    switch at {
    case .overall: rows = (0..<design.rows).map { Array(design.row($0)) }
    case .mean:
      var mean = [Double](repeating: 0, count: m)
      for i in 0..<design.rows {
        for (j, x) in design.row(i).enumerated() { mean[j] += x }
      }
      rows = [mean.map { $0 / Double(design.rows) }]
    }
    var effects = [Double](repeating: 0, count: m - 1)
    var jacobian = [Double](repeating: 0, count: (m - 1) * m)
    for x in rows {
      var r = 0.0
      for k in 0..<m { r += x[k] * beta[k] }
      let p = sigmoid(r)
      let w = p * (1 - p)
      for j in 1..<m {
        let row = (j - 1) * m
        if let kind = kinds[j] {
          // A discrete change: P at the two values, and the difference of
          // the gradients w x there (statsmodels' _get_dummy_effects and
          // _get_count_effects; the count's step of 2 halved).
          let (low, high, scale) = kind == .dummy ? (0.0, 1.0, 1.0) : (x[j] - 1, x[j] + 1, 0.5)
          for (value, sign) in [(low, -scale), (high, scale)] {
            var shifted = x
            shifted[j] = value
            var r = 0.0
            for k in 0..<m { r += shifted[k] * beta[k] }
            let p = sigmoid(r)
            effects[j - 1] += sign * p
            for k in 0..<m { jacobian[row + k] += sign * p * (1 - p) * shifted[k] }
          }
          continue
        }
        switch method {
        case .dydx:
          effects[j - 1] += w * beta[j]
          for k in 0..<m {
            jacobian[row + k] += (j == k ? w : 0) + beta[j] * w * (1 - 2 * p) * x[k]
          }
        case .eyex:
          effects[j - 1] += (1 - p) * beta[j] * x[j]
          for k in 0..<m {
            jacobian[row + k] += x[j] * ((j == k ? 1 - p : 0) - beta[j] * w * x[k])
          }
        }
      }
    }
    let count = Double(rows.count)
    effects = effects.map { $0 / count }
    jacobian = jacobian.map { $0 / count }
    var bse: [Double] = []
    for j in 0..<(m - 1) {
      var v = 0.0
      for a in 0..<m {
        for b in 0..<m { v += jacobian[j * m + a] * covariance[a * m + b] * jacobian[j * m + b] }
      }
      bse.append(max(v, 0).squareRoot())
    }
    let q = Normal.quantile(1 - alpha / 2)
    let z = zip(effects, bse).map { $0 / $1 }
    self.init(
      at: at, method: method, names: names, effects: effects, bse: bse, z: z,
      p: z.map { 2 * Normal.survival(abs($0)) },
      ci: zip(effects, bse).map { [$0 - q * $1, $0 + q * $1] }, alpha: alpha)
  }
}

extension MarginalEffects {
  /// A column statsmodels' `get_margeff` treats as discrete: a dummy
  /// (whole numbers, 0 and 1 its least and greatest; treatment-coded
  /// categories are such columns) with `dummy=True`, a count (whole
  /// numbers ≥ 0 that vary, not a dummy) with `count=True`.
  enum Discrete {
    case dummy, count

    init?(column: [Double], dummy: Bool, count: Bool) {
      let whole = column.allSatisfy { $0 == $0.rounded() }
      let low = column.min() ?? 0
      let high = column.max() ?? 0
      if dummy && whole && low == 0 && high == 1 {
        self = .dummy
      } else if count && whole && low >= 0 && low != high && !(low == 0 && high == 1) {
        self = .count
      } else {
        return nil
      }
    }
  }
}
