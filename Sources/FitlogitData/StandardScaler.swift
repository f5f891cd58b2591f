/// scikit-learn's `StandardScaler`: each numeric column minus its mean,
/// divided by its population standard deviation (ddof = 0).
///
/// The variance is computed as scikit-learn's `_incremental_mean_and_var`
/// does for one batch, with the rounding correction: Σ(x−μ)² − (Σ(x−μ))²/n,
/// over n. A column whose variance is zero up to rounding (scikit-learn's
/// `_is_constant_feature`) keeps scale 1, so it is centred, not divided by 0.
public struct StandardScaler: Sendable, Equatable {
  /// The first ``mean``.count columns of the matrix are scaled.
  public var mean: [Double]
  /// `scale_`: the standard deviation, or 1 for a constant column.
  public var scale: [Double]

  public init(mean: [Double], scale: [Double]) {
    precondition(mean.count == scale.count)
    self.mean = mean
    self.scale = scale
  }

  /// Fits the first `columns` columns of `x`.
  public init(fitting x: Matrix, columns: Int) {
    let n = x.rows
    let d = x.columns
    var mean = [Double](repeating: 0, count: columns)
    var scale = [Double](repeating: 1, count: columns)
    x.values.withUnsafeBufferPointer { v in
      for j in 0..<columns {
        var sum = 0.0
        for i in 0..<n { sum += v[i * d + j] }
        let mu = sum / Double(n)
        var squares = 0.0
        var correction = 0.0
        for i in 0..<n {
          let c = v[i * d + j] - mu
          squares += c * c
          correction += c
        }
        let variance = (squares - correction * correction / Double(n)) / Double(n)
        mean[j] = mu
        let eps = Double.ulpOfOne
        let bound = Double(n) * eps * variance + (Double(n) * mu * eps) * (Double(n) * mu * eps)
        scale[j] = variance <= bound ? 1 : variance.squareRoot()
      }
    }
    self.init(mean: mean, scale: scale)
  }

  /// Scales the first ``mean``.count columns of `x` in place.
  public func transform(_ x: inout Matrix) {
    let n = x.rows
    let d = x.columns
    let m = mean.count
    x.values.withUnsafeMutableBufferPointer { v in
      for i in 0..<n {
        for j in 0..<m {
          v[i * d + j] = (v[i * d + j] - mean[j]) / scale[j]
        }
      }
    }
  }
}
