/// R's `spline(x, y)` with its defaults (method "fmm", n = 3·length(x),
/// from min x to max x): the profile intervals interpolate through it, so
/// matching R's intervals means matching this curve, not any cubic spline.
enum Spline {
  /// R's `regularize.values(x, y, mean)`: the points sorted by x, tied x
  /// merged into one with their y averaged. Both `spline` and `approx`
  /// start here, so the profile intervals' two interpolations agree on it.
  static func regularized(x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
    let order = x.indices.sorted { x[$0] < x[$1] }
    var xs: [Double] = []
    var ys: [Double] = []
    var i = 0
    while i < order.count {
      var j = i
      var sum = 0.0
      while j < order.count && x[order[j]] == x[order[i]] {
        sum += y[order[j]]
        j += 1
      }
      xs.append(x[order[i]])
      ys.append(sum / Double(j - i))
      i = j
    }
    return (xs, ys)
  }

  /// The curve R's `spline(x, y)` returns: 3·count equally spaced x from
  /// min x to max x and the spline's value at each. Tied x are merged,
  /// their y averaged (R's `regularize.values`).
  static func fmmCurve(x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
    let (xs, ys) = regularized(x: x, y: y)
    let n = xs.count
    let count = 3 * x.count
    guard n >= 2, count >= 2 else { return (xs, ys) }
    let (b, c, d) = coefficients(xs, ys)
    let from = xs[0]
    let to = xs[n - 1]
    let by = (to - from) / Double(count - 1)
    var u = (0..<count).map { from + Double($0) * by }
    u[count - 1] = to
    var v = [Double](repeating: 0, count: count)
    var k = 0
    for (l, ul) in u.enumerated() {
      if ul < xs[k] || (k < n - 1 && xs[k + 1] < ul) {
        k = 0
        var j = n
        repeat {
          let mid = (k + j) / 2
          if ul < xs[mid] { j = mid } else { k = mid }
        } while j > k + 1
      }
      let dx = ul - xs[k]
      v[l] = ys[k] + dx * (b[k] + dx * (c[k] + dx * d[k]))
    }
    return (u, v)
  }

  /// Forsythe, Malcolm and Moler's cubic spline (R's `fmm_spline`): end
  /// conditions match the third derivative of the cubic through the four
  /// end points. On [xᵢ, xᵢ₊₁] the spline is yᵢ + bᵢt + cᵢt² + dᵢt³,
  /// t = x − xᵢ.
  static func coefficients(
    _ x: [Double], _ y: [Double]
  ) -> (b: [Double], c: [Double], d: [Double]) {
    let n = x.count
    var b = [Double](repeating: 0, count: n)
    var c = [Double](repeating: 0, count: n)
    var d = [Double](repeating: 0, count: n)
    if n < 3 {
      let t = (y[1] - y[0]) / (x[1] - x[0])
      b[0] = t
      b[1] = t
      return (b, c, d)
    }
    // Tridiagonal system: b the diagonal, d the off-diagonal, c the
    // right-hand side (0-based transcription of R's 1-based code).
    d[0] = x[1] - x[0]
    c[1] = (y[1] - y[0]) / d[0]
    for i in 1..<(n - 1) {
      d[i] = x[i + 1] - x[i]
      b[i] = 2 * (d[i - 1] + d[i])
      c[i + 1] = (y[i + 1] - y[i]) / d[i]
      c[i] = c[i + 1] - c[i]
    }
    b[0] = -d[0]
    b[n - 1] = -d[n - 2]
    c[0] = 0
    c[n - 1] = 0
    if n > 3 {
      c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
      c[n - 1] = c[n - 2] / (x[n - 1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4])
      c[0] = c[0] * d[0] * d[0] / (x[3] - x[0])
      c[n - 1] = -c[n - 1] * d[n - 2] * d[n - 2] / (x[n - 1] - x[n - 4])
    }
    for i in 1..<n {
      let t = d[i - 1] / b[i - 1]
      b[i] -= t * d[i - 1]
      c[i] -= t * c[i - 1]
    }
    c[n - 1] /= b[n - 1]
    for i in stride(from: n - 2, through: 0, by: -1) {
      c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
    }
    b[n - 1] = (y[n - 1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2 * c[n - 1])
    for i in 0..<(n - 1) {
      b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i])
      d[i] = (c[i + 1] - c[i]) / d[i]
      c[i] = 3 * c[i]
    }
    c[n - 1] = 3 * c[n - 1]
    d[n - 1] = d[n - 2]
    return (b, c, d)
  }
}
