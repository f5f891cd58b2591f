import FitlogitFigures
import FitlogitMetrics
import FitlogitModelSelection

/// The evaluation figures of `--plot` (the held-out rows' ROC,
/// precision–recall, calibration and confusion matrix; the
/// cross-validation scores against C), with the sections of index.html
/// that show them. Every curve is FitlogitMetrics' (scikit-learn's), so
/// what is drawn is what `score` prints.
struct EvaluationPlot {
  var figures: [Figure] = []
  var sections: [PageSection] = []

  var files: [(name: String, text: String)] { figures.map { ($0.fileName, $0.svg) } }

  /// The bins of the calibration curve (scikit-learn's `n_bins` is 5; 10
  /// shows more of the curve on a few hundred rows).
  static let calibrationBins = 10

  mutating func add(_ evaluation: Evaluation) {
    let f = evaluationFigures(Self.input(evaluation))
    figures += f
    sections.append(
      figureSection(
        id: "evaluation", title: "Held-out evaluation",
        intro: "The fitted model on \(evaluation.source), \(evaluation.rowCount) rows, "
          + "predicting with \(evaluation.thresholdText).",
        figures: f))
  }

  mutating func add(_ cv: CrossValidation, scoring: String) {
    let f = crossValidationFigure(Self.input(cv, scoring: scoring))
    figures.append(f)
    sections.append(
      figureSection(
        id: "cross-validation", title: "Cross-validation",
        intro: "LogisticRegressionCV's choice of C: C_ = \(cv.C).", figures: [f]))
  }

  /// The curves, as sklearn.metrics computes them on the evaluation's rows.
  static func input(_ e: Evaluation) -> EvaluationFigureInput {
    let w = e.weights
    var roc: [EvaluationFigureInput.Curve] = []
    var pr: [EvaluationFigureInput.Curve] = []
    var calibration: EvaluationFigureInput.Calibration?
    // Binary: the positive class only; K classes: each against the rest.
    let targets = e.binary ? [1] : Array(e.classes.indices)
    for k in targets {
      let positive = e.yTrue.map { $0 == k }
      let score = e.probabilities.map { $0[k] }
      let name = e.binary ? "" : "\(e.classes[k]) vs rest: "
      if let c = rocCurve(positive: positive, score: score, sampleWeight: w),
        let auc = rocAUCScore(positive: positive, score: score, sampleWeight: w)
      {
        roc.append(.init(label: name + "AUC = \(fixed(auc, 4))", x: c.fpr, y: c.tpr))
      }
      if let c = precisionRecallCurve(positive: positive, score: score, sampleWeight: w),
        let ap = averagePrecisionScore(positive: positive, score: score, sampleWeight: w)
      {
        pr.append(.init(label: name + "AP = \(fixed(ap, 4))", x: c.recall, y: c.precision))
      }
    }
    if e.binary {
      let c = calibrationCurve(
        positive: e.yTrue.map { $0 == 1 }, probability: e.probabilities.map { $0[1] },
        bins: calibrationBins)
      calibration = .init(
        fractionPositive: c.fractionPositive, meanPredicted: c.meanPredicted, counts: c.counts,
        positiveCounts: c.positiveCounts, edges: c.edges)
    }
    return EvaluationFigureInput(
      source: e.source, classNames: e.classes, roc: roc, precisionRecall: pr,
      calibration: calibration, confusion: e.confusion)
  }

  static func input(_ cv: CrossValidation, scoring: String) -> CrossValidationFigureInput {
    let stats = cv.Cs.indices.map { c in
      CrossValidationReport.meanAndStd(cv.scores.map { $0[c] })
    }
    return CrossValidationFigureInput(
      Cs: cv.Cs, mean: stats.map(\.0), std: stats.map(\.1), bestIndex: cv.bestIndex,
      scoring: scoring, folds: cv.scores.count)
  }
}
