import FitlogitSystem

/// The one-feature data as distinct (x, y) rows with counts, sorted: what
/// the page's script sums the loss over. Repeated values (ages, counts)
/// shrink a large file to a few thousand rows with the loss unchanged.
struct WeightedRows {
  var x: [Double] = []
  var y: [Int] = []
  var count: [Int] = []
  /// False when the rows are a systematic sample of the data.
  var complete = true
  /// Rows in the data.
  var total = 0

  /// At most `limit` distinct rows: all of them when they fit, otherwise
  /// every k-th row of the data sorted by (x, y). O(n log n).
  init(x values: [Double], labels: [Int], limit: Int = 20_000) {
    total = values.count
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
      } else {
        x.append(values[i])
        y.append(labels[i])
        count.append(1)
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
}

/// The probability σ(z) gives class `label`, clipped to [ε, 1 − ε] as
/// scikit-learn's `log_loss` and the command line clip it; the page's
/// script uses the same formula, operation for operation.
func trueClassProbability(_ z: Double, label: Int) -> Double {
  let eps = 2.220446049250313e-16
  let p = 1 / (1 + libmExp(-z))
  return min(max(label == 1 ? p : 1 - p, eps), 1 - eps)
}
