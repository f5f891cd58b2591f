// Precision, recall and F1 per class, and scikit-learn's text report of
// them (`precision_recall_fscore_support`, `classification_report`).
import FitlogitSystem

/// Per-class precision, recall, F1 and support, for the classes that occur
/// in the true or predicted labels (scikit-learn's `unique_labels`).
public struct ClassScores: Equatable, Sendable {
  /// The class indices the arrays below describe, ascending.
  public var labels: [Int]
  public var precision: [Double]
  public var recall: [Double]
  public var f1: [Double]
  /// The (weighted) number of true rows of each class.
  public var support: [Double]
  /// Whether `support` holds weight sums (printed as floats) or counts.
  public var weighted: Bool

  /// `precision_recall_fscore_support(y_true, y_pred, sample_weight=w)`:
  /// a 0/0 ratio is 0, scikit-learn's `zero_division="warn"` value.
  public init(_ yTrue: [Int], _ yPred: [Int], sampleWeight: [Double]? = nil) {
    precondition(yTrue.count == yPred.count, "one prediction per label")
    labels = presentLabels(yTrue, yPred)
    weighted = sampleWeight != nil
    let sums = Self.sums(yTrue, yPred, labels: labels, sampleWeight: sampleWeight)
    precision = []
    recall = []
    f1 = []
    support = []
    for k in labels.indices {
      let (tp, predicted, actual) = (sums.tp[k], sums.predicted[k], sums.actual[k])
      precision.append(Self.divide(tp, predicted))
      recall.append(Self.divide(tp, actual))
      f1.append(Self.divide(2 * tp, actual + predicted))
      support.append(actual)
    }
  }

  /// The micro, macro and weighted averages of precision, recall and F1.
  /// With every label present, micro is the accuracy (the report's
  /// "accuracy" line shows its F1).
  public func average(_ kind: String, _ yTrue: [Int], _ yPred: [Int],
    sampleWeight: [Double]? = nil
  ) -> (precision: Double, recall: Double, f1: Double) {
    switch kind {
    case "micro":
      let s = Self.sums(yTrue, yPred, labels: labels, sampleWeight: sampleWeight)
      let (tp, predicted, actual) = (numpySum(s.tp), numpySum(s.predicted), numpySum(s.actual))
      return (
        Self.divide(tp, predicted), Self.divide(tp, actual),
        Self.divide(2 * tp, actual + predicted)
      )
    case "weighted":
      // np.average raises on zero total weight; scikit-learn then averages
      // without weights.
      let w: [Double]? = numpySum(support) == 0 ? nil : support
      return (
        numpyAverage(precision, weights: w), numpyAverage(recall, weights: w),
        numpyAverage(f1, weights: w)
      )
    default:
      return (numpyMean(precision), numpyMean(recall), numpyMean(f1))
    }
  }

  private static func divide(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a / b }

  /// True positives, predicted and true (weighted) counts per label, as
  /// `multilabel_confusion_matrix` forms them: bincounts in row order, then
  /// predicted = tp + (predicted − tp) and true = tp + (true − tp).
  private static func sums(
    _ yTrue: [Int], _ yPred: [Int], labels: [Int], sampleWeight: [Double]?
  ) -> (tp: [Double], predicted: [Double], actual: [Double]) {
    let size = (labels.last ?? 0) + 1
    var tp = [Double](repeating: 0, count: size)
    var predicted = tp
    var actual = tp
    for i in yTrue.indices {
      let w = sampleWeight?[i] ?? 1
      if yTrue[i] == yPred[i] { tp[yTrue[i]] += w }
      predicted[yPred[i]] += w
      actual[yTrue[i]] += w
    }
    let t = labels.map { tp[$0] }
    return (
      t, labels.indices.map { t[$0] + (predicted[labels[$0]] - t[$0]) },
      labels.indices.map { t[$0] + (actual[labels[$0]] - t[$0]) }
    )
  }
}

/// `classification_report(y_true, y_pred, sample_weight=w, digits=2)`, the
/// text scikit-learn prints, character for character.
///
/// - Parameters:
///   - names: The name of each class index (the model's `classes_`).
public func classificationReport(
  _ yTrue: [Int], _ yPred: [Int], names: [String], sampleWeight: [Double]? = nil,
  digits: Int = 2
) -> String {
  let scores = ClassScores(yTrue, yPred, sampleWeight: sampleWeight)
  let rowNames = scores.labels.map { names[$0] }
  // Widths as printed: a class name's escapes count (printedWidth).
  let width = max(rowNames.map(printedWidth).max() ?? 0, "weighted avg".count, digits)
  func right(_ s: String, _ w: Int) -> String { padded(s, to: w, right: true) }
  func number(_ v: Double) -> String { " " + printfFormat("%9.\(digits)f", v) }
  func count(_ v: Double) -> String {
    // Python prints an integer count as "21" and a weight sum as repr(float).
    " " + right(scores.weighted ? pythonRepr(v) : String(Int(v)), 9)
  }
  var report = right("", width) + " "
  for header in ["precision", "recall", "f1-score", "support"] {
    report += " " + right(header, 9)
  }
  report += "\n\n"
  for k in scores.labels.indices {
    report += right(rowNames[k], width) + " " + number(scores.precision[k])
      + number(scores.recall[k]) + number(scores.f1[k]) + count(scores.support[k]) + "\n"
  }
  report += "\n"
  let total = numpySum(scores.support)
  let micro = scores.average("micro", yTrue, yPred, sampleWeight: sampleWeight)
  report += right("accuracy", width) + " " + " " + right("", 9) + " " + right("", 9)
    + number(micro.f1) + count(total) + "\n"
  for kind in ["macro", "weighted"] {
    let a = scores.average(kind, yTrue, yPred, sampleWeight: sampleWeight)
    report += right("\(kind) avg", width) + " " + number(a.precision) + number(a.recall)
      + number(a.f1) + count(total) + "\n"
  }
  return report
}

/// Python's `repr(float)`: the shortest round-trip digits (Swift's), in
/// Python's form: positional from 1e-4 up to 1e16, else `1e-05`, `1e+16`.
func pythonRepr(_ v: Double) -> String {
  let s = "\(v)"
  guard let e = s.firstIndex(of: "e"), abs(v) >= 1e-4, abs(v) < 1e16 else { return s }
  // Swift chose the exponent form: move the point by hand.
  let exponent = Int(s[s.index(after: e)...])!
  let negative = s.hasPrefix("-")
  let digits = s[..<e].filter(\.isNumber)
  let point = 1 + exponent  // digits before the point
  var text: String
  if point <= 0 {
    text = "0." + String(repeating: "0", count: -point) + digits
  } else if point >= digits.count {
    text = digits + String(repeating: "0", count: point - digits.count) + ".0"
  } else {
    text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
  }
  return (negative ? "-" : "") + text
}
