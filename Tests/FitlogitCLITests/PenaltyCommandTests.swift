import Foundation
import Testing

@testable import FitlogitCLI
import FitlogitTestSupport

/// `--l1-ratio`, `--C inf`, `--penalty l1|elasticnet` and `--solver saga`
/// from the command line, against scikit-learn 1.9.1's saga
/// (tol=1e-12, max_iter=100000; scripts/make_penalty_golden.py).
@Suite struct PenaltyCommandTests {
  /// synthetic.csv, l1_ratio=1, C=0.1: x4 leaves the model.
  @Test func l1FitAsJSON() throws {
    let (status, err, json) = fitJSON(
      dataFile("synthetic.csv"), "--solver", "saga", "--l1-ratio", "1", "--C", "0.1",
      "--tol", "1e-10")
    #expect(status == 0 && err == "")
    let j = try #require(json)
    let coef = try #require(j["coef"] as? [[Double]])[0]
    let sklearn = [2.2738052423320645, 0.17645292639735638, 0.9716941394983514, 0.0]
    for (a, b) in zip(coef, sklearn) { #expect(abs(a - b) <= 1e-6) }
    #expect(coef[3] == 0)
    #expect(abs((j["intercept"] as! [Double])[0] - 0.2622182124516772) <= 1e-6)
    #expect(j["penalty"] as? String == "l1")
    #expect(j["l1_ratio"] as? Double == 1)
    #expect(j["n_nonzero"] as? Int == 3)
    #expect(j["solver"] as? String == "saga")
    #expect(j["stop_reason"] as? String == "norm of minimum-norm subgradient <= tol")
    #expect(
      j["objective_formula"] as? String == "sum(s_i * log_loss_i) / S + ||coef||_1 / (0.1 * S)")
    // ‖β‖₁/(C·n) at scikit-learn's coefficients: 3.42195/(0.1 · 300).
    #expect(abs((j["penalty_value"] as! Double) - 0.1140652) < 1e-6)
  }

  /// The elastic net on three classes: the status line spells it out.
  @Test func elasticNetThreeClassesText() {
    let r = cli(
      dataFile("iris.csv"), "--solver", "saga", "--l1-ratio", "0.5", "--C", "0.5",
      "--tol", "1e-10")
    #expect(r.status == 0 && r.err == "")
    // scikit-learn: sepal_width [0.42899252, 0, 0] (8 decimals).
    #expect(r.out.contains("\n  sepal_width    0.42899252   0.00000000    0.00000000\n"))
    #expect(
      r.out.contains(
        "saga, elastic-net penalty C=0.5, l1_ratio=0.5: converged after "))
  }

  /// scikit-learn's warnings about the older spelling, in fitlogit's words.
  @Test(arguments: [
    (["--penalty", "l1", "--solver", "saga"],
     "inconsistent values: --penalty l1 with --l1-ratio 0.0; --penalty is the older "
      + "spelling, use --l1-ratio (0 is L2, 1 is L1) alone"),
    (["--penalty", "none", "--C", "2"], "--penalty none ignores --C and --l1-ratio"),
    (["--C", "inf", "--l1-ratio", "0.5", "--solver", "saga"],
     "--l1-ratio is only used with an elastic-net penalty; it is ignored with none"),
  ])
  func penaltySpellingWarnings(options: [String], warning: String) {
    var out = ""
    var err = ""
    let status = FitlogitCLI.run([dataFile("points.csv")] + options, stdout: &out, stderr: &err)
    #expect(status == 0)
    #expect(err == "fitlogit: warning: \(warning)\n")
  }

  /// `--C inf` is no penalty: the maximum-likelihood fit, as `--penalty none`.
  @Test func infiniteCIsNoPenalty() {
    let a = cli(dataFile("points.csv"), "--C", "inf")
    let b = cli(dataFile("points.csv"), "--penalty", "none")
    #expect(a.status == 0 && a.out == b.out)
    #expect(a.out.contains("lbfgs, no penalty: converged"))
  }
}
