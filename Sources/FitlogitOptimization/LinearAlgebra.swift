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
