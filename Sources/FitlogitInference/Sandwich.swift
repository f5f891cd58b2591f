/// Heteroskedasticity- and cluster-robust covariances of a two-class
/// logit: B · M · B, where B is the inverse information (the "bread") and
/// M sums the outer products of the score contributions (y − p) x.
///
/// The small-sample corrections are R's `sandwich` ones on a glm, not
/// statsmodels': its `Logit(...).fit(cov_type="HC1")` (and HC2, HC3)
/// returns the HC0 numbers unchanged.
func sandwichCovariance(
  _ type: CovarianceType, design: BinaryDesign, probabilities p: [Double],
  bread: [Double], groups: [Double]?
) -> [Double] {
  let m = design.columns
  let n = design.rows
  var meat = [Double](repeating: 0, count: m * m)
  func addOuter(_ v: [Double], _ scale: Double) {
    for a in 0..<m { for b in 0..<m { meat[a * m + b] += scale * v[a] * v[b] } }
  }
  var factor = 1.0
  switch type {
  case .nonrobust:
    return bread
  case .cluster:
    // One score per group, in order of first appearance.
    var index: [Double: Int] = [:]
    var scores: [[Double]] = []
    for i in 0..<n {
      let g = groups![i]
      let k = index[g] ?? scores.count
      if k == scores.count {
        index[g] = k
        scores.append([Double](repeating: 0, count: m))
      }
      let u = design.y[i] - p[i]
      for (a, xa) in design.row(i).enumerated() { scores[k][a] += u * xa }
    }
    for s in scores { addOuter(s, 1) }
    let G = Double(scores.count)
    factor = G / (G - 1) * Double(n - 1) / Double(n - m)
  case .HC0, .HC1, .HC2, .HC3:
    for i in 0..<n {
      let xi = Array(design.row(i))
      let u = design.y[i] - p[i]
      var scale = u * u
      if type == .HC2 || type == .HC3 {
        // The glm's hat value: w xᵢᵀ B xᵢ.
        var q = 0.0
        for a in 0..<m { for b in 0..<m { q += xi[a] * bread[a * m + b] * xi[b] } }
        let h = p[i] * (1 - p[i]) * q
        scale /= type == .HC2 ? 1 - h : (1 - h) * (1 - h)
      }
      addOuter(xi, scale)
    }
    if type == .HC1 { factor = Double(n) / Double(n - m) }
  }
  // B M B, scaled.
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
