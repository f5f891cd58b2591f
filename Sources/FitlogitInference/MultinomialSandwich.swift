/// The robust covariances of a K-class logit, statsmodels' MNLogit with
/// `cov_type="HC0"` or `"cluster"`: B · M · B with B the inverse
/// information and M the outer products of the scores, per row (HC0) or
/// summed per group (cluster, with statsmodels' correction
/// G/(G − 1) · (n − 1)/(n − k), k the number of parameters).
///
/// The score of row i in equation k is (d_ik − p_ik) x_i. HC1–HC3 have no
/// K-class reference (statsmodels' MNLogit returns HC0's numbers for them
/// and R's sandwich has no multinomial method), so they are refused
/// upstream rather than invented here.
func multinomialSandwich(
  _ type: CovarianceType, design: MultinomialDesign, probabilities p: [[Double]],
  bread: [Double], groups: [Int]?
) -> [Double] {
  let m = design.parameterCount
  let c = design.columns
  let n = design.rows
  func score(_ i: Int) -> [Double] {
    var s = [Double](repeating: 0, count: m)
    let xi = design.row(i)
    for k in 1..<design.classes {
      let r = (design.y[i] == k ? 1 : 0) - p[i][k]
      for (a, x) in xi.enumerated() { s[(k - 1) * c + a] = r * x }
    }
    return s
  }
  var contributions: [[Double]]
  var factor = 1.0
  if type == .cluster, let groups {
    let count = (groups.max() ?? -1) + 1
    contributions = [[Double]](repeating: [Double](repeating: 0, count: m), count: count)
    for i in 0..<n {
      let s = score(i)
      for a in 0..<m { contributions[groups[i]][a] += s[a] }
    }
    let G = Double(count)
    factor = G / (G - 1) * Double(n - 1) / Double(n - m)
  } else {
    contributions = (0..<n).map(score)
  }
  var meat = [Double](repeating: 0, count: m * m)
  for s in contributions {
    for a in 0..<m where s[a] != 0 {
      for b in 0..<m { meat[a * m + b] += s[a] * s[b] }
    }
  }
  return sandwich(bread: bread, meat: meat, size: m, factor: factor)
}

/// factor · B M B for m × m row-major matrices.
func sandwich(bread: [Double], meat: [Double], size m: Int, factor: Double) -> [Double] {
  var bm = [Double](repeating: 0, count: m * m)
  for a in 0..<m {
    for b in 0..<m {
      var s = 0.0
      for c in 0..<m { s += bread[a * m + c] * meat[c * m + b] }
      bm[a * m + b] = s
    }
  }
  var v = [Double](repeating: 0, count: m * m)
  for a in 0..<m {
    for b in 0..<m {
      var s = 0.0
      for c in 0..<m { s += bm[a * m + c] * bread[c * m + b] }
      v[a * m + b] = factor * s
    }
  }
  return v
}
