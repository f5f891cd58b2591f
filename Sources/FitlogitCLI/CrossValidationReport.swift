import FitlogitJSON
import FitlogitModelSelection

/// The `--cv` block: the fold × C score table, its mean and standard
/// deviation per C, and the chosen C, with LogisticRegressionCV's names.
enum CrossValidationReport {
  static func text(_ cv: CrossValidation, _ options: FitCommand.Options) -> String {
    let k = cv.scores.count
    var out = "LogisticRegressionCV(Cs=\(options.CsText), cv=\(k), scoring=\"\(options.scoring.rawValue)\")"
      + ": scores_, fold × C\n"
    var rows: [[String]] = [["C"] + (1..<(k + 1)).map { "fold \($0)" } + ["mean", "std"]]
    for (c, C) in cv.Cs.enumerated() {
      let column = cv.scores.map { $0[c] }
      let (mean, std) = meanAndStd(column)
      rows.append(
        [significant(C, 6) + (c == cv.bestIndex ? " *" : "")]
          + column.map { fixed($0, 6) } + [fixed(mean, 6), fixed(std, 6)])
    }
    out += FitReport.table(rows)
    out += "C_ = \(cv.C) (*: the best summed score; ties go to the first C), "
      + "refitted on all rows from the folds' mean coefficients\n"
    return out
  }

  static func json(_ cv: CrossValidation, _ options: FitCommand.Options) -> JSON {
    .object([
      ("C_", .number(cv.C)),
      ("Cs_", .numbers(cv.Cs)),
      ("scoring", .string(options.scoring.rawValue)),
      ("n_folds", .integer(cv.scores.count)),
      ("scores_", .array(cv.scores.map(JSON.numbers))),
      ("n_iter_", .array(cv.iterations.map { .array($0.map(JSON.integer)) })),
      ("folds", .array(cv.folds.map { .array($0.map(JSON.integer)) })),
    ])
  }

  /// scikit-learn warns once per fit that does not converge; one line here.
  static func warnings(_ cv: CrossValidation) -> [String] {
    let failed = cv.converged.joined().filter { !$0 }.count
    guard failed > 0 else { return [] }
    return [
      "\(failed) of the \(cv.converged.joined().count) fold fits did not converge "
        + "(scikit-learn: ConvergenceWarning); raise --max-iter or scale the features"
    ]
  }

  /// np.mean and np.std (ddof 0) of one C's fold scores.
  static func meanAndStd(_ v: [Double]) -> (Double, Double) {
    let mean = v.reduce(0, +) / Double(v.count)
    let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)
    return (mean, variance.squareRoot())
  }
}
