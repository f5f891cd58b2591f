import FitlogitData
import FitlogitInference

/// `fitlogit margeff DATA.csv`: statsmodels' `get_margeff(at=, method=,
/// dummy=, count=)` after the same fit as `summary`, printed alone.
enum MarginalEffectsCommand {
  /// The options of `margeff`, in the order `--help` lists them.
  static let table = OptionTable(
    DataOptions.inferenceEntries + [
      .choice(
        "--at", of: MarginalEffects.At.self, default: .overall,
        shownAs: "--at overall|mean",
        help: "averaged over the rows (default) or at the mean row"),
      .choice(
        "--method", of: MarginalEffects.Method.self, default: .dydx,
        shownAs: "--method dydx|eyex",
        help: "dy/dx (default) or the elasticity d(ln y)/d(ln x)"),
      .flag("--dummy", help: "discrete change 0 -> 1 for 0/1 columns (and categories)"),
      .flag("--count", help: "discrete change x-1 -> x+1, halved, for count columns"),
      .choice(
        "--cov-type", of: CovarianceType.self, default: .nonrobust,
        shownAs: "--cov-type nonrobust|HC0|HC1|HC2|HC3|cluster",
        help: "the covariance the delta-method errors use (as summary's)"),
      .text(
        "--groups", "COL",
        help: "cluster labels (text or numbers) for --cov-type cluster; not a feature"),
      .flag("--json", help: "statsmodels' attribute names as JSON"),
    ], positionals: ["DATA.csv"])

  static func run(
    _ words: [String], stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let parsed = try table.parse(words, help: Help.margeff, stdout: &stdout) else { return }
    let target = parsed.text("--target")
    let alpha = parsed.number("--alpha") ?? 0.05
    let at = parsed.choice("--at", as: MarginalEffects.At.self) ?? .overall
    let method = parsed.choice("--method", as: MarginalEffects.Method.self) ?? .dydx
    let dummy = parsed.flag("--dummy")
    let count = parsed.flag("--count")
    let covarianceType = parsed.choice("--cov-type", as: CovarianceType.self) ?? .nonrobust
    let groupsColumn = parsed.text("--groups")
    if (dummy || count) && method != .dydx {
      throw .usage(
        "--dummy and --count need --method dydx (statsmodels: \"eyex not allowed for "
          + "discrete variables\")")
    }
    if covarianceType == .cluster && groupsColumn == nil {
      throw .usage("--cov-type cluster needs --groups COL (the column of cluster ids)")
    }
    if groupsColumn != nil && covarianceType != .cluster {
      throw .usage("--groups is for --cov-type cluster")
    }
    let data = try loadFrame(
      parsed.positionals[0], parsed, target: target, groups: groupsColumn, for: "margeff",
      stderr: &stderr)
    let summary: LogitSummary
    do {
      summary = try LogitSummary(
        data: data, alpha: alpha, covarianceType: covarianceType, groups: data.groups,
        margeff: (at, method), margeffDummy: dummy, margeffCount: count)
    } catch {
      throw .data(error.message)
    }
    for warning in summary.warnings { stderr.write("fitlogit: warning: \(warning)\n") }
    let effects = summary.marginalEffects!
    if parsed.flag("--json") {
      stdout.write(SummaryReport.marginalEffectsJSON(effects).text + "\n")
    } else {
      let n = data.droppedRows
      stdout.write(
        SummaryReport.marginalEffects(effects, target: summary.targetName)
          + (n == 0 ? "" : "(\(n) observation\(n == 1 ? "" : "s") deleted due to missingness)\n"))
    }
  }
}
