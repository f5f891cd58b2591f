import FitlogitSystem

/// The one-feature data as distinct (x, y) rows with counts, sorted: what
/// the page's script sums the loss over. Repeated values (ages, counts)
/// shrink a large file to a few thousand rows with the loss unchanged.
/// With sample weights each row also carries the sum of its rows' weights:
/// Σ sᵢℓ(x, y) over equal (x, y) is ℓ(x, y)·Σ sᵢ.
struct WeightedRows {
  var x: [Double] = []
  var y: [Int] = []
  var count: [Int] = []
  /// Σ sᵢ of each row's data rows; nil without weights.
  var weight: [Double]?
  /// S, the weight sum of all the data (N without weights): what the
  /// penalty is divided by, even when the rows are a sample.
  var totalWeight = 0.0
  /// False when the rows are a systematic sample of the data.
  var complete = true
  /// Rows in the data.
  var total = 0

  /// At most `limit` distinct rows: all of them when they fit, otherwise
  /// every k-th row of the data sorted by (x, y). O(n log n).
  init(x values: [Double], labels: [Int], weights: [Double]? = nil, limit: Int = 20_000) {
    total = values.count
    totalWeight = weights.map { $0.reduce(0, +) } ?? Double(values.count)
    if weights != nil { weight = [] }
    var order = values.indices.sorted {
      values[$0] < values[$1] || (values[$0] == values[$1] && labels[$0] < labels[$1])
    }
    var distinct = 0
    for (k, i) in order.enumerated()
    where k == 0 || values[i] != values[order[k - 1]] || labels[i] != labels[order[k - 1]] {
      distinct += 1
    }
    if distinct > limit {
      order = evenlySpacedRanks(order.count, slots: limit).map { order[$0] }
      complete = false
    }
    for i in order {
      if let last = x.last, last == values[i], y.last == labels[i] {
        count[count.count - 1] += 1
        if let weights { weight![weight!.count - 1] += weights[i] }
      } else {
        x.append(values[i])
        y.append(labels[i])
        count.append(1)
        if let weights { weight!.append(weights[i]) }
      }
    }
  }

  /// Mean clipped log loss at (w, b): scikit-learn's `log_loss`, ε = 2⁻⁵².
  func logLoss(w: Double, b: Double) -> Double {
    var sum = 0.0
    var n = 0
    for k in x.indices {
      sum -= Double(count[k]) * libmLog(trueClassProbability(w * x[k] + b, label: y[k]))
      n += count[k]
    }
    return sum / Double(max(n, 1))
  }

  /// Σ sᵢℓᵢ / Σ sᵢ, the loss part of the objective; the plain mean without
  /// weights.
  func weightedLogLoss(w: Double, b: Double) -> Double {
    guard let weight else { return logLoss(w: w, b: b) }
    var sum = 0.0
    var S = 0.0
    for k in x.indices {
      sum -= weight[k] * libmLog(trueClassProbability(w * x[k] + b, label: y[k]))
      S += weight[k]
    }
    return sum / S
  }

  /// The objective the solvers minimize: the weighted mean log loss plus
  /// the penalty, divided by the whole data's weight sum.
  func objective(w: Double, b: Double, penalty: PagePenalty) -> Double {
    weightedLogLoss(w: w, b: b) + penalty.term(w: w, b: b, weightSum: totalWeight)
  }
}

/// The probability σ(z) gives class `label`, clipped to [ε, 1 − ε] as
/// scikit-learn's `log_loss` and the command line clip it; the page's
/// script uses the same formula, operation for operation.
func trueClassProbability(_ z: Double, label: Int) -> Double {
  let eps = 2.220446049250313e-16
  let p = 1 / (1 + libmExp(-z))
  return min(max(label == 1 ? p : 1 - p, eps), 1 - eps)
}
