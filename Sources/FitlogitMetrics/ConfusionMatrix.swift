/// scikit-learn's `confusion_matrix(y_true, y_pred, labels=classes,
/// sample_weight=w)`: entry [i][j] is the (weighted) count of rows whose
/// true class is i and predicted class is j.
///
/// Classes are indices 0..<`classCount` (the model's `classes_` order).
/// Weights are added in row order, as SciPy's `coo_array.toarray` does.
///
/// - Precondition: every label is in 0..<`classCount`; equal lengths.
public func confusionMatrix(
  _ yTrue: [Int], _ yPred: [Int], classCount: Int, sampleWeight: [Double]? = nil
) -> [[Double]] {
  precondition(yTrue.count == yPred.count, "one prediction per label")
  var cm = [[Double]](
    repeating: [Double](repeating: 0, count: classCount), count: classCount)
  for i in yTrue.indices {
    cm[yTrue[i]][yPred[i]] += sampleWeight?[i] ?? 1
  }
  return cm
}

/// The classes that occur in either array, ascending: scikit-learn's
/// `unique_labels(y_true, y_pred)`, which every label metric starts from.
func presentLabels(_ yTrue: [Int], _ yPred: [Int]) -> [Int] {
  Array(Set(yTrue).union(yPred)).sorted()
}
