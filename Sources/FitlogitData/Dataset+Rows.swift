extension Dataset {
  /// The rows at `indices`, in that order: a train or test set, or a
  /// cross-validation fold. Classes that none of the rows has are dropped
  /// and the rest renumbered, as scikit-learn's `classes_` of a fit on
  /// those rows would be; nil when fewer than two classes remain.
  package func rows(_ indices: [Int]) -> Dataset? {
    let d = featureCount
    var values: [Double] = []
    values.reserveCapacity(indices.count * d)
    for i in indices { values += features.row(i) }
    var present = [Bool](repeating: false, count: classCount)
    for i in indices { present[labels[i]] = true }
    var renumber = [Int](repeating: -1, count: classCount)
    var kept: [String] = []
    for k in 0..<classCount where present[k] {
      renumber[k] = kept.count
      kept.append(classes[k])
    }
    guard kept.count >= 2 else { return nil }
    return Dataset(
      features: Matrix(rows: indices.count, columns: d, uncheckedValues: values),
      featureNames: featureNames, targetName: targetName, classes: kept,
      labels: indices.map { renumber[labels[$0]] },
      sampleWeights: sampleWeights.map { w in indices.map { w[$0] } })
  }
}
