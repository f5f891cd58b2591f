import FitlogitCore

/// `fitlogit fit DATA.csv [options]`.
enum FitCommand {
  struct Options {
    var path: String
    var target: String?
    var sampleWeight: String?
    var save: String?
    var regression = LogisticRegression()
    var json = false
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
    let json = args.flag("--json")
    guard let path = args.positional() else {
      throw .usage("missing DATA.csv")
    }
    try args.finish()
    return Options(
      path: path, target: target, sampleWeight: sampleWeight, save: save,
      regression: r, json: json)
  }

  static func run(
    _ words: [String], stdout: inout String, stderr: inout String
  ) throws(CommandError) {
    guard let options = try parse(words) else {
      stdout += Help.fit
      return
    }
    let data = try loadDataset(
      options.path, target: options.target, sampleWeight: options.sampleWeight)
    let fit = options.regression.fit(data)
    if let warning = convergenceWarning(fit) {
      stderr += "fitlogit: warning: \(warning)\n"
    }
    if let save = options.save {
      try FileSystem.save(ModelFile.encode(fit, data: data), to: save)
    }
    stdout += options.json ? FitReport.json(fit, data: data) : FitReport.text(fit, data: data)
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

/// Reads and parses a CSV file, turning every failure into a data error.
func loadDataset(
  _ path: String, target: String?, sampleWeight: String? = nil
) throws(CommandError) -> Dataset {
  let bytes = try FileSystem.contents(of: path)
  do {
    return try Dataset(csv: bytes, file: path, target: target, sampleWeight: sampleWeight)
  } catch {
    throw .data(error.description)
  }
}
