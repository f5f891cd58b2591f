// The threshold-free scores of predicted probabilities: ROC AUC (binary
// and one-vs-rest) and average precision, as sklearn.metrics computes them.

/// `roc_auc_score(y_true, y_score, sample_weight=w)` for two classes.
/// `nil` where scikit-learn returns NaN: only one class in `positive`, or
/// no weight on one of them.
public func rocAUCScore(
  positive: [Bool], score: [Double], sampleWeight: [Double]? = nil
) -> Double? {
  guard positive.contains(true), positive.contains(false),
    let curve = rocCurve(positive: positive, score: score, sampleWeight: sampleWeight)
  else { return nil }
  return trapezoidArea(x: curve.fpr, y: curve.tpr)
}

/// How one-vs-rest AUCs are averaged over the classes.
public enum ClassAverage: String, Sendable, CaseIterable {
  /// The plain mean over classes.
  case macro
  /// Weighted by each class's (weighted) number of true rows.
  case weighted
}

/// `roc_auc_score(y_true, y_proba, multi_class="ovr", average=…,
/// labels=range(K), sample_weight=w)`: each class's probability column
/// against the rest, averaged. `nil` where scikit-learn returns NaN (a
/// class with no rows, for `macro`).
///
/// - Parameters:
///   - probabilities: One row of K probabilities per label, in class order.
public func rocAUCOneVsRest(
  _ yTrue: [Int], probabilities: [[Double]], average: ClassAverage,
  sampleWeight: [Double]? = nil
) -> Double? {
  let k = probabilities.first?.count ?? 0
  var scores: [Double] = []
  var support = [Double](repeating: 0, count: k)
  for c in 0..<k {
    let positive = yTrue.map { $0 == c }
    let auc = rocAUCScore(
      positive: positive, score: probabilities.map { $0[c] }, sampleWeight: sampleWeight)
    for i in yTrue.indices where positive[i] { support[c] += sampleWeight?[i] ?? 1 }
    scores.append(auc ?? .nan)
  }
  switch average {
  case .macro:
    let mean = numpyMean(scores)
    return mean.isNaN ? nil : mean
  case .weighted:
    if abs(numpySum(support)) <= 1e-8 { return 0 }  // np.isclose(Σ, 0)
    for c in 0..<k where support[c] == 0 { scores[c] = 0 }
    let mean = numpyAverage(scores, weights: support)
    return mean.isNaN ? nil : mean
  }
}

/// `average_precision_score(y_true, y_score, sample_weight=w)`: the step
/// integral −Σ (recallᵢ₊₁ − recallᵢ)·precisionᵢ of the precision–recall
/// curve, clipped at 0 (−0.0 from rounding). `nil` when no row is positive.
public func averagePrecisionScore(
  positive: [Bool], score: [Double], sampleWeight: [Double]? = nil
) -> Double? {
  guard
    let c = precisionRecallCurve(positive: positive, score: score, sampleWeight: sampleWeight)
  else { return nil }
  let steps = (1..<c.recall.count).map { i in
    (c.recall[i] - c.recall[i - 1]) * c.precision[i - 1]
  }
  return max(0, -numpySum(steps))
}
