import FitlogitInference
import FitlogitJSON
import FitlogitSystem

/// statsmodels' summary layout, column for column, and its JSON twin.
enum SummaryReport {
  static let width = 78

  static func text(_ s: LogitSummary, oddsRatios: Bool = false) -> String {
    let model = s.equations.count == 1 ? "Logit" : "MNLogit"
    var title = "\(model) Regression Results"
    if let C = s.penalizedC { title += " (L2 penalty C=\(shortest(C)): not textbook errors)" }
    var out = center(title, width) + "\n" + String(repeating: "=", count: width) + "\n"
    let left: [(String, String)] = [
      ("Dep. Variable:", s.targetName), ("Model:", model), ("Method:", s.firth ? "Firth" : "MLE"),
      ("Solver:", s.firth ? "firth" : "newton"), ("Iterations:", String(s.iterations)),
      ("converged:", s.converged ? "True" : "False"), ("Covariance Type:", s.covarianceType.rawValue),
    ]
    let right: [(String, String)] = [
      ("No. Observations:", String(s.nobs)), ("Df Residuals:", String(s.dfResid)),
      ("Df Model:", String(s.dfModel)),
      ("Pseudo R-squ.:", trimmed(printf("%#6.4g", s.prsquared))),
      ("Log-Likelihood:", trimmed(printf("%#8.5g", s.llf))),
      ("LL-Null:", trimmed(printf("%#8.5g", s.llnull))),
      ("LLR p-value:", trimmed(printf("%#6.4g", s.llrPValue))),
    ]
    for (l, r) in zip(left, right) {
      out += pair(l, 37) + "   " + pair(r, 38) + "\n"
    }

    // The coefficient table: stub, four columns of 11, two of 12.
    let lo = "[" + shortest(s.alpha / 2)
    let hi = shortest(1 - s.alpha / 2) + "]"
    let natural = (s.names.map(printedWidth).max() ?? 0) + 11 * 4 + 12 * 2
    let stub = stubWidth(s.names)
    let tableWidth = max(natural, width)
    out += String(repeating: "=", count: tableWidth) + "\n"
    for (e, equation) in s.equations.enumerated() {
      let label = s.equations.count == 1 ? "" : "\(s.targetName)=\(equation)"
      out += pad(label, stub, right: true)
        + ["coef", "std err", "z", "P>|z|"].map { pad($0, 11, right: true) }.joined()
        + [lo, hi].map { pad($0, 12, right: true) }.joined() + "\n"
      out += String(repeating: "-", count: tableWidth) + "\n"
      for (j, name) in s.names.enumerated() {
        out += pad(name, stub, right: false)
          + pad(forg(s.params[e][j], precision: 4), 11, right: true)
          + pad(forg(s.bse[e][j], precision: 3), 11, right: true)
          + pad(forg(s.z[e][j], precision: 3), 11, right: true)
          + pad(printf("%#6.3f", s.p[e][j]), 11, right: true)
          + pad(forg(s.ci[e][j][0], precision: 3), 12, right: true)
          + pad(forg(s.ci[e][j][1], precision: 3), 12, right: true) + "\n"
      }
      let last = e == s.equations.count - 1
      out += String(repeating: last ? "=" : "-", count: tableWidth) + "\n"
    }
    if oddsRatios { out += oddsRatioTable(s, stub: stub, lo: lo, hi: hi, width: tableWidth) }
    out += pair(("AIC:", printf("%.4f", s.aic)), 37) + "   "
      + pair(("BIC:", printf("%.4f", s.bic)), 38) + "\n"
    out += pair(("Deviance:", printf("%.4f", s.deviance)), 37) + "   "
      + pair(("Null deviance:", printf("%.4f", s.nullDeviance)), 38) + "\n"
    return out
  }

