import FitlogitJSON
import FitlogitMetrics

/// The score block of `fitlogit score` and `fit --test`: sklearn.metrics'
/// names, each value printed as Python prints the float scikit-learn
/// returns (shortest round-trip digits).
enum ScoreReport {
  static func text(_ e: Evaluation) -> String {
    let classes = e.classes.joined(separator: " < ")
    var out = "Scores on \(e.source): \(e.rowCount) rows, classes \(classes); \(e.thresholdText)"
    if let column = e.weightColumn { out += "; weighted by \(column)" }
    out += "\n"
    let width = e.metrics.map(\.name.count).max() ?? 0
    for (name, value) in e.metrics {
      let pad = String(repeating: " ", count: width - name.count + 2)
      out += "  " + name + pad + (value.map(pythonFloat) ?? "undefined (one class only)") + "\n"
    }
    out += "\nconfusion_matrix (rows true, columns predicted):\n"
    let cells = e.confusion.map { row in
      row.map { e.weights == nil ? String(Int($0)) : pythonFloat($0) }
    }
    out += FitReport.table(
      [[""] + e.classes] + e.classes.indices.map { [e.classes[$0]] + cells[$0] })
    out += "\nclassification_report:\n" + e.report
    return out
  }

  /// The same values, with `classification_report(output_dict=True)`'s
  /// layout for the per-class scores.
  static func json(_ e: Evaluation) -> JSON {
    var members: [(String, JSON)] = [
      ("source", .string(e.source)),
      ("n_samples", .integer(e.rowCount)),
      ("classes", .strings(e.classes)),
      ("threshold", e.binary ? .number(e.threshold ?? 0.5) : .null),
      ("threshold_rule", .string(!e.binary ? "argmax" : e.threshold == nil ? "predict" : ">=")),
      ("sample_weight", e.weightColumn.map(JSON.string) ?? .null),
    ]
    for (name, value) in e.metrics { members.append((name, value.map(JSON.number) ?? .null)) }
    let counts: [JSON] = e.confusion.map { row in
      .array(row.map { e.weights == nil ? .integer(Int($0)) : .number($0) })
    }
    members.append(("confusion_matrix", .array(counts)))
    let s = e.classScores
    var report: [(String, JSON)] = []
    func entry(_ p: Double, _ r: Double, _ f: Double, _ n: Double) -> JSON {
      .object([
        ("precision", .number(p)), ("recall", .number(r)), ("f1-score", .number(f)),
        ("support", .number(n)),
      ])
    }
    for k in s.labels.indices {
      report.append((
        e.classes[s.labels[k]], entry(s.precision[k], s.recall[k], s.f1[k], s.support[k])
      ))
    }
    let total = numpySum(s.support)
    report.append((
      "accuracy", .number(s.average("micro", e.yTrue, e.yPred, sampleWeight: e.weights).f1)
    ))
    for kind in ["macro", "weighted"] {
      let a = s.average(kind, e.yTrue, e.yPred, sampleWeight: e.weights)
      report.append(("\(kind) avg", entry(a.precision, a.recall, a.f1, total)))
    }
    members.append(("classification_report", .object(report)))
    return .object(members)
  }

  /// A float as Python's `print` shows it: `0.9`, `1.0`, `0.8928571428571428`.
  static func pythonFloat(_ v: Double) -> String { "\(v)" }
}
