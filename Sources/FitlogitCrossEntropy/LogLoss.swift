/// scikit-learn's `log_loss(y_true, y_pred, labels=, sample_weight=,
/// normalize=)` for labels of any comparable type (`"spam"`, `3`).
///
/// Classes are the sorted distinct labels (or `labels` when given); column k
/// of `yPred` is the probability of class k. Probabilities are clipped to
/// [ε, 1 − ε] and rows are not renormalized.
///
/// - Parameters:
///   - yPred: n rows of K probabilities; for two classes a row may hold
///     only the positive class's probability.
/// - Throws: ``CrossEntropyError`` where scikit-learn raises: one distinct
///   label without `labels`, a label not in `labels`, a row width that is
///   not the number of classes.
public func logLoss<Label: Comparable & Hashable>(
  _ yTrue: [Label], _ yPred: [[Double]], labels: [Label]? = nil,
  sampleWeight: [Double]? = nil, normalize: Bool = true
) throws(CrossEntropyError) -> Double {
  try checkShapes(yTrue.count, yPred.count, weights: sampleWeight)
  let classes = labels.map { Array(Set($0)).sorted() } ?? Array(Set(yTrue)).sorted()
  if classes.count < 2 {
    throw CrossEntropyError(
      "y_true contains only one label (\(classes.first.map { "\($0)" } ?? "")); "
        + "give the true labels explicitly through labels")
  }
  var index: [Label: Int] = [:]
  for (k, c) in classes.enumerated() { index[c] = k }
  let eps = Double.ulpOfOne
  var sum = 0.0
  var weightSum = 0.0
  for (i, y) in yTrue.enumerated() {
    guard let k = index[y] else {
      throw CrossEntropyError("y_true contains \(y), which is not in labels")
    }
    var row = yPred[i]
    if row.count == 1 && classes.count == 2 { row = [1 - row[0], row[0]] }
    if row.count != classes.count {
      throw CrossEntropyError(
        "y_pred row \(i + 1) has \(row.count) columns for \(classes.count) classes")
    }
    let p = min(max(row[k], eps), 1 - eps)
    let w = sampleWeight?[i] ?? 1
    sum -= w * Double.log(p)
    weightSum += w
  }
  return normalize ? sum / weightSum : sum
}
