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
    let solver = solverName(fit.options)
    // Gradient descent beside the solver, where it minimizes the same
    // objective: not for L1 (no gradient at 0), not for liblinear (another
    // objective), not twice.
    let gdFit: Fit?
    if gradientDescentNote(fit.options) == nil {
      var gd = fit.options
      gd.solver = .gd
      gd.tol = max(fit.options.tol, 1e-8)
      gd.maxIter = gradientDescentIterations(rows: data.sampleCount)
      gdFit = gd.fit(data)
    } else {
      gdFit = nil
    }
    let traces = [trace(solver, fit)] + (gdFit.map { [trace("gradient descent", $0)] } ?? [])
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
    let penalty = pagePenalty(fit.options)
    let weights = fit.options.sampleWeights(for: data)
    if oneFeature {
      html = livePage(LivePageInput(
        title: title, summary: summary, figures: figures, article: input,
        penalty: penalty, weights: weights,
        presets: presets(fit, data: data, penalty: penalty, weights: weights),
        paths: [path(solver, fit)] + (gdFit.map { [path("gradient descent", $0)] } ?? []),
        pathNote: pathNote(fit.options)),
        extraSections: extra.sections)
    } else {
      html = livePage(LivePageInput(
        title: title, summary: summary, figures: figures, article: input,
        penalty: penalty, weights: weights, presets: [], paths: []),
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

  /// The solver as the page and figure 9 name it: scikit-learn's names,
  /// L-BFGS and gradient descent in words.
  static func solverName(_ options: LogisticRegression) -> String {
    switch options.solver {
    case .lbfgs: "L-BFGS"
    case .gd: "gradient descent"
    case .newton: "newton-cholesky"
    case .newtonCG: "newton-cg"
    case .saga: "saga"
    case .liblinear: "liblinear"
    }
  }

  /// Why gradient descent's path is not drawn beside the solver's, or nil
  /// when it is.
  static func gradientDescentNote(_ options: LogisticRegression) -> String? {
    if options.solver == .gd { return "" }
    if options.solver == .liblinear {
      return "Gradient descent is not drawn: it would minimize the other solvers' objective, "
        + "whose intercept is not penalized; only liblinear's iterates are drawn."
    }
    if options.resolvedPenalty.hasL1 {
      return "Gradient descent is not drawn: the L1 term has no gradient at w = 0; only "
        + "\(solverName(options))'s iterates are drawn."
    }
    return nil
  }

  /// Whose iterates the surface shows, where the name alone could mislead.
  static func pathNote(_ options: LogisticRegression) -> String {
    var note: String
    switch options.solver {
    case .saga:
      note = "fitlogit reaches saga's optimum deterministically, by proximal Newton steps: "
        + "the saga path is those steps, not saga's stochastic epochs."
    case .liblinear:
      note = "fitlogit minimizes liblinear's problem by "
        + (options.resolvedPenalty.hasL1 ? "proximal Newton" : "Newton's method")
        + ": the liblinear path is those steps, not liblinear's own."
    case .newton:
      note = "newton-cholesky: Newton steps with the Hessian's Cholesky factor."
    default: note = ""
    }
    if let gd = gradientDescentNote(options), !gd.isEmpty {
      note += (note.isEmpty ? "" : " ") + gd
    }
    return note
  }

  /// The fit's penalty in the page's terms; liblinear's intercept is
  /// penalized as the coefficient of its constant column.
  static func pagePenalty(_ options: LogisticRegression) -> PagePenalty {
    let p = options.resolvedPenalty
    return PagePenalty(
      C: p.C, l1Ratio: p.l1Ratio,
      interceptScaling: options.solver == .liblinear && options.fitIntercept
        ? options.interceptScaling : nil)
  }

  /// The models the page's buttons set: the fit itself, maximum
  /// likelihood (`--penalty none`), and the solvers' start, each with its
  /// log loss (plain and weighted) and objective over every row, by the
  /// command line's clipped formula.
  private static func presets(
    _ fit: Fit, data: Dataset, penalty: PagePenalty, weights: [Double]?
  ) -> [LivePageInput.Preset] {
    // Maximum likelihood is smooth: lbfgs, whatever solver the penalized
    // fit needed (saga at its tolerance stops farther from it; liblinear
    // has no unpenalized problem).
    var ml = fit.options
    ml.penalty = .none
    ml.solver = .lbfgs
    let mlFit = fit.options.resolvedPenalty.isNone ? fit : ml.fit(data)
    let S = fit.weightSum
    func preset(_ label: String, _ w: Double, _ b: Double) -> LivePageInput.Preset {
      let model = LogisticModel(
        uncheckedParameters: [w, b], classes: data.classes, featureNames: data.featureNames,
        fitIntercept: true)
      let probabilities = model.probabilities(unchecked: data.features)
      let loss = sklearnLogLoss(labels: data.labels, probabilities: probabilities)
      var weighted = loss
      if let weights {
        var sum = 0.0
        for (i, y) in data.labels.enumerated() {
          let p = min(max(probabilities[i, y], 2.220446049250313e-16), 1 - 2.220446049250313e-16)
          sum -= weights[i] * libmLog(p)
        }
        weighted = sum / S
      }
      return LivePageInput.Preset(
        label: label, w: w, b: b, logLoss: loss, weightedLogLoss: weighted,
        objective: weighted + penalty.term(w: w, b: b, weightSum: S))
    }
    return [
      preset("scikit-learn's fit", fit.model.coef[0, 0], fit.model.intercept[0]),
      preset("maximum likelihood", mlFit.model.coef[0, 0], mlFit.model.intercept[0]),
      preset("start (0, 0)", 0, 0),
    ]
  }

  /// A solver's iterates as (w, b) points; b stays 0 without an intercept.
  /// liblinear's iterates hold b/a, its constant column's coefficient.
  private static func path(_ name: String, _ fit: Fit) -> LivePageInput.SolverPath {
    let trace = fit.optimization.trace
    let a = fit.options.solver == .liblinear ? fit.options.interceptScaling : 1
    func pair(_ v: [Double], _ scale: Double) -> (w: Double, b: Double) {
      (v.first ?? 0, v.count > 1 ? v[1] * scale : 0)
    }
    // ∂f/∂b = (∂f/∂(b/a))/a.
    return LivePageInput.SolverPath(
      name: name, points: trace.map { pair($0.point, a) }, objective: trace.map(\.value),
      gradient: trace.map { pair($0.gradient, 1 / a) })
  }

  private static func trace(_ name: String, _ fit: Fit) -> ArticleFigureInput.Trace {
    ArticleFigureInput.Trace(
      name: name, objective: fit.optimization.trace.map(\.value),
      gradientMaxAbs: fit.optimization.trace.map(\.gradientMaxAbs))
  }
}
