import FitlogitFigures
import FitlogitCore
import FitlogitData
import FitlogitSystem

/// `--plot DIR`: the article's figures for a fit, as SVG files and an
/// index.html that shows them in order.
enum PlotReport {
  /// Fails before any fitting when DIR cannot be a directory, so a refused
  /// --plot leaves no output at all.
  static func check(_ directory: String, data: Dataset? = nil) throws(CommandError) {
    if FileSystem.kind(of: directory) == .file {
      throw .data("\(printable(directory)): exists and is not a directory (--plot needs a directory)")
    }
  }

  /// Every file's name and text, built before anything is written.
  ///
  /// - Parameters:
  ///   - extra: Figures of the held-out rows and the cross-validation
  ///     (``EvaluationPlot``), written beside the article's and shown as
  ///     sections of index.html.
  static func files(
    _ fit: Fit, data: Dataset, extra: EvaluationPlot = EvaluationPlot()
  ) -> [(name: String, text: String)] {
    var gd = fit.options
    gd.solver = .gd
    gd.tol = max(fit.options.tol, 1e-8)
    gd.maxIter = gradientDescentIterations(rows: data.sampleCount)
    let gdFit = gd.fit(data)
    let traces = [
      trace(fit.options.solver == .lbfgs ? "L-BFGS" : fit.options.solver.rawValue, fit),
      trace("gradient descent", gdFit),
    ]
    if data.classCount > 2 { return classFiles(fit, data: data, traces: traces, extra: extra) }
    let oneFeature = data.featureCount == 1
    let input = ArticleFigureInput(
      x: oneFeature ? data.features.values : nil, labels: data.labels,
      classNames: data.classes, featureName: oneFeature ? data.featureNames[0] : "x",
      probabilities: fit.model.predictProbaColumn(1, of: fit.trainingFeatures),
      coef: oneFeature ? fit.model.coef[0, 0] : nil, intercept: fit.model.intercept[0],
      logLoss: fit.logLoss,
      traces: traces)
    let figures = articleFigures(input)
    var summary = ["\(data.targetName) ~ \(data.featureNames.joined(separator: " + ")), "
      + "\(data.sampleCount) rows, positive class \(data.classes[1])"]
    for (j, name) in data.featureNames.enumerated() {
      summary.append("coef[\(name)] = \(fixed(fit.model.coef[0, j], 8))")
    }
    summary.append("intercept = \(fixed(fit.model.intercept[0], 8))")
    summary.append("Log Loss / Cross Entropy = \(fixed(fit.logLoss, 4))")
    let title = "fitlogit: binary cross-entropy / log loss, a visual explanation"
    let html: String
    if oneFeature {
      html = livePage(LivePageInput(
        title: title, summary: summary, figures: figures, article: input,
        C: fit.options.resolvedPenalty.C,
        presets: presets(fit, data: data),
        paths: [path("L-BFGS", fit), path("gradient descent", gdFit)]),
        extraSections: extra.sections)
    } else {
      html = livePage(LivePageInput(
        title: title, summary: summary, figures: figures, article: input,
        C: fit.options.resolvedPenalty.C, presets: [], paths: []),
        extraSections: extra.sections)
    }
    return figures.map { ($0.fileName, $0.svg) } + extra.files + [("index.html", html)]
  }

  /// More than two classes: each point's probability of every class, the
  /// losses and the convergence, on a page without sliders.
  private static func classFiles(
    _ fit: Fit, data: Dataset, traces: [ArticleFigureInput.Trace], extra: EvaluationPlot
  ) -> [(name: String, text: String)] {
    let input = ClassProbabilityInput(
      title: "fitlogit: categorical cross-entropy / log loss, a visual explanation",
      summary: [
        "\(data.targetName) ~ \(data.featureNames.joined(separator: " + ")), "
          + "\(data.sampleCount) rows, \(data.classCount) classes: "
          + data.classes.joined(separator: ", "),
        "Log Loss / Cross Entropy = \(fixed(fit.logLoss, 4))",
      ],
      labels: data.labels, classNames: data.classes, probabilities: fit.probabilities.values,
      logLoss: fit.logLoss, objective: fit.optimization.value, traces: traces)
    let figures = classProbabilityFigures(input)
    return figures.map { ($0.fileName, $0.svg) } + extra.files
      + [("index.html", classProbabilityPage(input, figures: figures, extraSections: extra.sections))]
  }

  /// Gradient descent's path is an illustration, drawn beside L-BFGS's;
  /// each iteration costs a few passes over the rows, so its iterations
  /// are capped at 2·10⁷ row-iterations (2,000 for small data, 100 for
  /// 200,000 rows, 20 for a million): `--plot` stays a matter of seconds,
  /// and the figures show how far it got.
  static func gradientDescentIterations(rows: Int) -> Int {
    min(2000, max(20, 20_000_000 / max(rows, 1)))
  }

  /// The models the page's buttons set: the fit itself, maximum
  /// likelihood (`--penalty none`), and the solvers' start, each with its
  /// log loss over every row as the command line computes it.
  private static func presets(_ fit: Fit, data: Dataset) -> [LivePageInput.Preset] {
    var ml = fit.options
    ml.penalty = .none
    let mlFit = fit.options.resolvedPenalty.isNone ? fit : ml.fit(data)
    let C = fit.options.resolvedPenalty.C
    let n = Double(data.sampleCount)
    func preset(_ label: String, _ w: Double, _ b: Double) -> LivePageInput.Preset {
      let model = LogisticModel(
        uncheckedParameters: [w, b], classes: data.classes, featureNames: data.featureNames,
        fitIntercept: true)
      let loss = sklearnLogLoss(labels: data.labels, probabilities: model.probabilities(unchecked: data.features))
      return LivePageInput.Preset(
        label: label, w: w, b: b, logLoss: loss,
        objective: C.isFinite ? loss + w * w / (2 * C * n) : loss)
    }
    return [
      preset("scikit-learn's fit", fit.model.coef[0, 0], fit.model.intercept[0]),
      preset("maximum likelihood", mlFit.model.coef[0, 0], mlFit.model.intercept[0]),
      preset("start (0, 0)", 0, 0),
    ]
  }

  /// A solver's iterates as (w, b) points; b stays 0 without an intercept.
  private static func path(_ name: String, _ fit: Fit) -> LivePageInput.SolverPath {
    let trace = fit.optimization.trace
    func pair(_ v: [Double]) -> (w: Double, b: Double) { (v.first ?? 0, v.count > 1 ? v[1] : 0) }
    return LivePageInput.SolverPath(
      name: name, points: trace.map { pair($0.point) }, objective: trace.map(\.value),
      gradient: trace.map { pair($0.gradient) })
  }

  private static func trace(_ name: String, _ fit: Fit) -> ArticleFigureInput.Trace {
    ArticleFigureInput.Trace(
      name: name, objective: fit.optimization.trace.map(\.value),
      gradientMaxAbs: fit.optimization.trace.map(\.gradientMaxAbs))
  }
}
