// The metrics of hard predictions (a class per row): accuracy, balanced
// accuracy, Matthews' correlation, as sklearn.metrics computes them.

/// `accuracy_score(y_true, y_pred, sample_weight=w)`: the (weighted)
/// fraction of rows predicted right, `np.average(y_true == y_pred, weights=w)`.
public func accuracyScore(
  _ yTrue: [Int], _ yPred: [Int], sampleWeight: [Double]? = nil
) -> Double {
  precondition(yTrue.count == yPred.count, "one prediction per label")
  let right = yTrue.indices.map { yTrue[$0] == yPred[$0] ? 1.0 : 0.0 }
  return numpyAverage(right, weights: sampleWeight)
}

/// `balanced_accuracy_score`: the mean over classes of each class's
/// (weighted) recall. Classes that are predicted but never true have no
/// recall and are left out, as scikit-learn does (with a warning).
public func balancedAccuracyScore(
  _ yTrue: [Int], _ yPred: [Int], sampleWeight: [Double]? = nil
) -> Double {
  let labels = presentLabels(yTrue, yPred)
  let cm = confusionMatrix(
    yTrue, yPred, classCount: (labels.last ?? 0) + 1, sampleWeight: sampleWeight)
  var perClass: [Double] = []
  for k in labels {
    let row = numpySum(labels.map { cm[k][$0] })
    if row != 0 { perClass.append(cm[k][k] / row) }
  }
  return numpyMean(perClass)
}

/// `matthews_corrcoef`: the multiclass correlation between true and
/// predicted classes from the (weighted) confusion matrix C,
///
///     (c·s − Σₖ tₖpₖ) / √((s² − Σₖ pₖ²)(s² − Σₖ tₖ²))
///
/// with t, p the row and column sums, c the trace, s the total; 0 when
/// either factor under the root is 0.
public func matthewsCorrcoef(
  _ yTrue: [Int], _ yPred: [Int], sampleWeight: [Double]? = nil
) -> Double {
  let labels = presentLabels(yTrue, yPred)
  let full = confusionMatrix(
    yTrue, yPred, classCount: (labels.last ?? 0) + 1, sampleWeight: sampleWeight)
  let c = labels.map { i in labels.map { j in full[i][j] } }
  let k = labels.count
  let t = (0..<k).map { numpySum(c[$0]) }
  let p = (0..<k).map { j in numpySum((0..<k).map { c[$0][j] }) }
  var trace = 0.0
  for i in 0..<k { trace += c[i][i] }
  let s = numpySum(p)
  func dot(_ a: [Double], _ b: [Double]) -> Double {
    var d = 0.0
    for i in a.indices { d += a[i] * b[i] }
    return d
  }
  let covTP = trace * s - dot(t, p)
  let covPP = s * s - dot(p, p)
  let covTT = s * s - dot(t, t)
  let product = covPP * covTT
  return product == 0 ? 0 : covTP / product.squareRoot()
}
