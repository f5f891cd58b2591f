import FitlogitData

/// Where each coefficient and intercept sits in the optimizer's flat
/// parameter vector: the one owner of that layout, as scikit-learn's
/// `LinearModelLoss.weight_intercept` is.
///
///     two classes:  w = (β₀ … β_{d−1}, b)             rows = 1
///     K classes:    w[k + K·j] = W[k, j],  j = d the intercepts   rows = K
///
/// The K×(d+1) matrix W is flattened in Fortran order (the class index
/// varies fastest), the intercepts last; without an intercept the last
/// column is absent. The two-class layout is the K-class one with one row,
/// so every index below works for both.
public struct ParameterLayout: Equatable, Sendable {
  /// d: coefficients per row.
  public let featureCount: Int
  /// 2 for the binary model, K > 2 for the multinomial one.
  public let classCount: Int
  public let fitIntercept: Bool

  public init(featureCount: Int, classCount: Int, fitIntercept: Bool) {
    precondition(featureCount >= 0 && classCount >= 2)
    self.featureCount = featureCount
    self.classCount = classCount
    self.fitIntercept = fitIntercept
  }

  /// Rows of `coef_`: one for two classes (the positive class), else K.
  public var rows: Int { classCount == 2 ? 1 : classCount }

  /// Columns of W: d, plus one for the intercepts.
  public var columns: Int { featureCount + (fitIntercept ? 1 : 0) }

  /// Length of the flat vector.
  public var dimension: Int { rows * columns }

  /// The coefficients, which the penalty applies to, are the flat indices
  /// `0..<coefficientCount`; the intercepts (never penalized) follow.
  public var coefficientCount: Int { rows * featureCount }

  /// Flat index of W[row, column]; column d is the intercept.
  @inline(__always)
  public func index(row k: Int, column j: Int) -> Int { k + rows * j }

  /// Flat index of row k's intercept; only with ``fitIntercept``.
  @inline(__always)
  public func interceptIndex(row k: Int) -> Int { k + rows * featureCount }

  /// `coef_` (rows × d) from a flat vector.
  public func coefficients(of w: [Double]) -> Matrix {
    precondition(w.count == dimension)
    var values = [Double](repeating: 0, count: rows * featureCount)
    for k in 0..<rows {
      for j in 0..<featureCount { values[k * featureCount + j] = w[index(row: k, column: j)] }
    }
    return Matrix(rows: rows, columns: featureCount, uncheckedValues: values)
  }

  /// `intercept_` from a flat vector: zeros without an intercept.
  public func intercepts(of w: [Double]) -> [Double] {
    (0..<rows).map { k in fitIntercept ? w[interceptIndex(row: k)] : 0 }
  }

  /// The flat vector of `coef_` and `intercept_` (the intercepts are
  /// dropped without ``fitIntercept``).
  public func flatten(coef: Matrix, intercept: [Double]) -> [Double] {
    precondition(coef.rows == rows && coef.columns == featureCount)
    var w = [Double](repeating: 0, count: dimension)
    for k in 0..<rows {
      for j in 0..<featureCount { w[index(row: k, column: j)] = coef[k, j] }
      if fitIntercept { w[interceptIndex(row: k)] = intercept[k] }
    }
    return w
  }
}
