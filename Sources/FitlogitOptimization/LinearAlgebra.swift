/// The dense linear algebra every solver and the inference tables share:
/// Cholesky factorization and the two triangular solves, written once, in
/// LAPACK's loop order (dpotf2, dtrsv) so that results round as the
/// reference ports do. Matrices are row-major `[Double]` with an explicit
/// row length (`stride`), so a solver can factor a block in place.

/// In-place upper Cholesky factor (U'U = A) of the size×size block at
/// `offset` of a row-major matrix with row length `stride`; reads only the
/// upper triangle, in LAPACK dpotf2's order.
///
/// - Returns: false if a pivot is not positive (A is not positive definite).
public func choleskyUpper(_ a: inout [Double], size: Int, stride: Int, offset: Int) -> Bool {
  for j in 0..<size {
    var d = 0.0
    for k in 0..<j { d += a[offset + k * stride + j] * a[offset + k * stride + j] }
    var ajj = a[offset + j * stride + j]
    if j > 0 { ajj -= d }
    if !(ajj > 0) { return false }
    ajj = ajj.squareRoot()
    a[offset + j * stride + j] = ajj
    for c in (j + 1)..<max(j + 1, size) {
      var e = 0.0
      for k in 0..<j { e += a[offset + k * stride + j] * a[offset + k * stride + c] }
      var v = a[offset + j * stride + c]
      if j > 0 { v -= e }
      a[offset + j * stride + c] = v / ajj
    }
  }
  return true
}

/// Solves U'x = b in place (forward substitution); U is the upper
/// triangle of the leading size×size block, row length `stride`.
///
/// - Returns: false if a diagonal entry is 0 (x is then partly written).
@discardableResult
public func solveUpperTransposed(
  _ u: [Double], size n: Int, stride: Int, _ x: inout [Double]
) -> Bool {
  for i in 0..<n {
    if u[i * stride + i] == 0 { return false }
    var sum = x[i]
    for k in 0..<i { sum -= u[k * stride + i] * x[k] }
    x[i] = sum / u[i * stride + i]
  }
  return true
}

/// Solves Ux = b in place (back substitution).
///
/// - Returns: false if a diagonal entry is 0.
@discardableResult
public func solveUpper(
  _ u: [Double], size n: Int, stride: Int, _ x: inout [Double]
) -> Bool {
  for i in Swift.stride(from: n - 1, through: 0, by: -1) {
    if u[i * stride + i] == 0 { return false }
    var sum = x[i]
    for k in (i + 1)..<max(i + 1, n) { sum -= u[i * stride + k] * x[k] }
    x[i] = sum / u[i * stride + i]
  }
  return true
}

/// The inverse of a symmetric positive definite matrix (row-major n×n)
/// through its Cholesky factor, or nil if a pivot is not positive.
///
/// For covariance matrices (the inverse of an information matrix), where
/// an explicit inverse is what gets reported.
public func inverseOfPositiveDefinite(_ a: [Double], size n: Int) -> [Double]? {
  var u = a
  guard choleskyUpper(&u, size: n, stride: n, offset: 0) else { return nil }
  var inverse = [Double](repeating: 0, count: n * n)
  var column = [Double](repeating: 0, count: n)
  for c in 0..<n {
    for i in 0..<n { column[i] = i == c ? 1 : 0 }
    solveUpperTransposed(u, size: n, stride: n, &column)
    solveUpper(u, size: n, stride: n, &column)
    for i in 0..<n { inverse[i * n + c] = column[i] }
  }
  return inverse
}

/// The reciprocal condition number in the 1-norm, 1/(‖A‖₁·‖A⁻¹‖₁), of a
/// symmetric matrix `a` (row-major n×n) whose upper Cholesky factor is `u`,
/// with ‖A⁻¹‖₁ estimated as LAPACK's `dsycon` does (Hager's method with
/// Higham's refinements, `dlacn2`): a handful of solves, O(n²), never the
/// inverse.
///
/// Why: scipy's `solve(assume_a="sym")` warns (LinAlgWarning) when this
/// falls below machine epsilon, and scikit-learn's newton-cholesky then
/// leaves Newton for lbfgs (``Newton``).
public func reciprocalCondition(_ a: [Double], factor u: [Double], size n: Int) -> Double {
  var anorm = 0.0
  for c in 0..<n {
    var sum = 0.0
    for r in 0..<n { sum += abs(a[r * n + c]) }
    anorm = max(anorm, sum)
  }
  guard anorm > 0 else { return 0 }
  func solve(_ v: inout [Double]) {
    solveUpperTransposed(u, size: n, stride: n, &v)
    solveUpper(u, size: n, stride: n, &v)
  }
  func norm1(_ v: [Double]) -> Double { v.reduce(0) { $0 + abs($1) } }
  func signs(_ v: [Double]) -> [Double] { v.map { $0 >= 0 ? 1 : -1 } }
  func argmaxAbs(_ v: [Double]) -> Int {
    var j = 0
    for i in 1..<max(v.count, 1) where abs(v[i]) > abs(v[j]) { j = i }
    return j
  }
  var x = [Double](repeating: 1 / Double(n), count: n)
  solve(&x)
  var estimate = norm1(x)
  if n > 1 {
    var xi = signs(x)
    x = xi
    solve(&x)
    var j = argmaxAbs(x)
    var iteration = 2
    while true {
      x = [Double](repeating: 0, count: n)
      x[j] = 1
      solve(&x)
      let previous = estimate
      estimate = norm1(x)
      let s = signs(x)
      if s == xi || estimate <= previous { break }
      xi = s
      x = xi
      solve(&x)
      let last = j
      j = argmaxAbs(x)
      if abs(x[last]) == abs(x[j]) || iteration >= 5 { break }
      iteration += 1
    }
    // The alternating-sign vector, for matrices that fool the iteration.
    var alt = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let size = 1 + Double(i) / Double(n - 1)
      alt[i] = i % 2 == 0 ? size : -size
    }
    solve(&alt)
    estimate = max(estimate, 2 * norm1(alt) / Double(3 * n))
  }
  guard estimate.isFinite, estimate > 0 else { return 0 }
  return 1 / (anorm * estimate)
}
