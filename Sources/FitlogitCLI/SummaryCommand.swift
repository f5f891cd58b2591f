import FitlogitCore
import FitlogitData
import FitlogitInference

/// `fitlogit summary DATA.csv`: statsmodels' inference table.
enum SummaryCommand {
  /// The options of `summary`, in the order `--help` lists them.
  static let table = OptionTable(
    [
      .text("--target", "NAME", help: "label column (default: the last column)"),
      .number(
        "--alpha", "A", default: "0.05", requirement: "in (0, 1)",
        help: "confidence level 1 - A for the intervals (default 0.05)"
      ) { $0 > 0 && $0 < 1 },
    ] + DataOptions.entries.filter { $0.name != "--drop-first" && $0.name != "--standardize" } + [
      .flag(
        "--odds-ratios",
        help: "exp(coef) and exp of the interval ends (as R and Stata report them)"),
      .choice(
        "--cov-type", of: CovarianceType.self, default: .nonrobust,
        shownAs: "--cov-type nonrobust|HC0|HC1|HC2|HC3|cluster",
        help: "statsmodels' cov_type; HC1-HC3 with R sandwich's corrections"),
      .text(
        "--groups", "COL",
        help: "cluster labels (text or numbers) for --cov-type cluster; not a feature"),
      .flag(
        "--firth",
        help: "Firth's bias-reduced fit (brglm2, logistf): finite on separated data"),
      .choice(
        "--margeff", of: MarginalEffects.At.self, default: nil,
        shownAs: "--margeff overall|mean",
        help: "marginal effects after the table (statsmodels' get_margeff(at=...)):",
        "averaged over the rows, or at the mean row"),
      .choice(
        "--margeff-method", of: MarginalEffects.Method.self, default: .dydx,
        shownAs: "--margeff-method dydx|eyex",
        help: "dy/dx (default) or the elasticity d(ln y)/d(ln x)"),
      .flag(
        "--margeff-dummy",
        help: "discrete change 0 -> 1 for 0/1 columns (get_margeff(dummy=True))"),
      .flag(
        "--margeff-count",
        help: "discrete change x-1 -> x+1, halved, for counts (get_margeff(count=True))"),
      .flag("--json", help: "statsmodels' attribute names as JSON"),
      .choice(
        "--penalty", of: LogisticRegression.PenaltyName.self,
        default: LogisticRegression.PenaltyName.none, listed: [.l2, .none],
        shownAs: "--penalty l2, --C VALUE",
        help: "a penalized fit: refused unless --allow-penalized,",
        "because its standard errors are not the textbook ones"),
      // Explained on --penalty's line; no default, so an absent --C is nil.
      .number("--C", "VALUE", default: nil, requirement: "> 0") { $0 > 0 },
      .flag("--allow-penalized", help: "print the penalized table anyway, labelled as such"),
    ], positionals: ["DATA.csv"])

