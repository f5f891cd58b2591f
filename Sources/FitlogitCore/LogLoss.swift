import FitlogitData
import FitlogitSystem

/// scikit-learn's `log_loss(y, predict_proba(X))`: the mean of
/// −log p(true class), each probability clipped to [ε, 1 − ε] with
/// ε = DBL_EPSILON so that a certain wrong prediction costs 36.04, not ∞.
///
/// - Parameters:
///   - labels: Class index per row.
///   - probabilities: n × K, rows summing to 1.
public func sklearnLogLoss(labels: [Int], probabilities: Matrix) -> Double {
  precondition(labels.count == probabilities.rows)
  let eps = Double.ulpOfOne
  var sum = 0.0
  for (i, y) in labels.enumerated() {
    let p = min(max(probabilities[i, y], eps), 1 - eps)
    sum -= libmLog(p)
  }
  return sum / Double(labels.count)
}

/// ``sklearnLogLoss(labels:probabilities:)`` of `model` on `x`, one row at
/// a time: the same sum in the same order, without the n × K matrix.
///
/// The rows' terms are computed on all cores (each row's arithmetic is the
/// same wherever it runs) into one array, then added in row order, so the
/// result is the same to the bit as a single loop's. This pass follows
/// every fit, and on one core it was about a tenth of a 1M×100 fit's wall
/// time (by `perf`): its scalar dot products cannot be vectorized without
/// changing their order, so cores are what can shorten it.
package func sklearnLogLoss(_ model: LogisticModel, _ x: Matrix, labels: [Int]) -> Double {
  precondition(labels.count == x.rows)
  let eps = Double.ulpOfOne
  let n = x.rows
  let work = n * max(x.columns, 1) * model.classes.count
  let blocks = work >= 1 << 20 ? min(n, 4 * processorCount()) : 1
  var terms = [Double](repeating: 0, count: n)
  terms.withUnsafeMutableBufferPointer { terms in
    parallelFor(blocks) { block in
      let rows = (n * block / blocks)..<(n * (block + 1) / blocks)
      model.forEachRow(unchecked: x, rows: rows) { i, p in
        terms[i] = libmLog(min(max(p[labels[i]], eps), 1 - eps))
      }
    }
  }
  var sum = 0.0
  for t in terms { sum -= t }
  return sum / Double(labels.count)
}
