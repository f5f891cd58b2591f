// The metrics of predicted probabilities: log loss and the Brier score,
// as sklearn.metrics computes them.
import FitlogitSystem

/// `log_loss(y_true, y_proba, labels=range(K), sample_weight=w)`: the
/// (weighted) mean of −log pᵢ,yᵢ, each probability clipped to [ε, 1 − ε]
/// (ε = 2⁻⁵²) and rows not renormalized.
///
/// - Parameters:
///   - probabilities: One row of K probabilities per label, in class order.
public func logLoss(
  _ yTrue: [Int], probabilities: [[Double]], sampleWeight: [Double]? = nil
) -> Double {
  precondition(yTrue.count == probabilities.count, "one row per label")
  let eps = Double.ulpOfOne
  let losses = yTrue.indices.map { i in
    -libmLog(min(max(probabilities[i][yTrue[i]], eps), 1 - eps))
  }
  return numpyAverage(losses, weights: sampleWeight)
}

/// `log_loss(y_true, p)` with p the positive class's probability: the rows
/// are (1 − p, p), as scikit-learn stacks them.
public func logLoss(
  _ yTrue: [Int], positiveProbability p: [Double], sampleWeight: [Double]? = nil
) -> Double {
  logLoss(yTrue, probabilities: p.map { [1 - $0, $0] }, sampleWeight: sampleWeight)
}

/// `brier_score_loss(y_true, p, sample_weight=w)` for two classes: the
/// (weighted) mean of (yᵢ − pᵢ)², computed as scikit-learn does, on the
/// stacked rows (1 − p, p) and halved:
///
///     ½ · average((t₀ − (1 − p))² + (t₁ − p)²)
///
/// (1 − (1 − p) is not always p in floating point, so the order matters.)
public func brierScoreLoss(
  _ yTrue: [Int], positiveProbability p: [Double], sampleWeight: [Double]? = nil
) -> Double {
  precondition(yTrue.count == p.count, "one probability per label")
  let rows = yTrue.indices.map { i -> Double in
    let t1 = Double(yTrue[i] == 1 ? 1 : 0)
    let a = (1 - t1) - (1 - p[i])
    let b = t1 - p[i]
    return a * a + b * b
  }
  return numpyAverage(rows, weights: sampleWeight) * 0.5
}