  static func run(
    _ words: [String], stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let parsed = try table.parse(words, help: Help.summary, stdout: &stdout) else { return }
    let target = parsed.text("--target")
    let alpha = parsed.number("--alpha") ?? 0.05
    let penalty = parsed.choice("--penalty", as: LogisticRegression.PenaltyName.self) ?? .none
    let givenC = parsed.number("--C") ?? .nan
    let allowPenalized = parsed.flag("--allow-penalized")
    let json = parsed.flag("--json")
    let penalized = penalty == .l2 || !givenC.isNaN
    let oddsRatios = parsed.flag("--odds-ratios")
    let covarianceType = parsed.choice("--cov-type", as: CovarianceType.self) ?? .nonrobust
    let groupsColumn = parsed.text("--groups")
    let firth = parsed.flag("--firth")
    let margeffAt = parsed.choice("--margeff", as: MarginalEffects.At.self)
    let margeffMethod =
      parsed.choice("--margeff-method", as: MarginalEffects.Method.self) ?? .dydx
    let margeffDummy = parsed.flag("--margeff-dummy")
    let margeffCount = parsed.flag("--margeff-count")
    for option in ["--margeff-method", "--margeff-dummy", "--margeff-count"]
    where margeffAt == nil && words.contains(option) {
      throw .usage("\(option) needs --margeff overall|mean")
    }
    if (margeffDummy || margeffCount) && margeffMethod != .dydx {
      throw .usage(
        "--margeff-dummy and --margeff-count need --margeff-method dydx (statsmodels: "
          + "\"eyex not allowed for discrete variables\")")
    }
    if covarianceType == .cluster && groupsColumn == nil {
      throw .usage("--cov-type cluster needs --groups COL (the column of cluster ids)")
    }
    if groupsColumn != nil && covarianceType != .cluster {
      throw .usage("--groups is for --cov-type cluster")
    }
    if firth && covarianceType != .nonrobust {
      throw .usage("--firth reports its own (model-based) errors; drop --cov-type")
    }
    if firth && penalized {
      throw .usage("--firth is itself a penalized fit; drop --penalty and --C")
    }
    let path = parsed.positionals[0]
    if penalized && !allowPenalized {
      throw .usage(
        "summary reports the textbook standard errors of the unpenalized maximum-likelihood "
          + "fit; with a penalty (--penalty l2 or --C) they are not those of any sampling "
          + "distribution. Drop the penalty, or add --allow-penalized to see the penalized table")
    }

    let data = try loadFrame(
      path, parsed, target: target, groups: groupsColumn, for: "summary", stderr: &stderr)
    let groups = data.groups
    let summary: LogitSummary
    do {
      let C = givenC.isNaN ? 1 : givenC
      summary = try LogitSummary(
        data: data, alpha: alpha, C: penalized ? C : nil, covarianceType: covarianceType,
        groups: groups, firth: firth, margeff: margeffAt.map { ($0, margeffMethod) },
        margeffDummy: margeffDummy, margeffCount: margeffCount)
    } catch {
      throw .data(error.message)
    }
    for warning in summary.warnings { stderr.write("fitlogit: warning: \(warning)\n") }
    if json {
      stdout.write(SummaryReport.json(summary, oddsRatios: oddsRatios))
    } else {
      let n = data.droppedRows
      stdout.write(
        SummaryReport.text(summary, oddsRatios: oddsRatios)
          + (summary.marginalEffects.map {
            "\n" + SummaryReport.marginalEffects($0, target: summary.targetName)
          } ?? "")
          + (n == 0 ? "" : "(\(n) observation\(n == 1 ? "" : "s") deleted due to missingness)\n"))
    }
  }
}

/// Reads DATA.csv as R and statsmodels formulas see it: categories in
/// treatment coding against the first level (drop_first) with patsy's
/// names, and the cluster labels (text or numbers) kept out of the
/// features and dropped with --dropna's rows, as statsmodels' groups are.
func loadFrame(
  _ path: String, _ parsed: ParsedOptions, target: String?, groups: String?,
  for command: String, stderr: inout some TextOutputStream
) throws(CommandError) -> Dataset {
  var reading = try DataOptions.read(parsed, target: target, sampleWeight: nil)
  reading.dropFirst = true
  reading.groups = groups
  var data = try loadDataset(path, options: reading)
  for note in data.notes { stderr.write("fitlogit: note: \(note)\n") }
  try checkClassCount(data)
  try ResourceBounds.checkSecondOrder(data, for: command)
  data.featureNames = patsyNames(data.encoding)
  return data
}

/// patsy's names for treatment-coded columns: `age`, `sex[T.male]`, as
/// statsmodels' formulas (and, without the brackets, R) label them.
func patsyNames(_ e: FeatureEncoding) -> [String] {
  e.numeric
    + e.categorical.flatMap { c in
      c.encodedLevels(dropFirst: true).map { "\(c.column)[T.\($0)]" }
    }
}
