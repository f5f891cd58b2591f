import FitlogitCore
import FitlogitData
import FitlogitOptimization

/// `fitlogit fit DATA.csv [options]`.
enum FitCommand {
  struct Options {
    var path: String
    var target: String?
    var sampleWeight: String?
    var save: String?
    var plot: String?
    var regression = LogisticRegression()
    var json = false
    var verbose = false
  }

  static func parse(_ words: [String]) throws(CommandError) -> Options? {
    var args = Arguments(words)
    if args.flag("--help") || args.flag("-h") { return nil }
    var r = LogisticRegression()
    let target = try args.option("--target")
    r.penalty = try args.choice("--penalty", default: .l2)
    r.C = try args.double("--C", default: 1, requirement: "> 0") { $0 > 0 }
    r.fitIntercept = !args.flag("--no-intercept")
    r.solver = try args.choice("--solver", default: .lbfgs)
    r.tol = try args.double("--tol", default: 1e-4, requirement: "> 0") {
      $0 > 0 && $0.isFinite
    }
    r.maxIter = try args.integer("--max-iter", default: 100, requirement: ">= 1") {
      $0 >= 1
    }
    let sampleWeight = try args.option("--sample-weight")
    if let classWeight = try args.option("--class-weight") {
      guard classWeight == "balanced" else {
        throw .usage("'--class-weight' must be balanced, found '\(classWeight)'")
      }
      r.classWeight = .balanced
    }
    let save = try args.option("--save")
    let plot = try args.option("--plot")
    let json = args.flag("--json")
    let verbose = args.flag("--verbose")
    guard let path = args.positional() else {
      throw .usage("missing DATA.csv")
    }
    try args.finish()
    return Options(
      path: path, target: target, sampleWeight: sampleWeight, save: save, plot: plot,
      regression: r, json: json, verbose: verbose)
  }

  static func run(
    _ words: [String], outputs: StagedOutputs, stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let options = try parse(words) else {
      stdout.write(Help.fit)
      return
    }
    let clock = ContinuousClock()
    let started = clock.now
    let data = try loadDataset(
      options.path, target: options.target, sampleWeight: options.sampleWeight)
    try checkClassCount(data)
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
    let fit = withoutActuallyEscaping(progress) { progress in
      options.regression.fit(data, observer: options.verbose ? progress : nil)
    }
    if options.verbose {
      stderr.write("fit: \(milliseconds(clock.now - parsed)) ms\n")
    }
    let warnings = warnings(fit)
    for warning in warnings {
      stderr.write("fitlogit: warning: \(warning)\n")
    }
    outputs.addInput(options.path)
    if let save = options.save {
      try outputs.stageFile(ModelFile.encode(fit, data: data), at: save)
    }
    if let plot = options.plot {
      try outputs.stageDirectory(PlotReport.files(fit, data: data), at: plot)
    }
    stdout.write(
      options.json
        ? FitReport.json(fit, data: data, warnings: warnings) : FitReport.text(fit, data: data))
  }

  /// Separation first: when it holds, "raise --max-iter" would be bad advice.
  static func warnings(_ fit: Fit) -> [String] {
    let diagnostics = fit.diagnostics
    if diagnostics.contains(.perfectSeparation) { return diagnostics.map(\.message) }
    return [convergenceWarning(fit)].compactMap { $0 } + diagnostics.map(\.message)
  }

  /// scikit-learn's ConvergenceWarning, for a fit that stopped early.
  static func convergenceWarning(_ fit: Fit) -> String? {
    let result = fit.optimization
    guard !result.converged else { return nil }
    let solver = fit.options.solver.rawValue
    switch result.stopReason {
    case .maxIterations:
      return "\(solver) failed to converge after \(result.iterations) iteration(s) "
        + "(\(result.stopReason.message)); increase --max-iter (now "
        + "\(fit.options.maxIter)) or scale the features"
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
  do {
    if try FileSystem.isRegularFile(path) {
      return try Dataset(
        csvFile: path, name: printable(path), target: target, sampleWeight: sampleWeight)
    }
    let bytes = try FileSystem.contents(of: path)
    return try Dataset(
      csv: bytes, file: printable(path), target: target, sampleWeight: sampleWeight)
  } catch let error as CSVError {
    throw .data(error.description)
  } catch let error as CommandError {
    throw error
  } catch {
    throw .data("\(error)")
  }
}
