import FitlogitCore
import FitlogitData
import FitlogitSystem

/// A two-class dataset as the textbook writes it: the design matrix X with
/// the constant first (statsmodels' `add_constant`), and y in {0, 1}.
/// The robust covariances, Firth's fit and the marginal effects all work
/// on rows of X, so they share this one copy.
struct BinaryDesign {
  /// Rows × columns, row-major; column 0 is the constant.
  var x: [Double]
  var y: [Double]
  var rows: Int
  var columns: Int

  init(_ data: Dataset) {
    rows = data.sampleCount
    columns = data.featureCount + 1
    x = [Double](repeating: 1, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<data.featureCount { x[i * columns + j + 1] = data.features[i, j] }
    }
    y = data.labels.map { Double($0) }
  }

  func row(_ i: Int) -> ArraySlice<Double> { x[(i * columns)..<((i + 1) * columns)] }

  /// x_i · β.
  func margin(_ i: Int, _ beta: [Double]) -> Double {
    var s = 0.0
    for j in 0..<columns { s += x[i * columns + j] * beta[j] }
    return s
  }

  /// P(y = 1) at every row.
  func probabilities(_ beta: [Double]) -> [Double] {
    (0..<rows).map { sigmoid(margin($0, beta)) }
  }

  /// Xᵀ W X with W = diag(p (1 − p)): the information matrix.
  func information(_ p: [Double]) -> [Double] {
    let m = columns
    var h = [Double](repeating: 0, count: m * m)
    for i in 0..<rows {
      let w = p[i] * (1 - p[i])
      for a in 0..<m {
        let xa = w * x[i * m + a]
        for b in a..<m { h[a * m + b] += xa * x[i * m + b] }
      }
    }
    for a in 0..<m { for b in 0..<a { h[a * m + b] = h[b * m + a] } }
    return h
  }

  /// The log-likelihood Σ y log p + (1 − y) log(1 − p), in the stable form
  /// −log(1 + e^{−|r|}) − max(∓r, 0).
  func logLikelihood(_ beta: [Double]) -> Double {
    var s = 0.0
    for i in 0..<rows {
      let r = margin(i, beta)
      let signed = y[i] == 1 ? r : -r
      s -= libmLog1pExp(-abs(signed)) + max(-signed, 0)
    }
    return s
  }
}

/// log(1 + e^x) for x ≤ 0 without overflow.
func libmLog1pExp(_ x: Double) -> Double { libmLog1p(libmExp(x)) }
