import FitlogitSystem

/// The chi-square distribution's upper tail, for the likelihood-ratio test.
public enum ChiSquare {
  /// P(χ²_k > x) = Q(k/2, x/2), the regularized upper incomplete gamma.
  ///
  /// - Edge cases: 1 at x ≤ 0; NaN for k ≤ 0 or NaN input.
  public static func survival(_ x: Double, degreesOfFreedom k: Double) -> Double {
    if x.isNaN || k.isNaN || !(k > 0) { return .nan }
    if x <= 0 { return 1 }
    if x.isInfinite { return 0 }
    return regularizedUpperGamma(k / 2, x / 2)
  }
}

/// Q(a, x) = Γ(a, x)/Γ(a): the power series for P = 1 − Q when x < a + 1,
/// where it converges fast and Q is not small; Lentz's continued fraction
/// for Q itself otherwise, so a tiny tail probability keeps its digits.
func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
  let logPrefix = a * libmLog(x) - x - libmLgamma(a)
  if x < a + 1 {
    var term = 1 / a
    var sum = term
    var n = a
    for _ in 0..<10_000 {
      n += 1
      term *= x / n
      sum += term
      if abs(term) < abs(sum) * 1e-17 { break }
    }
    return 1 - sum * libmExp(logPrefix)
  }
  let tiny = 1e-300
  var b = x + 1 - a
  var c = 1 / tiny
  var d = 1 / b
  var h = d
  for i in 1..<10_000 {
    let an = -Double(i) * (Double(i) - a)
    b += 2
    d = an * d + b
    if abs(d) < tiny { d = tiny }
    c = b + an / c
    if abs(c) < tiny { c = tiny }
    d = 1 / d
    let delta = d * c
    h *= delta
    if abs(delta - 1) < 1e-17 { break }
  }
  return libmExp(logPrefix) * h
}
