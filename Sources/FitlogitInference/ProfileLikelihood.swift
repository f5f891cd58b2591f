import FitlogitCore
import FitlogitData
import FitlogitOptimization
import FitlogitSystem

/// Profile-likelihood confidence intervals, as R's `confint` gives them for
/// a binomial glm (MASS's `profile.glm` then `confint.profile.glm`; base R
/// ≥ 4.4 ships the same code).
///
/// For each parameter βᵢ the profile walks away from the estimate in steps
/// of `del`·seᵢ (del = zmax/5, at most 9 steps a side, stopping once
/// |z| ≥ zmax with zmax = Φ⁻¹(1 − α/8)), refitting the other parameters
/// with βᵢ fixed, and records the signed root deviance
///
///     z(βᵢ) = sign(βᵢ − β̂ᵢ) · √(D(βᵢ) − D(β̂)).
///
/// The interval ends are where z crosses Φ⁻¹(α/2) and Φ⁻¹(1 − α/2): an
/// interpolating cubic spline (Forsythe, Malcolm and Moler's, R's
/// `spline(method = "fmm")`) of z against βᵢ is evaluated on 3·(points)
/// equally spaced values of βᵢ, and the crossing is found by linear
/// interpolation of βᵢ against z over those values (R's `approx`). Both
/// steps are R's own, so the interval matches R's to the profile's own
/// accuracy, not only to the true (spline-free) crossing.
public enum ProfileLikelihood {
  /// R's `confint(glm)` for the two-class maximum-likelihood fit that
  /// `summary` computed on `data` (model-based errors, no penalty): per
  /// parameter, const first, [lower, upper] at the summary's level; nil
  /// for an end the profile did not reach (R prints NA).
  public static func intervals(data: Dataset, summary: LogitSummary) -> [[Double?]] {
    precondition(summary.equations.count == 1 && summary.covarianceType == .nonrobust)
    return intervals(
      BinaryDesign(data), beta: summary.params[0], bse: summary.bse[0], alpha: summary.alpha)
  }

  /// [lower, upper] per parameter (const first) at level 1 − `alpha`; nil
  /// for an end the profile did not reach within its 9 steps (R's NA).
  ///
  /// - Parameters:
  ///   - beta: The maximum-likelihood estimate, const first.
  ///   - bse: Its (model-based) standard errors, which set the step.
  static func intervals(
    _ design: BinaryDesign, beta: [Double], bse: [Double], alpha: Double
  ) -> [[Double?]] {
    let deviance0 = -2 * design.logLikelihood(beta)
    let zmax = Normal.quantile(1 - alpha / 8)
    let del = zmax / 5
    let cutoffs = [Normal.quantile(alpha / 2), Normal.quantile(1 - alpha / 2)]
    return (0..<design.columns).map { i in
      var points: [(beta: Double, z: Double)] = [(beta[i], 0)]
      for sign in [-1.0, 1.0] {
        var start = beta
        var z = 0.0
        var step = 0
        while true {
          step += 1
          guard step < 10 && abs(z) < zmax else { break }
          let bi = beta[i] + sign * Double(step) * del * bse[i]
          start[i] = bi
          guard let fit = restrictedFit(design, fixed: i, from: start) else { break }
          start = fit
          let zz = -2 * design.logLikelihood(fit) - deviance0
          z = sign * max(zz, 0).squareRoot()
          points.append((bi, z))
        }
      }
      points.sort { $0.z < $1.z }
      let curve = Spline.fmmCurve(x: points.map(\.beta), y: points.map(\.z))
      return cutoffs.map { linearInterpolation(x: curve.y, y: curve.x, at: $0) }
    }
  }

  /// The maximum-likelihood fit of every parameter but `fixed`, which keeps
  /// its value in `start` (R's `glm.fit` with X[, i]·βᵢ as an offset):
  /// Newton's method from `start`, halving a step that lowers the
  /// likelihood, until the likelihood stops changing in its 15th digit.
  static func restrictedFit(
    _ design: BinaryDesign, fixed: Int, from start: [Double]
  ) -> [Double]? {
    let m = design.columns
    let free = (0..<m).filter { $0 != fixed }
    let f = free.count
    var beta = start
    if f == 0 { return beta }
    var ll = design.logLikelihood(beta)
    var row = [Double](repeating: 0, count: f)
    for _ in 0..<200 {
      let p = design.probabilities(beta)
      var g = [Double](repeating: 0, count: f)
      var h = [Double](repeating: 0, count: f * f)
      // The free columns' gradient and information, upper half then mirrored.
      for r in 0..<design.rows {
        for a in 0..<f { row[a] = design.x[r * m + free[a]] }
        let w = p[r] * (1 - p[r])
        let residual = design.y[r] - p[r]
        for a in 0..<f {
          g[a] += residual * row[a]
          let wa = w * row[a]
          for b in a..<f { h[a * f + b] += wa * row[b] }
        }
      }
      for a in 0..<f { for b in 0..<a { h[a * f + b] = h[b * f + a] } }
      guard let inverse = inverseOfPositiveDefinite(h, size: f) else { return nil }
      var delta = [Double](repeating: 0, count: f)
      for a in 0..<f { for b in 0..<f { delta[a] += inverse[a * f + b] * g[b] } }
      var t = 1.0
      var trial = beta
      var next = ll
      repeat {
        for (a, j) in free.enumerated() { trial[j] = beta[j] + t * delta[a] }
        next = design.logLikelihood(trial)
        t /= 2
      } while next < ll - 1e-12 * abs(ll) && t > 1e-10
      let change = abs(next - ll)
      beta = trial
      ll = next
      if change <= 1e-15 * (abs(ll) + 0.1) { return beta }
    }
    return beta
  }

  /// R's `approx(x, y, xout)` (linear, rule = 1, ties averaged): y at `v`
  /// on the broken line through (x, y) sorted by x; nil outside [min x, max x].
  static func linearInterpolation(x: [Double], y: [Double], at v: Double) -> Double? {
    let (xs, ys) = Spline.regularized(x: x, y: y)
    guard let first = xs.first, let last = xs.last, v >= first && v <= last else { return nil }
    var lo = 0
    var hi = xs.count - 1
    while lo < hi - 1 {
      let mid = (lo + hi) / 2
      if v < xs[mid] { hi = mid } else { lo = mid }
    }
    if v == xs[hi] { return ys[hi] }
    if v == xs[lo] { return ys[lo] }
    return ys[lo] + (ys[hi] - ys[lo]) * ((v - xs[lo]) / (xs[hi] - xs[lo]))
  }
}
