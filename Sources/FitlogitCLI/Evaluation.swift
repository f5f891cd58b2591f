import FitlogitCore
import FitlogitData
import FitlogitMetrics
import FitlogitSystem

/// A fitted model's predictions on labelled rows (a test file), with the
/// labels and weights to score them against: what `fitlogit score` and
/// `fit --test` print, each metric computed by FitlogitMetrics as
/// sklearn.metrics computes it.
struct Evaluation {
  /// What was scored, for the report's first line: a file's name, or the
  /// test rows of a split.
  let source: String
  let classes: [String]
  /// True class of each row, an index into `classes`.
  let yTrue: [Int]
  /// Predicted class of each row.
  let yPred: [Int]
  /// n rows of K probabilities (`predict_proba`).
  let probabilities: [[Double]]
  let weights: [Double]?
  let weightColumn: String?
  /// nil: scikit-learn's `predict` (the positive class when its margin is
  /// > 0, that is P > 0.5); else the positive class when P >= threshold,
  /// as scikit-learn's `FixedThresholdClassifier`.
  let threshold: Double?

  /// Reads `path` and predicts with `model`.
  ///
  /// - Parameters:
  ///   - target: The label column (the model's target unless overridden).
  /// - Throws: A data error for a missing column, an unreadable label or
  ///   weight, or labels the model has never seen (all of them named).
  init(
    model: LogisticModel, target: String, path: String, sampleWeight: String?,
    threshold: Double?
  ) throws(CommandError) {
    let name = printable(path)
    let bytes = try FileSystem.contents(of: path)
    var wanted = [(name: target, purpose: "the model's target (choose another with --target)")]
    if let w = sampleWeight { wanted.append((w, "given as --sample-weight")) }
    let x: Matrix
    let columns: [[String]]
    do {
      columns = try CSVColumns.read(csv: bytes, file: name, columns: wanted)
      x = try Matrix(csv: bytes, file: name, encoding: model.encoding)
    } catch {
      throw .data(error.description)
    }
    var weights: [Double]?
    if let column = sampleWeight {
      var w: [Double] = []
      for (i, text) in columns[1].enumerated() {
        guard let v = Double(text), v.isFinite, v >= 0 else {
          throw .data(
            "\(name): the sample weight on data row \(i + 1) is \(quoted(text, limit: 40))"
              + ", not a finite number >= 0")
        }
        w.append(v)
      }
      guard w.contains(where: { $0 > 0 }) else {
        throw .data("\(name): every sample weight in \(quoted(column)) is 0")
      }
      weights = w
    }
    try self.init(
      model: model, source: name, labels: columns[0], features: x, weights: weights,
      weightColumn: sampleWeight, threshold: threshold)
  }

  /// Predicts with `model` on rows already in memory (the test rows of a
  /// split).
  ///
  /// - Parameters:
  ///   - labels: Each row's class name.
  /// - Throws: A data error naming the labels the model has never seen.
  init(
    model: LogisticModel, source: String, labels: [String], features x: Matrix,
    weights: [Double]?, weightColumn: String?, threshold: Double?
  ) throws(CommandError) {
    let found = ClassOrder.lookup(labels, in: model.classes)
    var unseen: [String] = []
    for (i, k) in found.enumerated() where k == nil && !unseen.contains(labels[i]) {
      unseen.append(labels[i])
    }
    if !unseen.isEmpty {
      throw .data(
        "\(source): label\(unseen.count == 1 ? "" : "s") the model was never trained on: "
          + unseen.prefix(10).map { quoted($0, limit: 40) }.joined(separator: ", ")
          + (unseen.count > 10 ? " and \(unseen.count - 10) more" : "")
          + " (its classes are "
          + model.classes.map { quoted($0, limit: 40) }.joined(separator: ", ") + ")")
    }
    try model.checkDefined(x, source: source)
    let p = model.probabilities(unchecked: x)
    self.source = source
    self.weights = weights
    classes = model.classes
    yTrue = found.map { $0! }
    probabilities = (0..<p.rows).map { Array(p.row($0)) }
    if let threshold {
      yPred = probabilities.map { $0[1] >= threshold ? 1 : 0 }
    } else {
      yPred = model.predict(unchecked: x)
    }
    self.weightColumn = weightColumn
    self.threshold = threshold
  }

  var binary: Bool { classes.count == 2 }
  var rowCount: Int { yTrue.count }
  private var positive: [Bool] { yTrue.map { $0 == 1 } }
  private var score: [Double] { probabilities.map { $0[1] } }

  /// The scalar metrics, in the order printed, with scikit-learn's function
  /// names; nil where scikit-learn returns NaN (one class only in the file).
  var metrics: [(name: String, value: Double?)] {
    let w = weights
    var out: [(String, Double?)] = [
      ("accuracy_score", accuracyScore(yTrue, yPred, sampleWeight: w)),
      ("balanced_accuracy_score", balancedAccuracyScore(yTrue, yPred, sampleWeight: w)),
      ("log_loss", logLoss(yTrue, probabilities: probabilities, sampleWeight: w)),
    ]
    if binary {
      out += [
        ("brier_score_loss", brierScoreLoss(yTrue, positiveProbability: score, sampleWeight: w)),
        ("roc_auc_score", rocAUCScore(positive: positive, score: score, sampleWeight: w)),
        (
          "average_precision_score",
          averagePrecisionScore(positive: positive, score: score, sampleWeight: w)
        ),
      ]
    } else {
      for average in ClassAverage.allCases {
        out.append((
          "roc_auc_score_ovr_\(average.rawValue)",
          rocAUCOneVsRest(
            yTrue, probabilities: probabilities, average: average, sampleWeight: w)
        ))
      }
    }
    out.append(("matthews_corrcoef", matthewsCorrcoef(yTrue, yPred, sampleWeight: w)))
    return out
  }

  var confusion: [[Double]] {
    confusionMatrix(yTrue, yPred, classCount: classes.count, sampleWeight: weights)
  }

  var report: String {
    classificationReport(yTrue, yPred, names: classes, sampleWeight: weights)
  }

  var classScores: ClassScores { ClassScores(yTrue, yPred, sampleWeight: weights) }

  /// How predictions were made, for the report's first line.
  var thresholdText: String {
    guard binary else { return "the most probable class" }
    guard let threshold else { return "threshold 0.5 (predict: P(\(classes[1])) > 0.5)" }
    return "threshold \(shortest(threshold)) (P(\(classes[1])) >= \(shortest(threshold)))"
  }
}

