extension Dataset {
  /// A dataset from arrays already in memory, checked the way a CSV file is.
  ///
  /// Classes are named and ordered as scikit-learn's `classes_` after pandas
  /// reads the column (``ClassOrder``): `"1"` and `"1.0"` are one class, and
  /// `"10"` sorts after `"9"`.
  ///
  /// - Parameters:
  ///   - features: One row per sample, every row the same length.
  ///   - labels: One class name per row; at least two distinct names.
  ///   - featureNames: One per column (default `x0`, `x1`, …, as
  ///     scikit-learn names the columns of an array).
  ///   - targetName: The label column's name (the model file's "target").
  ///   - sampleWeights: One finite weight ≥ 0 per row, not all 0; nil for
  ///     scikit-learn's `sample_weight=None`.
  /// - Throws: ``DatasetError`` naming the first problem.
  public init(
    features: [[Double]], labels: [String], featureNames: [String]? = nil,
    targetName: String = "y", sampleWeights: [Double]? = nil
  ) throws(DatasetError) {
    let columns = features.first?.count ?? featureNames?.count ?? 0
    var values: [Double] = []
    values.reserveCapacity(features.count * columns)
    for (i, row) in features.enumerated() {
      guard row.count == columns else {
        throw DatasetError(
          "features[\(i)] has \(row.count) value\(row.count == 1 ? "" : "s"), "
            + "but features[0] has \(columns)")
      }
      values += row
    }
    try self.init(
      features: Matrix(rows: features.count, columns: columns, uncheckedValues: values),
      labels: labels, featureNames: featureNames, targetName: targetName,
      sampleWeights: sampleWeights)
  }

  /// ``init(features:labels:featureNames:targetName:sampleWeights:)-([[Double]],_,_,_,_)``
  /// for features already in a ``Matrix`` (not copied).
  public init(
    features: Matrix, labels: [String], featureNames: [String]? = nil,
    targetName: String = "y", sampleWeights: [Double]? = nil
  ) throws(DatasetError) {
    let n = features.rows
    let d = features.columns
    guard labels.count == n else {
      throw DatasetError(
        "features has \(n) row\(n == 1 ? "" : "s") but labels has \(labels.count)")
    }
    if let k = features.values.firstIndex(where: { !$0.isFinite }) {
      throw DatasetError(
        "features[\(k / d)][\(k % d)] is \(features.values[k]); "
          + "every feature must be a finite number")
    }
    let names = featureNames ?? (0..<d).map { "x\($0)" }
    guard names.count == d else {
      throw DatasetError(
        "featureNames has \(names.count) name\(names.count == 1 ? "" : "s") "
          + "for \(d) feature column\(d == 1 ? "" : "s")")
    }
    var seen = Set<String>()
    for name in names where !seen.insert(name).inserted {
      throw DatasetError("featureNames has \"\(name)\" twice")
    }
    let (classes, indices) = ClassOrder.encode(labels)
    guard classes.count >= 2 else {
      throw DatasetError(
        classes.isEmpty
          ? "labels is empty; a classifier needs at least two classes"
          : "labels has only one class (\"\(classes[0])\"); a classifier needs at least two")
    }
    if let w = sampleWeights {
      guard w.count == n else {
        throw DatasetError(
          "sampleWeights has \(w.count) value\(w.count == 1 ? "" : "s") for \(n) rows")
      }
      if let i = w.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
        throw DatasetError(
          "sampleWeights[\(i)] is \(w[i]); a sample weight must be a finite number >= 0")
      }
      guard w.contains(where: { $0 > 0 }) else { throw DatasetError("every sample weight is 0") }
    }
    self.init(
      features: features, featureNames: names, targetName: targetName,
      classes: classes, labels: indices, sampleWeights: sampleWeights)
  }
}
