import FitlogitSystem

/// Features, labels and names: everything a fit needs from a data file.
///
/// Built by reading a CSV file (``init(csv:file:target:sampleWeight:)``,
/// ``init(csvFile:name:target:sampleWeight:)``) or from arrays
/// (``init(features:labels:featureNames:targetName:sampleWeights:)-([[Double]],_,_,_,_)``),
/// all of which check the data; the properties are read-only outside this
/// package, so a dataset that exists is one a fit can use (every label a
/// valid class index, every weight finite and ≥ 0).
public struct Dataset: Sendable {
  /// One row per sample, one column per feature.
  public package(set) var features: Matrix
  /// Column names of the features, in file order.
  public package(set) var featureNames: [String]
  /// Name of the label column.
  public package(set) var targetName: String
  /// Class names in scikit-learn's `classes_` order (see ``ClassOrder``).
  public package(set) var classes: [String]
  /// Per row, the index of its class in ``classes``.
  public package(set) var labels: [Int]
  /// Per row, its weight; nil when every weight is 1 (scikit-learn's
  /// `sample_weight=None`, which divides by n rather than by Σs).
  public package(set) var sampleWeights: [Double]?
  /// How file columns became ``features``: what a saved model keeps.
  public package(set) var encoding: FeatureEncoding
  /// Per row, its group label (``CSVReadOptions/groups``), or nil.
  public package(set) var groups: [String]?
  /// Rows left out because a used column was missing (`--dropna`).
  public package(set) var droppedRows: Int = 0
  /// Things the reader decided that the user should hear about (an index
  /// column left out), one sentence each.
  public package(set) var notes: [String] = []

  /// For readers in this package, which have already checked what the
  /// public initializers check: `labels` index `classes` (at least two),
  /// weights are finite, ≥ 0 and not all 0.
  package init(
    features: Matrix, featureNames: [String], targetName: String,
    classes: [String], labels: [Int], sampleWeights: [Double]? = nil,
    encoding: FeatureEncoding? = nil
  ) {
    precondition(features.columns == featureNames.count)
    precondition(labels.count == features.rows)
    precondition(sampleWeights.map { $0.count == labels.count } ?? true)
    self.features = features
    self.featureNames = featureNames
    self.targetName = targetName
    self.classes = classes
    self.labels = labels
    self.sampleWeights = sampleWeights
    self.encoding = encoding ?? FeatureEncoding(numeric: featureNames)
  }

  public var sampleCount: Int { features.rows }
  public var featureCount: Int { features.columns }
  public var classCount: Int { classes.count }

  /// Rows per class, in ``classes`` order.
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classes.count)
    for label in labels { counts[label] += 1 }
    return counts
  }
}
