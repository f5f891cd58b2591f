/// Heteroskedasticity- and cluster-robust covariances of a two-class
/// logit: B · M · B, where B is the inverse information (the "bread") and
/// M sums the outer products of the score contributions (y − p) x.
///
/// The small-sample corrections are R's `sandwich` ones on a glm, not
/// statsmodels': its `Logit(...).fit(cov_type="HC1")` (and HC2, HC3)
/// returns the HC0 numbers unchanged.
func sandwichCovariance(
  _ type: CovarianceType, design: BinaryDesign, probabilities p: [Double],
  bread: [Double], groups: [Int]?
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
    // One score per group (ids 0..<G, numbered by first appearance).
    var scores = [[Double]](
      repeating: [Double](repeating: 0, count: m), count: (groups!.max() ?? -1) + 1)
    for i in 0..<n {
      let u = design.y[i] - p[i]
      for (a, xa) in design.row(i).enumerated() { scores[groups![i]][a] += u * xa }
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
  return sandwich(bread: bread, meat: meat, size: m, factor: factor)
}
