import FitlogitCore
import FitlogitData
import FitlogitModelSelection
import FitlogitOptimization
import FitlogitSystem

/// `fitlogit fit DATA.csv [options]`.
enum FitCommand {
  struct Options {
    var path: String
    var reading: CSVReadOptions
    var save: String?
    var plot: String?
    var test: String?
    var testSize: Double?
    var randomState: Int?
    var threshold: Double?
    /// `--cv K`: LogisticRegressionCV instead of one fit.
    var cv: Int?
    var Cs: [Double] = LogisticRegressionCV.logspace(10)
    var CsText = "10"
    var scoring = LogisticRegressionCV.Scoring.accuracy
    var regression = LogisticRegression()
    var json = false
    var verbose = false
    var warmStart: String?
  }

  /// The options of `fit`, in the order `--help` lists them.
  static let table = OptionTable(
    [
      .text("--target", "NAME", help: "label column (default: the last column)"),
      .number(
        "--C", "VALUE", default: "1", requirement: "> 0",
        help: "inverse regularization strength, > 0, inf: none (default 1)"
      ) { $0 > 0 },
      .number(
        "--l1-ratio", "R", default: "0", requirement: "in [0, 1]",
        help: "the L1 share of the penalty: 0 is L2 (default), 1 is L1,",
        "between is the elastic net (needs --solver saga when > 0)"
      ) { $0 >= 0 && $0 <= 1 },
      .choice(
        "--penalty", of: LogisticRegression.PenaltyName.self, default: nil,
        listed: [.l2, .l1, .elasticnet, .none],
        help: "the older spelling: l2 is --l1-ratio 0, l1 is --l1-ratio 1,",
        "elasticnet takes --l1-ratio, none is --C inf"),
      .flag("--no-intercept", help: "fit_intercept=False"),
      .choice(
        "--solver", of: LogisticRegression.Solver.self, default: .lbfgs,
        help: "default lbfgs; newton is sklearn's newton-cholesky;",
        "newton-cg: sklearn's truncated Newton, same iterations;",
        "saga: the saga optimum, reached deterministically;",
        "liblinear: its problem, intercept penalized (2 classes)"),
      .number(
        "--intercept-scaling", "A", default: "1", requirement: "> 0",
        help: "liblinear's constant column for the intercept (default 1)"
      ) { $0 > 0 && $0.isFinite },
      .number(
        "--tol", "VALUE", default: "1e-4", requirement: "> 0",
        help: "stop when max |gradient| <= VALUE, > 0 (default 1e-4;",
        "saga: max |minimum-norm subgradient| <= VALUE)"
      ) { $0 > 0 && $0.isFinite },
      .integer(
        "--max-iter", "N", default: "100", requirement: ">= 0",
        help: "iterations allowed, >= 0 (default 100)"
      ) { $0 >= 0 },
      .text(
        "--sample-weight", "NAME", help: "a numeric column of sample weights (not a feature)"),
      .text(
        "--class-weight", "balanced|NAME:W,...",
        help: "balanced: weight classes by n / (K · class count), as sklearn;",
        "a:1,b:2: a weight per class name (others weigh 1)"),
      .text(
        "--warm-start", "MODEL.json",
        help: "start from a saved model's coefficients (sklearn's warm_start)"),
    ] + DataOptions.entries + [
      .flag("--json", help: "print the JSON report instead of text"),
      .text(
        "--test", "TEST.csv",
        help: "score the model on TEST.csv after the fit (as 'score')"),
      .number(
        "--test-size", "F", default: nil, requirement: "> 0",
        help: "hold out rows: train_test_split(test_size=F, stratify=y),",
        "F a fraction in (0, 1) or a row count; needs --random-state"
      ) { $0 > 0 },
      .integer(
        "--random-state", "N", default: nil, requirement: "in [0, 4294967295]",
        help: "the split's random_state (NumPy's RandomState(N))"
      ) { $0 >= 0 && $0 <= 4_294_967_295 },
      ScoreCommand.threshold,
      .integer(
        "--cv", "K", default: nil, requirement: ">= 2",
        help: "choose C by K stratified folds: LogisticRegressionCV(cv=K)"
      ) { $0 >= 2 },
      .text(
        "--Cs", "N|LIST",
        help: "--cv's grid: logspace(-4, 4, N) (default N = 10),", "or a list C1,C2,..."),
      .choice(
        "--scoring", of: LogisticRegressionCV.Scoring.self, default: nil,
        help: "--cv's fold score (default accuracy, scikit-learn 1.9's)"),
      .text("--save", "MODEL.json", help: "write the fitted model (for 'fitlogit predict')"),
      .text("--plot", "DIR", help: "write the article's figures (SVG) and DIR/index.html",
        "(with --test, --test-size or --cv, their figures too)"),
      .flag("--verbose", help: "one line per iteration and the timings, on stderr"),
    ], positionals: ["DATA.csv"])

