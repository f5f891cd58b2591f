import FitlogitData
import FitlogitInference
import FitlogitJSON
import FitlogitSystem

/// `summary DATA.csv --compare-to COLS`: the model of the table against the
/// smaller model with only the feature columns COLS, fitted to the same
/// rows: the likelihood-ratio test (R's `anova(m0, m1, test = "Chisq")`,
/// statsmodels' `compare_lr_test`) and the Wald test that the left-out
/// coefficients are zero (statsmodels' `wald_test`).
///
/// One file and a column list, rather than two files: the two fits then
/// see the same rows by construction (with --dropna, the rows complete in
/// the big model's columns), and the nesting is a matter of names.
struct ModelComparison {
  /// The smaller model's feature columns (file columns, in file order).
  var columns: [String]
  /// The big model's parameters the Wald test sets to zero.
  var tested: [String]
  var smallLLF: Double
  var likelihoodRatio: NestedModelTest
  var wald: NestedModelTest?
  /// The smaller fit's own warnings (separation, convergence).
  var warnings: [String]

  /// - Parameters:
  ///   - list: COLS, comma-separated; empty for the intercept-only model.
  ///   - data: The big model's data, with the table's (patsy) names.
  ///   - big: The big model's summary.
  init(_ list: String, data: Dataset, big: LogitSummary) throws(CommandError) {
    let sources = data.encoding.sourceColumns
    let listed = sources.prefix(20).map { printable($0, limit: 60) }.joined(separator: ", ")
    var wanted: Set<String> = []
    let intercept = list.allSatisfy { $0 == " " }
    for raw in list.split(separator: ",", omittingEmptySubsequences: false) where !intercept {
      var trimmed = raw
      while trimmed.first == " " { trimmed.removeFirst() }
      while trimmed.last == " " { trimmed.removeLast() }
      let name = String(trimmed)
      guard sources.contains(name) else {
        throw .data(
          "no feature column named \(quoted(name)) for --compare-to; the model's "
            + "feature columns are \(listed)"
            + (sources.count > 20 ? ", ..." : "")
            + " (the smaller model keeps some of them)")
      }
      wanted.insert(name)
    }
    guard wanted.count < sources.count else {
      throw .usage(
        "--compare-to names every feature column of the model, so the two models are the "
          + "same; list only the columns the smaller model keeps")
    }
    columns = sources.filter { wanted.contains($0) }
    warnings = []
    if wanted.isEmpty {
      // The intercept-only model: ℓ is the table's LL-Null, with one
      // intercept per equation, and no fit to warn about.
      smallLLF = big.llnull
      likelihoodRatio = NestedModelTest.likelihoodRatio(
        smallLLF: big.llnull, smallParameters: big.equations.count, big: big)
    } else {
      let smallSummary: LogitSummary
      do {
        smallSummary = try LogitSummary(data: data.keepingColumns(from: wanted), alpha: big.alpha)
      } catch {
        throw .data("the smaller model (--compare-to): \(error.message)")
      }
      warnings = smallSummary.warnings.map { "the smaller model (--compare-to): \($0)" }
      smallLLF = smallSummary.llf
      likelihoodRatio = NestedModelTest.likelihoodRatio(small: smallSummary, big: big)
    }
    if big.covarianceType != .nonrobust {
      // statsmodels' compare_lr_test warns the same way.
      warnings.append(
        "the likelihood-ratio test assumes the model-based covariance; with --cov-type "
          + "\(big.covarianceType.rawValue) read the Wald test, which uses it")
    }
    let from = data.featureSources
    let columnCount = data.featureCount + 1
    var restricted: [Int] = []
    tested = []
    for e in 0..<big.equations.count {
      for j in 0..<data.featureCount where !wanted.contains(from[j]) {
        restricted.append(e * columnCount + 1 + j)
        let name = big.names[1 + j]
        let equation = "\(big.targetName)=\(big.equations[e])"
        tested.append(big.equations.count == 1 ? name : "\(equation):\(name)")
      }
    }
    wald = NestedModelTest.wald(big, restricted: restricted)
  }

  /// Two lines under the table.
  func text(target: String, bigColumns: [String]) -> String {
    func formula(_ c: [String]) -> String {
      target + " ~ " + (c.isEmpty ? "1" : c.joined(separator: " + "))
    }
    func result(_ t: NestedModelTest) -> String {
      "chi2 = \(printf("%.4f", t.statistic)), df = \(t.degreesOfFreedom), "
        + "p = \(printf("%.4g", t.pValue))"
    }
    var out = "Nested models: \(formula(columns)) within \(formula(bigColumns))\n"
    out += "Likelihood-ratio test: \(result(likelihoodRatio))\n"
    if let wald {
      out += "Wald test of \(tested.map { "\($0) = 0" }.joined(separator: ", ")): "
        + result(wald) + "\n"
    }
    return out
  }

  /// `"compare_to"` in `summary --json`, with statsmodels' names.
  var json: JSON {
    .object([
      ("columns", .strings(columns)), ("llf_small", .number(smallLLF)),
      ("lr_stat", .number(likelihoodRatio.statistic)),
      ("lr_df", .integer(likelihoodRatio.degreesOfFreedom)),
      ("lr_pvalue", .number(likelihoodRatio.pValue)),
      ("wald_params", .strings(tested)),
      ("wald_stat", wald.map { .number($0.statistic) } ?? .null),
      ("wald_df", wald.map { .integer($0.degreesOfFreedom) } ?? .null),
      ("wald_pvalue", wald.map { .number($0.pValue) } ?? .null),
    ])
  }
}
