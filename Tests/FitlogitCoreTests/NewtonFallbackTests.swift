import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// One scikit-learn newton-cholesky fit from
/// `scripts/make_penalty_golden.py --newton-cholesky`: a data file with a
/// column added (a copy of one column, or a sum of columns), n_iter and the
/// warnings scikit-learn gave.
struct GoldenNewtonCholeskyFit: GoldenCaseBacked, Sendable {
  let base: GoldenCase
  let added: [(name: String, sources: [(column: String, factor: Double)])]
  let iterations: Int
  let warnings: [String]

  static let all: [GoldenNewtonCholeskyFit] = GoldenCase.cases(
    in: "sklearn_newton_cholesky_fits.json"
  ).map { base, c in
    let added = (c["added"] as! [String: [String: Double]]).sorted { $0.key < $1.key }.map {
      (name: $0.key, sources: $0.value.sorted { $0.key < $1.key }.map { (column: $0.key, factor: $0.value) })
    }
    return GoldenNewtonCholeskyFit(
      base: base, added: added, iterations: c["n_iter"] as! Int,
      warnings: c["warnings"] as! [String])
  }

  var regression: LogisticRegression {
    var r = LogisticRegression()
    r.solver = .newton
    if options["penalty"] == "none" { r.penalty = .none }
    if options["penalty"] == "l2" { r.penalty = .l2 }
    if let C = options["C"] { r.C = C == "inf" ? .infinity : Double(C)! }
    if let ratio = options["l1_ratio"] { r.l1Ratio = Double(ratio)! }
    if options["fit_intercept"] == "false" || options["fit_intercept"] == "0" {
      r.fitIntercept = false
    }
    return r
  }

  /// The data file with the added column last, its values the sums the
  /// golden script computed (Swift's shortest text reads back exactly).
  func augmentedData() throws -> Dataset {
    let text = try String(contentsOfFile: dataPath(dataset), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    for (name, sources) in added {
      lines[0] += "," + name
      for i in 1..<lines.count {
        let fields = lines[i].split(separator: ",", omittingEmptySubsequences: false)
        var value = 0.0
        for (column, factor) in sources {
          value += factor * Double(String(fields[header.firstIndex(of: column)!]))!
        }
        lines[i] += ",\(value)"
      }
    }
    return try Dataset(
      csv: Array((lines.joined(separator: "\n") + "\n").utf8), file: dataset, target: target,
      sampleWeight: sampleWeight)
  }
}

@Suite struct NewtonFallbackTests {
  @Test func goldenFileCoversDuplicatesCollinearityAndEveryNoPenalty() {
    let all = GoldenNewtonCholeskyFit.all
    #expect(all.count == 12)
    #expect(all.filter { !$0.added.isEmpty && $0.options["C"] == "inf" }.count == 5)
    #expect(all.contains { $0.sampleWeight != nil })
    #expect(all.filter { $0.added.isEmpty && $0.classes.count == 3 }.count == 6)
  }

  /// Where scikit-learn falls back to lbfgs (a duplicated or collinear
  /// column, no penalty), fitlogit falls back at the same iteration with the
  /// same warning, and lbfgs then ends at scikit-learn's n_iter and
  /// coefficients: the same n_iter everywhere, and (relative to max(1, |c|))
  /// measured ≤ 4e-15 with two classes; 2.4e-10 on iris with a copied
  /// column, 34 iterations into a separable fit whose coefficients reach 22,
  /// where lbfgs's path through a singular problem carries the rounding of
  /// the objective's sums (BLAS in scikit-learn): hence 1e-8 there.
  ///
  /// The warning's last sentence is scipy's message for the matrix: with
  /// exact duplicates LAPACK's LDLᵀ (Bunch–Kaufman) can meet an exactly zero
  /// pivot ("A singular matrix detected") or a tiny one (an rcond below
  /// machine epsilon), and so can fitlogit's Cholesky, not always on the
  /// same cases: the same kind of message on the copies in synthetic,
  /// points (singular) and weighted (ill-conditioned; rcond 1.7e-16 here,
  /// 1.5e-35 in LAPACK), "singular" here where LAPACK gives an rcond on
  /// x1 + 2·x2 and on iris. The text up to that sentence is compared; the
  /// sentence must be one of scipy's two.
  @Test(arguments: GoldenNewtonCholeskyFit.all.filter { !$0.added.isEmpty })
  func fallsBackToLBFGSAsScikitLearnDoes(_ g: GoldenNewtonCholeskyFit) throws {
    let data = try g.augmentedData()
    let fit = g.regression.fit(data)
    #expect(fit.model.classes == g.classes)
    #expect(fit.optimization.iterations == g.iterations)
    let ours = fit.model.coef.values + fit.model.intercept
    let theirs = g.coef.flatMap { $0 } + g.intercept
    let worst = zip(ours, theirs).map { abs($0 - $1) / max(1, abs($1)) }.max()!
    #expect(worst <= (g.classes.count > 2 ? 1e-8 : 1e-12), "largest difference \(worst)")
    let marker = "The original Linear Algebra message was: "
    func lead(_ s: String) -> Substring { s[..<(s.range(of: marker)?.upperBound ?? s.endIndex)] }
    #expect(fit.optimization.warnings.map(lead) == g.warnings.map(lead))
    guard g.options["C"] == "inf" else { return }
    #expect(fit.optimization.warnings.count == 1)
    let tail = fit.optimization.warnings.first.map { $0[lead($0).endIndex...] } ?? ""
    if tail.hasPrefix("An ill-conditioned") {
      let rcond = Double(tail.split(separator: " ").last!.dropLast())!
      #expect(rcond < Double.ulpOfOne)
    } else {
      #expect(tail == "A singular matrix detected: slice(s) [0] are singular.")
    }
  }

  /// Three classes without a penalty, in every spelling scikit-learn 1.9
  /// accepts (C = ∞, penalty none, none with a C it ignores, l2 with C = ∞,
  /// C = ∞ with l1_ratio 1, and without intercepts): the same n_iter, and
  /// scikit-learn's centred coefficients (each feature's coefficients sum to
  /// 0 over the classes): measured 7.2e-13 relative; 1e-10 allowed, as the
  /// Cholesky solves round differently from LAPACK's LDLᵀ.
  @Test(arguments: GoldenNewtonCholeskyFit.all.filter { $0.added.isEmpty })
  func threeClassesWithoutPenaltyAreCentred(_ g: GoldenNewtonCholeskyFit) throws {
    let r = g.regression
    #expect(r.resolvedPenalty.isNone)
    let fit = r.fit(try g.data())
    #expect(fit.optimization.converged)
    #expect(fit.optimization.iterations == g.iterations)
    #expect(fit.optimization.warnings.isEmpty)
    let ours = fit.model.coef.values + fit.model.intercept
    let theirs = g.coef.flatMap { $0 } + g.intercept
    for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= 1e-10 * max(1, abs(b))) }
    for j in 0..<fit.model.coef.columns {
      #expect(abs((0..<3).reduce(0.0) { $0 + fit.model.coef[$1, j] }) < 1e-12)
    }
    #expect(abs(fit.model.intercept.reduce(0, +)) < 1e-12)
    // scikit-learn's UserWarning for penalty=None with a C, in fitlogit's words.
    #expect(
      r.penaltyWarnings
        == (g.warnings.isEmpty ? [] : ["--penalty none ignores --C and --l1-ratio"]))
  }
}
