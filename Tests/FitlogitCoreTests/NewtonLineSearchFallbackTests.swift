import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData
@testable import FitlogitOptimization

/// One scikit-learn newton-cholesky fit whose line search fails, from
/// `scripts/make_penalty_golden.py --newton-line-search`: the data as CSV
/// text, the warm start, and what scikit-learn returned and warned.
struct GoldenNewtonLineSearchFit: CustomTestStringConvertible, Sendable {
  let csv: String
  let C: Double
  let startSlope: Double
  let startIntercept: Double
  let coef: [Double]
  let intercept: [Double]
  let iterations: Int
  let warnings: [String]

  static let all: [GoldenNewtonLineSearchFit] = {
    let cases = golden("sklearn_newton_line_search_fits.json")["cases"] as! [[String: Any]]
    return cases.map { c in
      let options = c["options"] as! [String: Any]
      let start = c["start"] as! [String: Any]
      return GoldenNewtonLineSearchFit(
        csv: c["csv"] as! String,
        C: "\(options["C"]!)" == "inf" ? .infinity : Double("\(options["C"]!)")!,
        startSlope: (start["coef"] as! [[Double]])[0][0],
        startIntercept: (start["intercept"] as! [Double])[0],
        coef: (c["coef"] as! [[Double]])[0], intercept: c["intercept"] as! [Double],
        iterations: c["n_iter"] as! Int, warnings: c["warnings"] as! [String])
    }
  }()

  func fit() throws -> Fit {
    let data = try Dataset(csv: Array(csv.utf8), file: "line-search.csv", target: "y")
    var r = LogisticRegression()
    r.solver = .newton
    r.C = C
    r.warmStart = try LogisticModel(
      classes: ["0", "1"], featureNames: ["x"],
      coef: Matrix(rows: 1, columns: 1, values: [startSlope]), intercept: [startIntercept])
    return r.fit(data)
  }

  var testDescription: String { "start \(startSlope), C \(C)" }
}

@Suite struct NewtonLineSearchFallbackTests {
  @Test func goldenFileFailsAtFourDifferentNewtonIterations() {
    let all = GoldenNewtonLineSearchFit.all
    #expect(all.count == 4)
    let failedAt = all.map { g in
      g.warnings.first { $0.hasPrefix("Line search of Newton solver") }
        .flatMap { $0.split(separator: "#").last?.split(separator: " ").first }
        .map(String.init)
    }
    #expect(failedAt == ["1", "2", "3", "4"])
    #expect(all.contains { $0.C.isInfinite })
  }

  /// Where scikit-learn's backtracking finds no acceptable step in 21
  /// halvings, fitlogit gives up at the same Newton iteration with the same
  /// warning, hands the iterations left to lbfgs from the last point tried
  /// (the current point plus 2⁻²⁰ times the step: scikit-learn does not move
  /// back), and ends where scikit-learn ends: the same n_iter (Newton steps
  /// taken plus lbfgs's), and lbfgs's own line search failing after two
  /// iterations as scipy's does (status 2, "ABNORMAL"), so not converged.
  ///
  /// The failure itself does not hang on rounding: the extreme row's margin
  /// swings by thousands at every trial step. From the last iterate instead
  /// (fitlogit before), lbfgs converges elsewhere after 13 to 31 iterations.
  /// The coefficients agree to the last bit on all four cases; 1e-12
  /// relative is allowed because the objective's sums are added in another
  /// order than BLAS adds them and x = 1e10 turns a last-bit difference in
  /// the slope into 1e10 times that in the margins lbfgs's line search reads
  /// (a neighbouring case, start −1e-5 with C = 100, differs by 2.3e-14).
  @Test(arguments: GoldenNewtonLineSearchFit.all)
  func fallsBackToLBFGSFromTheLastTrialPoint(_ g: GoldenNewtonLineSearchFit) throws {
    let fit = try g.fit()
    #expect(fit.optimization.iterations == g.iterations)
    #expect(!fit.optimization.converged)
    #expect(fit.optimization.stopReason == .lineSearchFailed)
    #expect(g.warnings.last?.hasPrefix("lbfgs failed to converge after 2 iteration(s) (status=2): ABNORMAL") == true)
    let ours = fit.model.coef.values + fit.model.intercept
    let theirs = g.coef + g.intercept
    let worst = zip(ours, theirs).map { abs($0 - $1) / abs($1) }.max()!
    #expect(worst <= 1e-12, "largest relative difference \(worst)")
    // scikit-learn's first warning word for word; its second (lbfgs's) is
    // the stop reason above, which the command line words itself.
    #expect(fit.optimization.warnings == [g.warnings[0]])
  }
}
