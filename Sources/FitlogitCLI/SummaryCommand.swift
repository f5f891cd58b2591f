import FitlogitCore
import FitlogitData
import FitlogitInference

/// `fitlogit summary DATA.csv`: statsmodels' inference table.
enum SummaryCommand {
  static func run(
    _ words: [String], stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    var args = Arguments(words)
    if args.flag("--help") || args.flag("-h") {
      stdout.write(Help.summary)
      return
    }
    let target = try args.option("--target")
    let alpha = try args.double("--alpha", default: 0.05, requirement: "in (0, 1)") {
      $0 > 0 && $0 < 1
    }
    let penalty: LogisticRegression.PenaltyName = try args.choice(
      "--penalty", default: .none, among: [.l2, .none])
    let givenC = try args.double("--C", default: .nan, requirement: "> 0") { $0 > 0 }
    let allowPenalized = args.flag("--allow-penalized")
    let json = args.flag("--json")
    guard let path = args.positional() else { throw .usage("missing DATA.csv") }
    try args.finish()
    let penalized = penalty == .l2 || !givenC.isNaN
    if penalized && !allowPenalized {
      throw .usage(
        "summary reports the textbook standard errors of the unpenalized maximum-likelihood "
          + "fit; with a penalty (--penalty l2 or --C) they are not those of any sampling "
          + "distribution. Drop the penalty, or add --allow-penalized to see the penalized table")
    }

    let data = try loadDataset(path, target: target)
    try checkClassCount(data)
    let summary: LogitSummary
    do {
      let C = givenC.isNaN ? 1 : givenC
      summary = try LogitSummary(data: data, alpha: alpha, C: penalized ? C : nil)
    } catch {
      throw .data(error.message)
    }
    for warning in summary.warnings { stderr.write("fitlogit: warning: \(warning)\n") }
    stdout.write(json ? SummaryReport.json(summary) : SummaryReport.text(summary))
  }
}
