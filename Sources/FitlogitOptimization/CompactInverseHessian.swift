/// The L-BFGS memory and the quasi-Newton step L-BFGS-B computes from it
/// when no variable is bounded (`formk` + `subsm`, docs/SKLEARN_LBFGS.md §E-6).
///
/// The step equals the textbook two-loop recursion in exact arithmetic; the
/// compact form is kept because its rounding is scikit-learn's.
struct CompactInverseHessian {
  let capacity: Int
  /// Pairs, oldest first: s = step, y = change in gradient.
  private(set) var s: [[Double]] = []
  private(set) var y: [[Double]] = []
  /// sᵢ'yᵢ as L-BFGS-B computes it ("dr"), per pair.
  private var sy: [Double] = []
  /// sᵢ'sᵢ (dtd·stp²) and the cross products formt needs.
  private var ssDiagonal: [Double] = []
  /// syLower[i][j] = s_i·y_j (i > j); ssUpper[i][j] = s_i·s_j (i < j).
  private var syLower: [[Double]] = []
  private var ssUpper: [[Double]] = []
  /// θ: the scaling of the initial matrix, y'y/s'y of the newest pair.
  private(set) var theta = 1.0
  /// The 2c×2c upper-triangular factor, rebuilt only after an update.
  private var factor: [Double] = []
  private var factorIsCurrent = false

  init(capacity: Int) { self.capacity = capacity }

  var count: Int { s.count }

  /// Forgets every pair (after a failed line search or factorization).
  mutating func reset() {
    s.removeAll(keepingCapacity: true)
    y.removeAll(keepingCapacity: true)
    sy.removeAll(keepingCapacity: true)
    ssDiagonal.removeAll(keepingCapacity: true)
    syLower.removeAll(keepingCapacity: true)
    ssUpper.removeAll(keepingCapacity: true)
    theta = 1
    factorIsCurrent = false
  }

  /// Appends a pair (matupd), dropping the oldest when full, and checks
  /// that T = θ·S'S + L·D⁻¹·L' factors (formt).
  ///
  /// - Returns: false if the factorization failed; the memory was reset.
  mutating func append(
    s newS: [Double], y newY: [Double], sy dr: Double, ss: Double, theta newTheta: Double
  ) -> Bool {
    if s.count == capacity {
      s.removeFirst()
      y.removeFirst()
      sy.removeFirst()
      ssDiagonal.removeFirst()
      syLower.removeFirst()
      for i in syLower.indices { syLower[i].removeFirst() }
      ssUpper.removeFirst()
      for i in ssUpper.indices { ssUpper[i].removeFirst() }
    }
    // Cross products with the pairs already stored, as matupd's ddot.
    let c = s.count
    var lowerRow = [Double](repeating: 0, count: c + 1)
    for j in 0..<c {
      lowerRow[j] = dot(newS, y[j])
      ssUpper[j].append(dot(s[j], newS))
    }
    syLower.append(lowerRow)
    ssUpper.append([Double](repeating: 0, count: c + 1))
    s.append(newS)
    y.append(newY)
    theta = newTheta
    ssDiagonal.append(ss)
    sy.append(dr)
    factorIsCurrent = false
    if !middleMatrixFactors() {
      reset()
      return false
    }
    return true
  }

  /// formt: whether θ·S'S + L·D⁻¹·L' has a Cholesky factor.
  private func middleMatrixFactors() -> Bool {
    let c = s.count
    func ssAt(_ i: Int, _ j: Int) -> Double { i == j ? ssDiagonal[i] : ssUpper[i][j] }
    func syAt(_ i: Int, _ j: Int) -> Double { i == j ? sy[i] : syLower[i][j] }
    var t = [Double](repeating: 0, count: c * c)
    for j in 0..<c { t[j] = theta * ssAt(0, j) }
    if c > 1 {
      for i in 1..<c {
        for j in i..<c {
          let k1 = min(i, j)
          var ddum = 0.0
          for k in 0..<k1 { ddum = ddum + ((syAt(i, k) * syAt(j, k)) / syAt(k, k)) }
          t[i * c + j] = ddum + theta * ssAt(i, j)
        }
      }
    }
    return choleskyUpper(&t, size: c, stride: c, offset: 0)
  }

  /// z = x + v with v = −H·g, H the L-BFGS inverse Hessian (formk + subsm).
  ///
  /// - Returns: false if a factorization failed (the caller resets).
  mutating func step(
    from x: [Double], gradient g: [Double], into z: inout [Double]
  ) -> Bool {
    let c = s.count
    let n = x.count
    if !factorIsCurrent {
      guard buildFactor() else { return false }
    }
    let c2 = 2 * c
    var v = [Double](repeating: 0, count: n)
    for i in 0..<n { v[i] = -g[i] }
    var w = [Double](repeating: 0, count: c2)
    for i in 0..<c {
      w[i] = dot(y[i], v)
      w[c + i] = theta * dot(s[i], v)
    }
    guard solveUpperTransposed(factor, size: c2, stride: c2, &w) else { return false }
    for i in 0..<c { w[i] = -w[i] }
    guard solveUpper(factor, size: c2, stride: c2, &w) else { return false }
    for j in 0..<c {
      let sj = s[j]
      let yj = y[j]
      for i in 0..<n { v[i] = (v[i] + (yj[i] * w[j]) / theta) + sj[i] * w[c + j] }
    }
    let inverseTheta = 1 / theta
    for i in 0..<n { z[i] = x[i] + v[i] * inverseTheta }
    return true
  }

  /// formk with no active set: W = [[U11, X], [0, U22]] where
  /// U11'U11 = D + Y'Y/θ, X = U11⁻ᵀR' (R the upper triangle of S'Y) and
  /// U22'U22 = X'X.
  private mutating func buildFactor() -> Bool {
    let c = s.count
    let c2 = 2 * c
    factor = [Double](repeating: 0, count: c2 * c2)
    for iy in 0..<c {
      for jy in 0...iy { factor[jy * c2 + iy] = dot(y[iy], y[jy]) / theta }
      // formk stores −0.0 above the R' block; kept for identical rounding.
      for jy in 0..<iy { factor[jy * c2 + c + iy] = -0.0 }
      for jy in iy..<c { factor[jy * c2 + c + iy] = dot(s[iy], y[jy]) }
      factor[iy * c2 + iy] = factor[iy * c2 + iy] + sy[iy]
    }
    guard choleskyUpper(&factor, size: c, stride: c2, offset: 0) else { return false }
    // X = U11⁻ᵀ·(the R' block), column by column.
    var column = [Double](repeating: 0, count: c)
    for col in 0..<c {
      for i in 0..<c { column[i] = factor[i * c2 + c + col] }
      solveUpperTransposed(factor, size: c, stride: c2, &column)
      for i in 0..<c { factor[i * c2 + c + col] = column[i] }
    }
    for i in c..<c2 {
      for j in i..<c2 {
        var d = 0.0
        for k in 0..<c { d += factor[k * c2 + i] * factor[k * c2 + j] }
        factor[i * c2 + j] = d
      }
    }
    guard choleskyUpper(&factor, size: c, stride: c2, offset: c * c2 + c) else { return false }
    for i in c..<c2 {
      for j in 0..<c { factor[i * c2 + j] = 0 }
    }
    factorIsCurrent = true
    return true
  }
}

/// Sequential dot product, the order of a plain port of `ddot`.
@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double {
  var sum = 0.0
  for i in a.indices { sum += a[i] * b[i] }
  return sum
}
