import FitlogitCore
import FitlogitData
import FitlogitInference
import FitlogitJSON

/// `fitlogit summary DATA.csv`: statsmodels' inference table.
enum SummaryCommand {
  /// The options of `summary`, in the order `--help` lists them.
  static let table = OptionTable(
    DataOptions.inferenceEntries + [
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
      .choice(
        "--ci", of: ProfileReport.Method.self, default: .wald, shownAs: "--ci wald|profile",
        help: "profile: R's confint (profile likelihood) beside the Wald intervals"),
      .text(
        "--compare-to", "COLS",
        help: "likelihood-ratio and Wald tests against the smaller model with only",
        "these feature columns (comma-separated; \"\" for the intercept alone)"),
      .text(
        "--save", "MODEL.json",
        help: "write the fit with its cov_params, for 'fitlogit predict --interval'"),
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
    _ words: [String], outputs: StagedOutputs, stdout: inout some TextOutputStream,
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
    let profile = parsed.choice("--ci", as: ProfileReport.Method.self) == .profile
    let compareTo = parsed.text("--compare-to")
    let save = parsed.text("--save")
    try checkBetweenModels(
      profile: profile, compareTo: compareTo, save: save, firth: firth, penalized: penalized,
      covarianceType: covarianceType)
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
    var summary: LogitSummary
    do {
      let C = givenC.isNaN ? 1 : givenC
      summary = try LogitSummary(
        data: data, alpha: alpha, C: penalized ? C : nil, covarianceType: covarianceType,
        groups: groups, firth: firth, margeff: margeffAt.map { ($0, margeffMethod) },
        margeffDummy: margeffDummy, margeffCount: margeffCount)
    } catch {
      throw .data(error.message)
    }
    if profile && summary.equations.count > 1 {
      throw .data("--ci profile is implemented for two classes; the target has \(data.classCount)")
    }
    let intervals = profile ? ProfileLikelihood.intervals(data: data, summary: summary) : nil
    let comparison = try compareTo.map { (list) throws(CommandError) in
      try ModelComparison(list, data: data, big: summary)
    }
    var warnings = summary.warnings + (comparison?.warnings ?? [])
    if let intervals { warnings += ProfileReport.warnings(summary, profile: intervals) }
    for warning in warnings { stderr.write("fitlogit: warning: \(warning)\n") }
    // --json's "warnings" lists these too.
    summary.warnings = warnings
    if let save {
      outputs.addInput(path)
      try outputs.stageFile(SummaryModelFile.text(summary, data: data), at: save)
    }
    if json {
      var extra: [(String, JSON)] = []
      if let intervals { extra.append(("profile_ci", ProfileReport.json(intervals))) }
      if let intervals, oddsRatios {
        extra.append(("odds_ratio_profile_ci", ProfileReport.oddsRatioJSON(intervals)))
      }
      if let comparison { extra.append(("compare_to", comparison.json)) }
      stdout.write(
        SummaryReport.json(
          summary, oddsRatios: oddsRatios, dropped: data.droppedRows, extra: extra))
    } else {
      let n = data.droppedRows
      stdout.write(
        SummaryReport.text(summary, oddsRatios: oddsRatios)
          + (summary.marginalEffects.map {
            "\n" + SummaryReport.marginalEffects($0, target: summary.targetName)
          } ?? "")
          + (intervals.map { ProfileReport.text(summary, profile: $0) } ?? "")
          + (oddsRatios
            ? intervals.map { ProfileReport.oddsRatioText(summary, profile: $0) } ?? "" : "")
          + (comparison.map {
            $0.text(target: summary.targetName, bigColumns: data.encoding.sourceColumns)
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

extension SummaryCommand {
  /// The option combinations that `--ci profile`, `--compare-to` and
  /// `--save` refuse, before any file is read.
  static func checkBetweenModels(
    profile: Bool, compareTo: String?, save: String?, firth: Bool, penalized: Bool,
    covarianceType: CovarianceType
  ) throws(CommandError) {
    if profile && firth {
      throw .usage(
        "--ci profile profiles the likelihood of the maximum-likelihood fit; drop --firth")
    }
    if profile && covarianceType != .nonrobust {
      throw .usage(
        "--ci profile intervals come from the likelihood, which no --cov-type changes; "
          + "drop --cov-type")
    }
    if profile && penalized {
      throw .usage("--ci profile profiles the unpenalized likelihood; drop --penalty and --C")
    }
    if compareTo != nil && firth {
      throw .usage("--compare-to compares maximum-likelihood fits; drop --firth")
    }
    if compareTo != nil && penalized {
      throw .usage("--compare-to compares unpenalized fits; drop --penalty and --C")
    }
    if save != nil && penalized {
      throw .usage(
        "summary --save stores the textbook covariance, which a penalized fit does not have; "
          + "use 'fitlogit fit --save' for a penalized model")
    }
  }
}

/// patsy's names for treatment-coded columns: `age`, `sex[T.male]`, as
/// statsmodels' formulas (and, without the brackets, R) label them.
func patsyNames(_ e: FeatureEncoding) -> [String] {
  e.numeric
    + e.categorical.flatMap { c in
      c.encodedLevels(dropFirst: true).map { "\(c.column)[T.\($0)]" }
    }
}