  /// exp(coef) with exp of the interval ends, the convention of R's
  /// `exp(cbind(coef(m), confint.default(m)))` and Stata's `logit, or`.
  static func oddsRatioTable(
    _ s: LogitSummary, stub: Int, lo: String, hi: String, width: Int
  ) -> String {
    var out = ""
    for (e, equation) in s.equations.enumerated() {
      let label = s.equations.count == 1 ? "" : "\(s.targetName)=\(equation)"
      out += pad(label, stub, right: true) + pad("odds ratio", 11, right: true)
        + [lo, hi].map { pad($0, 12, right: true) }.joined() + "\n"
      out += String(repeating: "-", count: width) + "\n"
      for (j, name) in s.names.enumerated() {
        out += pad(name, stub, right: false)
          + pad(forg(s.oddsRatios[e][j], precision: 4), 11, right: true)
          + pad(forg(s.oddsRatioCI[e][j][0], precision: 3), 12, right: true)
          + pad(forg(s.oddsRatioCI[e][j][1], precision: 3), 12, right: true) + "\n"
      }
      out += String(repeating: "=", count: width) + "\n"
    }
    return out
  }

  /// statsmodels' `get_margeff(...).summary()`, line for line: one block
  /// for two classes, one per class (`target=class`) for MNLogit.
  static func marginalEffects(_ e: MarginalEffects, target: String) -> String {
    // statsmodels centers this title with the odd space on the left.
    let title = e.outcomes.isEmpty ? "Logit Marginal Effects" : "MNLogit Marginal Effects"
    let spare = 37 - title.count
    var out = String(repeating: " ", count: spare - spare / 2) + title
      + String(repeating: " ", count: spare / 2) + "\n" + String(repeating: "=", count: 37) + "\n"
    for item in [("Dep. Variable:", target), ("Method:", e.method.rawValue), ("At:", e.at.rawValue)] {
      out += pair(item, 37) + "\n"
    }
    let label = e.method == .dydx ? "dy/dx" : "d(lny)/d(lnx)"
    let labels = e.outcomes.isEmpty ? [""] : e.outcomes.map { "\(target)=\($0)" }
    let stub = stubWidth(e.names + labels)
    let first = max(11, label.count + 1)
    let tableWidth = stub + first + 11 * 3 + 12 * 2
    let lo = "[" + shortest(e.alpha / 2)
    let hi = shortest(1 - e.alpha / 2) + "]"
    out += String(repeating: "=", count: tableWidth) + "\n"
    let d = e.names.count
    for (block, outcome) in labels.enumerated() {
      if block > 0 { out += String(repeating: "-", count: tableWidth) + "\n" }
      out += pad(outcome, stub, right: true) + pad(label, first, right: true)
        + ["std err", "z", "P>|z|"].map { pad($0, 11, right: true) }.joined()
        + [lo, hi].map { pad($0, 12, right: true) }.joined() + "\n"
      out += String(repeating: "-", count: tableWidth) + "\n"
      for (j, name) in e.names.enumerated() {
        let t = block * d + j
        out += pad(name, stub, right: false)
          + pad(forg(e.effects[t], precision: 4), first, right: true)
          + pad(forg(e.bse[t], precision: 3), 11, right: true)
          + pad(forg(e.z[t], precision: 3), 11, right: true)
          + pad(printf("%#6.3f", e.p[t]), 11, right: true)
          + pad(forg(e.ci[t][0], precision: 3), 12, right: true)
          + pad(forg(e.ci[t][1], precision: 3), 12, right: true) + "\n"
      }
    }
    return out + String(repeating: "=", count: tableWidth) + "\n"
  }

  /// The marginal effects as JSON: flat arrays for two classes, one array
  /// per class (`outcomes`) for K classes.
  static func marginalEffectsJSON(_ e: MarginalEffects) -> JSON {
    let d = e.names.count
    func table(_ v: [Double]) -> JSON {
      e.outcomes.isEmpty
        ? .numbers(v)
        : .array(e.outcomes.indices.map { .numbers(Array(v[($0 * d)..<(($0 + 1) * d)])) })
    }
    let ci: JSON =
      e.outcomes.isEmpty
      ? .array(e.ci.map(JSON.numbers))
      : .array(e.outcomes.indices.map { k in .array(e.ci[(k * d)..<((k + 1) * d)].map(JSON.numbers)) })
    var members: [(String, JSON)] = [
      ("at", .string(e.at.rawValue)), ("method", .string(e.method.rawValue)),
      ("names", .strings(e.names)),
    ]
    if !e.outcomes.isEmpty { members.append(("outcomes", .strings(e.outcomes))) }
    members += [
      ("margeff", table(e.effects)), ("margeff_se", table(e.bse)), ("z", table(e.z)),
      ("p", table(e.p)), ("ci", ci),
    ]
    return .object(members)
  }

