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
package func sklearnLogLoss(_ model: LogisticModel, _ x: Matrix, labels: [Int]) -> Double {
  precondition(labels.count == x.rows)
  let eps = Double.ulpOfOne
  var sum = 0.0
  model.forEachRow(unchecked: x) { i, p in
    sum -= libmLog(min(max(p[labels[i]], eps), 1 - eps))
  }
  return sum / Double(labels.count)
}
