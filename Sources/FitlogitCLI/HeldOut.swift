import FitlogitCore
import FitlogitData
import FitlogitModelSelection
import FitlogitSystem

/// `fit DATA.csv --test-size F --random-state N`: the rows scikit-learn's
/// `train_test_split(X, y, test_size=F, random_state=N, stratify=y)` puts in
/// the train and test sets, in the order it returns them.
struct HeldOut {
  let train: Dataset
  let testRows: [Int]
  let all: Dataset
  let description: String

  /// - Throws: A data error where scikit-learn raises (a class of one row,
  ///   a test set smaller than the number of classes).
  init(_ all: Dataset, path: String, testSize: Double, randomState: Int) throws(CommandError) {
    let rows: (train: [Int], test: [Int])
    do {
      rows = try stratifiedTrainTestSplit(
        labels: all.labels, testSize: testSize, randomState: UInt32(randomState))
    } catch {
      throw .data("\(printable(path)): cannot split: \(error.message)")
    }
    guard let train = all.rows(rows.train) else {
      throw .data("\(printable(path)): cannot split: the train rows hold a single class")
    }
    self.train = train
    self.all = all
    testRows = rows.test
    description =
      "the test rows of \(printable(path)) (test_size=\(shortest(testSize)), "
      + "random_state=\(randomState))"
  }

  /// The fitted model's scores on the test rows.
  func evaluate(
    _ model: LogisticModel, weightColumn: String?, threshold: Double?
  ) throws(CommandError) -> Evaluation {
    let d = all.featureCount
    var values: [Double] = []
    values.reserveCapacity(testRows.count * d)
    for i in testRows { values += all.features.row(i) }
    return try Evaluation(
      model: model, source: description,
      labels: testRows.map { all.classes[all.labels[$0]] },
      features: Matrix(rows: testRows.count, columns: d, uncheckedValues: values),
      weights: all.sampleWeights.map { w in testRows.map { w[$0] } },
      weightColumn: weightColumn, threshold: threshold)
  }
}