  /// `balanced`, or `NAME:WEIGHT` pairs separated by commas (the weight
  /// after the last colon, so a class name may hold one).
  static func classWeight(_ text: String) throws(CommandError) -> LogisticRegression.ClassWeight {
    if text == "balanced" { return .balanced }
    var named: [(name: String, weight: Double)] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let colon = item.lastIndex(of: ":"), colon != item.startIndex,
        let weight = Double(item[item.index(after: colon)...]), weight.isFinite, weight >= 0
      else {
        throw .usage(
          "'--class-weight' expects balanced or NAME:WEIGHT pairs such as a:1,b:2 "
            + "(weights finite and >= 0), found \(shown(String(item)))")
      }
      named.append((String(item[..<colon]), weight))
    }
    return .weights(named)
  }

  /// The options of `words`, or nil when they ask for `--help` (for tests).
  static func parse(_ words: [String]) throws(CommandError) -> Options? {
    guard let p = try table.parse(words) else { return nil }
    return try options(p)
  }

  /// The fit's options from the table's validated values.
  static func options(_ p: ParsedOptions) throws(CommandError) -> Options {
    var r = LogisticRegression()
    if let penalty = p.choice("--penalty", as: LogisticRegression.PenaltyName.self) {
      r.penalty = penalty
    }
    if let C = p.number("--C") { r.C = C }
    if let ratio = p.number("--l1-ratio") { r.l1Ratio = ratio }
    if let scaling = p.number("--intercept-scaling") { r.interceptScaling = scaling }
    r.fitIntercept = !p.flag("--no-intercept")
    if let solver = p.choice("--solver", as: LogisticRegression.Solver.self) {
      r.solver = solver
    }
    if let tol = p.number("--tol") { r.tol = tol }
    if let maxIter = p.integer("--max-iter") { r.maxIter = maxIter }
    if let text = p.text("--class-weight") { r.classWeight = try classWeight(text) }
    if let problem = r.solverProblem { throw .usage(problem) }
    var options = Options(
      path: p.positionals[0],
      reading: try DataOptions.read(
        p, target: p.text("--target"), sampleWeight: p.text("--sample-weight")),
      save: p.text("--save"), plot: p.text("--plot"),
      test: p.text("--test"), testSize: p.number("--test-size"),
      randomState: p.integer("--random-state"), threshold: p.number("--threshold"),
      regression: r, json: p.flag("--json"), verbose: p.flag("--verbose"),
      warmStart: p.text("--warm-start"))
    options.cv = p.integer("--cv")
    if let text = p.text("--Cs") {
      options.CsText = text
      options.Cs = try parseCs(text)
    }
    if let scoring = p.choice("--scoring", as: LogisticRegressionCV.Scoring.self) {
      options.scoring = scoring
    }
    if options.cv == nil && (p.text("--Cs") != nil || p.text("--scoring") != nil) {
      throw .usage("--Cs and --scoring set up --cv; give --cv K")
    }
    if options.cv != nil && r.resolvedPenalty.hasL1 {
      throw .usage("--cv fits the L2 penalty (LogisticRegressionCV's l1_ratios are not offered)")
    }
    return options
  }

  /// `--Cs 10` (np.logspace(-4, 4, 10)) or `--Cs 0.1,1,10` (in that order).
  static func parseCs(_ text: String) throws(CommandError) -> [Double] {
    if let n = Int(text) {
      guard n >= 1 else { throw .usage("'--Cs' must be >= 1 values, found '\(text)'") }
      return LogisticRegressionCV.logspace(n)
    }
    var grid: [Double] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let v = Double(item.trimmingPrefix(" ")), v.isFinite, v > 0 else {
        throw .usage(
          "'--Cs' expects a count or comma-separated numbers > 0, found '\(printable(text))'")
      }
      grid.append(v)
    }
    return grid
  }

  static func run(
    _ words: [String], outputs: StagedOutputs, stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let given = try table.parse(words, help: Help.fit, stdout: &stdout) else { return }
    var options = try options(given)
    let clock = ContinuousClock()
    let started = clock.now
    try checkSplitOptions(options)
    let all = try loadDataset(options.path, options: options.reading)
    for note in all.notes { stderr.write("fitlogit: note: \(note)\n") }
    try checkClassCount(all)
    try ResourceBounds.checkProbabilities(all)
    if options.regression.solver == .newton || options.regression.solver == .saga {
      // saga's proximal Newton builds the same dense Hessian as newton.
      try ResourceBounds.checkSecondOrder(
        all, for: "--solver \(options.regression.solver.rawValue)")
    }
    try ScoreCommand.checkThreshold(options.threshold, classCount: all.classCount)
    let split = try options.testSize.map { (size) throws(CommandError) in
      try HeldOut(all, path: options.path, testSize: size, randomState: options.randomState!)
    }
    let data = split?.train ?? all
    if let path = options.warmStart {
      let bytes = try FileSystem.contents(of: path)
      do {
        options.regression.warmStart = try LogisticModel(json: bytes)
      } catch {
        throw .data("\(printable(path)): \(error.message)")
      }
      if let problem = options.regression.warmStartProblem(for: data) {
        throw .data("\(printable(path)): \(problem)")
      }
    }
    if let problem = options.regression.solverProblem(for: data) { throw .data(problem) }
    if let problem = options.regression.scaleProblem(for: data, checkC: options.cv == nil) {
      throw .data(problem)
    }
    if let unknown = options.regression.unknownClassWeight(for: data) {
      throw .data(
        "--class-weight names \(shown(unknown)), which is not a class of the target "
          + "\"\(printable(data.targetName))\" (classes: "
          + data.classes.map { printable($0) }.joined(separator: ", ") + ")")
    }
    if let plot = options.plot { try PlotReport.check(plot, data: data) }
    let parsed = clock.now
    if options.verbose {
      stderr.write(
        "read \(options.path): \(data.sampleCount) rows × \(data.featureCount) "
          + "features, \(data.classCount) classes in \(milliseconds(parsed - started)) ms\n")
    }
    func progress(_ record: IterationRecord) {
      stderr.write(
        "iter \(record.iteration)  objective \(fixed(record.value, 12))  "
          + "max|grad| \(significant(record.gradientMaxAbs, 3))  step "
          + "\(significant(record.step, 3))  evaluations \(record.evaluations)\n")
    }
    var crossValidation: CrossValidation?
    let fit: Fit
    if let k = options.cv {
      let cv = try crossValidate(data, folds: k, options: options)
      crossValidation = cv
      fit = cv.refit
    } else {
      fit = withoutActuallyEscaping(progress) { progress in
        options.regression.fit(data, observer: options.verbose ? progress : nil)
      }
    }
    if options.verbose {
      stderr.write("fit: \(milliseconds(clock.now - parsed)) ms\n")
    }
    var warnings = crossValidation.map(CrossValidationReport.warnings) ?? []
    if let k = options.cv, let w = leastPopulatedClassWarning(labels: data.labels, folds: k) {
      warnings.insert(w, at: 0)
    }
    warnings += Self.warnings(fit)
    for warning in warnings {
      stderr.write("fitlogit: warning: \(warning)\n")
    }
    outputs.addInput(options.path)
    if let test = options.test { outputs.addInput(test) }
    if let save = options.save {
      try outputs.stageFile(fit.encoded(), at: save)
    }
    // The test file is read after the fit, so its errors name it, not DATA.csv.
    var evaluation = try options.test.map { (path) throws(CommandError) in
      try Evaluation(
        model: fit.model, target: data.targetName, path: path,
        sampleWeight: options.reading.sampleWeight, threshold: options.threshold)
    }
    if let split {
      evaluation = try split.evaluate(
        fit.model, weightColumn: options.reading.sampleWeight, threshold: options.threshold)
    }
    if let plot = options.plot {
      var extra = EvaluationPlot()
      if let evaluation { extra.add(evaluation) }
      if let crossValidation { extra.add(crossValidation, scoring: options.scoring.rawValue) }
      try outputs.stageDirectory(PlotReport.files(fit, data: data, extra: extra), at: plot)
    }
    if options.json {
      var extra = crossValidation.map { [("cv", CrossValidationReport.json($0, options))] } ?? []
      extra += evaluation.map { [("test", ScoreReport.json($0))] } ?? []
      stdout.write(FitReport.json(fit, data: data, warnings: warnings, extra: extra))
    } else {
      stdout.write(FitReport.text(fit, data: data))
      if let crossValidation {
        stdout.write("\n" + CrossValidationReport.text(crossValidation, options))
      }
      if let evaluation { stdout.write("\n" + ScoreReport.text(evaluation)) }
    }
  }

  /// `--cv K`: LogisticRegressionCV on `data` with the fit's options.
  static func crossValidate(
    _ data: Dataset, folds: Int, options: Options
  ) throws(CommandError) -> CrossValidation {
    if options.scoring == .rocAUC && data.classCount != 2 {
      throw .data(
        "--scoring roc_auc needs two classes; \"\(printable(data.targetName))\" has "
          + "\(data.classCount) (scikit-learn raises too)")
    }
    var cv = LogisticRegressionCV(Cs: options.Cs)
    cv.folds = folds
    cv.scoring = options.scoring
    cv.regression = options.regression
    do {
      return try cv.fit(data)
    } catch {
      throw .data("\(printable(options.path)): --cv \(folds): \(error.message)")
    }
  }

  /// `--threshold` scores test rows, which `--test` or `--test-size` gives;
  /// a split is repeatable only with its seed.
  static func checkSplitOptions(_ o: Options) throws(CommandError) {
    if o.test != nil && o.testSize != nil {
      throw .usage("give --test TEST.csv or --test-size F, not both")
    }
    if o.testSize != nil && o.randomState == nil {
      throw .usage(
        "--test-size needs --random-state N (scikit-learn's random_state), so that the "
          + "split can be repeated")
    }
    if o.randomState != nil && o.testSize == nil {
      throw .usage("--random-state seeds the --test-size split; give --test-size F")
    }
    if o.threshold != nil && o.test == nil && o.testSize == nil {
      throw .usage(
        "--threshold applies to the test scores; give --test TEST.csv or --test-size F")
    }
  }

  /// Separation first: when it holds, "raise --max-iter" would be bad advice.
  /// The options' own warnings (scikit-learn's about penalty, C and
  /// l1_ratio) come before the fit's.
  static func warnings(_ fit: Fit) -> [String] {
    let diagnostics = fit.diagnostics
    let options = fit.options.penaltyWarnings
    if diagnostics.contains(.perfectSeparation) {
      return options + fit.optimization.warnings + diagnostics.map(\.message)
    }
    return options + fit.optimization.warnings + [convergenceWarning(fit)].compactMap { $0 }
      + diagnostics.map(\.message)
  }

  /// scikit-learn's ConvergenceWarning, for a fit that stopped early.
  static func convergenceWarning(_ fit: Fit) -> String? {
    let result = fit.optimization
    guard !result.converged else { return nil }
    let solver = fit.options.solver.rawValue
    switch result.stopReason {
    case .maxIterations:
      // scikit-learn's advice: more iterations, or scaled data; not the
      // latter when the data are scaled, or are indicators only (which
      // --standardize leaves as they are).
      let scaled = fit.model.encoding.scaler != nil || fit.model.encoding.numeric.isEmpty
      return "\(solver) failed to converge after \(result.iterations) iteration(s) "
        + "(\(result.stopReason.message)); "
        + (scaled
          ? "increase --max-iter (now \(fit.options.maxIter))"
          : "scale the data with --standardize (scikit-learn: \"You might also want to "
            + "scale the data\"), or increase --max-iter (now \(fit.options.maxIter))")
    default:
      return "\(solver) stopped after \(result.iterations) iteration(s) without "
        + "converging (\(result.stopReason.message)); the coefficients are the last "
        + "accepted iterate"
    }
  }
}

