import FitlogitCore
import FitlogitData
import FitlogitFigures
import FitlogitJSON
import FitlogitOptimization
import FitlogitSystem

/// `fitlogit path DATA.csv`: the regularization path, one fit per C of
/// `np.logspace(-4, 4, Cs)`, each warm-started from the one before.
enum PathCommand {
  /// The options of `path`, in the order `--help` lists them.
  static let table = OptionTable(
    [
      .text("--target", "NAME", help: "label column (default: the last column)"),
      .integer(
        "--Cs", "N", default: "20", requirement: "between 1 and 1000",
        help: "number of C values, np.logspace(-4, 4, N) (default 20)"
      ) { $0 >= 1 && $0 <= 1000 },
      .number(
        "--l1-ratio", "R", default: "0", requirement: "in [0, 1]",
        help: "0 is L2 (lbfgs), 1 is L1, between is the elastic net (saga)"
      ) { $0 >= 0 && $0 <= 1 },
      .flag("--no-intercept", help: "fit_intercept=False"),
      .number(
        "--tol", "VALUE", default: "1e-4", requirement: "> 0",
        help: "each fit's tolerance, as for 'fit' (default 1e-4)"
      ) { $0 > 0 && $0.isFinite },
      .integer(
        "--max-iter", "N", default: "100", requirement: ">= 0",
        help: "iterations allowed per fit, >= 0 (default 100)"
      ) { $0 >= 0 },
      .text(
        "--sample-weight", "NAME", help: "a numeric column of sample weights (not a feature)"),
      .flag("--json", help: "print the JSON report instead of text"),
      .text("--plot", "DIR", help: "write the coefficient paths (SVG) to DIR"),
    ], positionals: ["DATA.csv"])

  static func run(
    _ words: [String], outputs: StagedOutputs, stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let p = try table.parse(words, help: Help.path, stdout: &stdout) else { return }
    var r = LogisticRegression()
    r.l1Ratio = p.number("--l1-ratio") ?? 0
    r.solver = r.l1Ratio > 0 ? .saga : .lbfgs
    r.fitIntercept = !p.flag("--no-intercept")
    r.tol = p.number("--tol") ?? 1e-4
    r.maxIter = p.integer("--max-iter") ?? 100
    let count = p.integer("--Cs") ?? 20
    let path = p.positionals[0]
    let plot = p.text("--plot")
    if let plot, FileSystem.kind(of: plot) == .file {
      throw .data("\(printable(plot)): exists and is not a directory (--plot needs a directory)")
    }
    let data = try loadDataset(
      path, target: p.text("--target"), sampleWeight: p.text("--sample-weight"))
    try checkClassCount(data)
    let Cs = LogisticRegression.pathGrid(count: count)
    let fits = r.path(data, Cs: Cs)
    for (C, fit) in zip(Cs, fits) {
      if let warning = FitCommand.convergenceWarning(fit) {
        stderr.write("fitlogit: warning: C=\(shortest(C)): \(warning)\n")
      }
    }
    let names = coefficientNames(data)
    if let plot {
      let series = names.enumerated().map { (t, name) in
        (name: name, values: fits.map { $0.model.coef.values[t] })
      }
      let figure = coefficientPaths(
        Cs: Cs, series: series, penalty: penaltyName(r.resolvedPenalty))
      outputs.addInput(path)
      try outputs.stageDirectory([(figure.fileName, figure.svg)], at: plot)
    }
    stdout.write(
      p.flag("--json") ? json(Cs: Cs, fits: fits, data: data, names: names)
        : text(Cs: Cs, fits: fits, names: names, penalty: r.resolvedPenalty))
  }

  /// "L2", "L1", "elastic-net (l1_ratio=0.5)".
  static func penaltyName(_ penalty: Penalty) -> String {
    switch penalty.name {
    case "l1": "L1"
    case "elasticnet": "elastic-net (l1_ratio=\(shortest(penalty.l1Ratio)))"
    default: "L2"
    }
  }

  /// One name per entry of `coef_` in row order: the feature, prefixed by
  /// its class when there are more than two.
  static func coefficientNames(_ data: Dataset) -> [String] {
    if data.classCount == 2 { return data.featureNames }
    return data.classes.flatMap { k in data.featureNames.map { "\(k):\($0)" } }
  }

  static func text(Cs: [Double], fits: [Fit], names: [String], penalty: Penalty) -> String {
    var rows = [["C", "n_iter", "nonzero"] + names]
    for (C, fit) in zip(Cs, fits) {
      let coef = fit.model.coef.values
      rows.append(
        [significant(C, 6), "\(fit.optimization.iterations)",
         "\(coef.filter { $0 != 0 }.count)"] + coef.map { fixed($0, 6) })
    }
    let solver = penalty.hasL1 ? "saga" : "lbfgs"
    return "Regularization path: \(penaltyName(penalty)) penalty, \(Cs.count) values of C, \(solver), each fit "
      + "started from the previous one\n" + FitReport.table(rows)
  }

  static func json(Cs: [Double], fits: [Fit], data: Dataset, names: [String]) -> String {
    let value: JSON = .object([
      ("classes", .strings(data.classes)),
      ("feature_names", .strings(data.featureNames)),
      ("Cs", .numbers(Cs)),
      ("coefs", .array(fits.map { fit in
        .array((0..<fit.model.coef.rows).map { JSON.numbers(Array(fit.model.coef.row($0))) })
      })),
      ("intercepts", .array(fits.map { .numbers($0.model.intercept) })),
      ("n_iter", .array(fits.map { .integer($0.optimization.iterations) })),
      ("n_nonzero", .array(fits.map { fit in
        .integer(fit.model.coef.values.filter { $0 != 0 }.count)
      })),
      ("converged", .array(fits.map { .bool($0.optimization.converged) })),
    ])
    return value.text + "\n"
  }
}