  /// - Parameters:
  ///   - dropped: Rows `--dropna` left out (R's "observations deleted due
  ///     to missingness"), as `fit --json` reports them.
  ///   - extra: Members that other reports add (`profile_ci`,
  ///     `compare_to`), after the marginal effects.
  static func json(
    _ s: LogitSummary, oddsRatios: Bool = false, dropped: Int = 0,
    extra: [(String, JSON)] = []
  ) -> String {
    let single = s.equations.count == 1
    func table(_ rows: [[Double]]) -> JSON {
      single ? .numbers(rows[0]) : .array(rows.map(JSON.numbers))
    }
    let ci: JSON =
      single
      ? .array(s.ci[0].map(JSON.numbers))
      : .array(s.ci.map { .array($0.map(JSON.numbers)) })
    var members: [(String, JSON)] = [
      ("names", .strings(s.names)),
    ]
    if !single { members.append(("equations", .strings(s.equations))) }
    members += [
      ("params", table(s.params)), ("bse", table(s.bse)), ("z", table(s.z)),
      ("p", table(s.p)), ("ci", ci), ("alpha", .number(s.alpha)),
      ("cov_type", .string(s.covarianceType.rawValue)),
      ("cov_params", .array(s.covParams.map(JSON.numbers))),
      ("method", .string(s.firth ? "firth" : "mle")),
    ]
    if oddsRatios {
      let orCI = s.oddsRatioCI
      let ciExp: JSON =
        single
        ? .array(orCI[0].map(JSON.numbers)) : .array(orCI.map { .array($0.map(JSON.numbers)) })
      members += [("odds_ratios", table(s.oddsRatios)), ("odds_ratio_ci", ciExp)]
    }
    if let e = s.marginalEffects {
      members.append(("margeff", marginalEffectsJSON(e)))
    }
    members += extra
    members += [
      ("llf", .number(s.llf)), ("llnull", .number(s.llnull)),
      ("llr_pvalue", .number(s.llrPValue)), ("prsquared", .number(s.prsquared)),
      ("aic", .number(s.aic)), ("bic", .number(s.bic)),
      ("deviance", .number(s.deviance)), ("null_deviance", .number(s.nullDeviance)),
      ("nobs", .integer(s.nobs)), ("n_dropped", .integer(dropped)),
      ("df_model", .integer(s.dfModel)),
      ("df_resid", .integer(s.dfResid)), ("converged", .bool(s.converged)),
      ("n_iter", .integer(s.iterations)),
      ("penalized_C", s.penalizedC.map(JSON.number) ?? .null),
      ("warnings", .strings(s.warnings)),
    ]
    return JSON.object(members).text + "\n"
  }

  /// The first column of a coefficient table: the longest name as printed
  /// (``printedWidth(_:)``), at least statsmodels' 10.
  static func stubWidth(_ names: [String]) -> Int {
    max(names.map(printedWidth).max() ?? 0, width - 68)
  }

  /// "Label:" on the left, value on the right, in `width` printed characters.
  static func pair(_ item: (String, String), _ width: Int) -> String {
    let gap = max(1, width - printedWidth(item.0) - printedWidth(item.1))
    return item.0 + String(repeating: " ", count: gap) + item.1
  }

  static func pad(_ s: String, _ width: Int, right: Bool) -> String {
    padded(s, to: width, right: right)
  }

  static func center(_ s: String, _ width: Int) -> String {
    let total = max(0, width - printedWidth(s))
    let left = total / 2
    return String(repeating: " ", count: left) + s
      + String(repeating: " ", count: total - left)
  }

  static func trimmed(_ s: String) -> String {
    String(s.drop { $0 == " " })
  }
}