/// Refuses a label column that is really an identifier: more than 1,000
/// classes with most of them a single row. A softmax over 10,000 one-row
/// classes costs n·K·d per evaluation and n·K memory for a meaningless fit.
func checkClassCount(_ data: Dataset) throws(CommandError) {
  let K = data.classCount
  if K > 1000 && 2 * K > data.sampleCount {
    throw .data(
      "the target \"\(printable(data.targetName))\" has \(K) classes for "
        + "\(data.sampleCount) rows, so most classes have a single row: is it an "
        + "identifier rather than a label? (choose the label with --target)")
  }
}

/// A duration in milliseconds with one decimal, for `--verbose`.
func milliseconds(_ d: Duration) -> String {
  let (seconds, attoseconds) = d.components
  return fixed(Double(seconds) * 1e3 + Double(attoseconds) * 1e-15, 1)
}

/// Reads and parses a CSV file, turning every failure into a data error.
///
/// A regular file is parsed in place from a read-only mapping, which keeps
/// peak memory near the matrix's size; a pipe is read into memory first.
func loadDataset(
  _ path: String, target: String?, sampleWeight: String? = nil
) throws(CommandError) -> Dataset {
  try loadDataset(
    path, options: CSVReadOptions(target: target, sampleWeight: sampleWeight))
}

func loadDataset(
  _ path: String, options: CSVReadOptions
) throws(CommandError) -> Dataset {
  do {
    if try FileSystem.isRegularFile(path) {
      return try Dataset(csvFile: path, name: printable(path), options: options)
    }
    let bytes = try FileSystem.contents(of: path)
    return try Dataset(csv: bytes, file: printable(path), options: options)
  } catch let error as CSVError {
    var failure = CommandError.data(error.description)
    failure.notes = error.notes
    throw failure
  } catch let error as CommandError {
    throw error
  } catch {
    throw .data("\(error)")
  }
}
