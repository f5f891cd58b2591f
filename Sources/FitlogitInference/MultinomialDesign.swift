import FitlogitData
import FitlogitSystem

/// A K-class dataset as statsmodels' `MNLogit` sees it: X with the
/// constant first, y a class index, and parameters for the K − 1
/// equations log(P(k)/P(0)), equation-major then const-first (the order
/// of `params.ravel(order="F")` and of `cov_params()`).
struct MultinomialDesign {
  /// Rows × columns, row-major; column 0 is the constant.
  var x: [Double]
  var y: [Int]
  var rows: Int
  var columns: Int
  var classes: Int

  init(_ data: Dataset) {
    rows = data.sampleCount
    columns = data.featureCount + 1
    classes = data.classCount
    x = [Double](repeating: 1, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<data.featureCount { x[i * columns + j + 1] = data.features[i, j] }
    }
    y = data.labels
  }

  /// (K − 1) · columns.
  var parameterCount: Int { (classes - 1) * columns }

  func row(_ i: Int) -> ArraySlice<Double> { x[(i * columns)..<((i + 1) * columns)] }

  /// The K probabilities of one row x (the reference class first), by the
  /// softmax of (0, x·β_1, …, x·β_{K−1}) shifted by its largest margin.
  func probabilities<C: Collection<Double>>(at x: C, _ beta: [Double]) -> [Double] {
    var eta = [Double](repeating: 0, count: classes)
    for k in 1..<classes {
      var s = 0.0
      for (j, v) in x.enumerated() { s += v * beta[(k - 1) * columns + j] }
      eta[k] = s
    }
    let top = eta.max()!
    let e = eta.map { libmExp($0 - top) }
    let total = e.reduce(0, +)
    return e.map { $0 / total }
  }

  /// Per row, the K probabilities.
  func probabilities(_ beta: [Double]) -> [[Double]] {
    (0..<rows).map { probabilities(at: row($0), beta) }
  }

  /// Σ log P(y_i | x_i), each term x·β_y − logsumexp in the shifted form.
  func logLikelihood(_ beta: [Double]) -> Double {
    var total = 0.0
    for i in 0..<rows {
      var eta = [Double](repeating: 0, count: classes)
      for k in 1..<classes {
        var s = 0.0
        for j in 0..<columns { s += x[i * columns + j] * beta[(k - 1) * columns + j] }
        eta[k] = s
      }
      let top = eta.max()!
      var sum = 0.0
      for v in eta { sum += libmExp(v - top) }
      total += eta[y[i]] - top - libmLog(sum)
    }
    return total
  }

  /// The score Σ (d_ik − p_ik) x_i and the information
  /// Σ p_ik (δ_kl − p_il) x_i x_iᵀ, k, l = 1…K−1 (−Hessian).
  func scoreAndInformation(_ p: [[Double]]) -> (score: [Double], information: [Double]) {
    let m = parameterCount
    let c = columns
    var score = [Double](repeating: 0, count: m)
    var info = [Double](repeating: 0, count: m * m)
    for i in 0..<rows {
      let xi = row(i)
      let base = xi.startIndex
      for k in 1..<classes {
        let r = (y[i] == k ? 1 : 0) - p[i][k]
        for a in 0..<c { score[(k - 1) * c + a] += r * xi[base + a] }
        for l in k..<classes {
          let w = p[i][k] * ((k == l ? 1 : 0) - p[i][l])
          for a in 0..<c {
            let wa = w * xi[base + a]
            let rowIndex = ((k - 1) * c + a) * m + (l - 1) * c
            for b in 0..<c { info[rowIndex + b] += wa * xi[base + b] }
          }
        }
      }
    }
    // The blocks l < k mirror the ones computed.
    for a in 0..<m { for b in 0..<a { info[a * m + b] = info[b * m + a] } }
    return (score, info)
  }
}
