extension Dataset {
  /// Per feature, the file column it comes from: a numeric column itself,
  /// a categorical column once per indicator (``encoding``'s layout).
  package var featureSources: [String] {
    encoding.numeric
      + encoding.categorical.flatMap { c in
        Array(repeating: c.column, count: c.encodedLevels(dropFirst: encoding.dropFirst).count)
      }
  }

  /// The same rows with only the features that come from the file columns
  /// `sources` (a categorical column keeps all its indicators): the smaller
  /// of two nested models fitted to the same rows.
  package func keepingColumns(from sources: Set<String>) -> Dataset {
    let from = featureSources
    let kept = featureNames.indices.filter { sources.contains(from[$0]) }
    var values: [Double] = []
    values.reserveCapacity(sampleCount * kept.count)
    for i in 0..<sampleCount { for j in kept { values.append(features[i, j]) } }
    let numericKept = encoding.numeric.indices.filter { sources.contains(encoding.numeric[$0]) }
    let scaler = encoding.scaler.map { s in
      StandardScaler(mean: numericKept.map { s.mean[$0] }, scale: numericKept.map { s.scale[$0] })
    }
    var result = Dataset(
      features: Matrix(rows: sampleCount, columns: kept.count, uncheckedValues: values),
      featureNames: kept.map { featureNames[$0] }, targetName: targetName, classes: classes,
      labels: labels, sampleWeights: sampleWeights,
      encoding: FeatureEncoding(
        numeric: numericKept.map { encoding.numeric[$0] },
        categorical: encoding.categorical.filter { sources.contains($0.column) },
        dropFirst: encoding.dropFirst, scaler: scaler))
    result.droppedRows = droppedRows
    return result
  }
}
