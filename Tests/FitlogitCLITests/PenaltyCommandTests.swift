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

/// liblinear, --max-iter 0, --class-weight by name and --warm-start from
/// the command line (their numbers: FitlogitCoreTests/SolverOptionTests).
@Suite struct SolverOptionCommandTests {
  @Test func maxIterZeroWarns() {
    let r = cli(dataFile("points.csv"), "--max-iter", "0")
    #expect(r.status == 0)
    #expect(
      r.err == "fitlogit: warning: lbfgs failed to converge after 0 iteration(s) (total "
        + "number of iterations reached limit); scale the data with --standardize "
        + "(scikit-learn: \"You might also want to scale the data\"), or increase --max-iter "
        + "(now 0)\n")
    // scikit-learn: coef_ 0.96491514, intercept_ 0.26256194 (scipy's one step).
    #expect(r.out.contains("  x            0.96491514\n  (intercept)  0.26256194\n"))
  }

  @Test func liblinearText() {
    let r = cli(dataFile("points.csv"), "--solver", "liblinear", "--intercept-scaling", "1")
    #expect(r.status == 0 && r.err == "")
    #expect(r.out.contains("Log Loss / Cross Entropy = 0.3390\n"))  // 0.33896
    #expect(r.out.contains("liblinear, L2 penalty C=1: converged after "))
  }

  static let refused: [([String], Int32, String)] = [
    (["iris.csv", "--solver", "liblinear"], 1,
     "the liblinear solver does not support multiclass classification (3 classes); use "
      + "another solver"),
    (["points.csv", "--solver", "liblinear", "--C", "inf"], 64,
     "--C inf (no penalty) is not supported by the liblinear solver (see 'fitlogit --help')"),
    (["points.csv", "--solver", "liblinear", "--l1-ratio", "0.5"], 64,
     "only the saga solver supports the elastic-net penalty, got solver liblinear "
      + "(see 'fitlogit --help')"),
    (["points.csv", "--class-weight", "1"], 64,
     "'--class-weight' expects balanced or NAME:WEIGHT pairs such as a:1,b:2 (weights "
      + "finite and >= 0), found '1' (see 'fitlogit --help')"),
    (["points.csv", "--class-weight", "0:1,1:-2"], 64,
     "'--class-weight' expects balanced or NAME:WEIGHT pairs such as a:1,b:2 (weights "
      + "finite and >= 0), found '1:-2' (see 'fitlogit --help')"),
    (["points.csv", "--class-weight", "0:1,2:3"], 1,
     "--class-weight names '2', which is not a class of the target \"y\" (classes: 0, 1)"),
  ]

  @Test(arguments: refused)
  func refusals(arguments: [String], status: Int32, message: String) {
    var out = ""
    var err = ""
    let code = FitlogitCLI.run(
      [dataFile(arguments[0])] + arguments.dropFirst(), stdout: &out, stderr: &err)
    #expect(code == status)
    #expect(out == "")
    #expect(err == "fitlogit: error: \(message)\n")
  }

  /// scikit-learn: class_weight={0: 3} on the ten points gives coef_
  /// 1.14968607 (scripts/make_penalty_golden.py); "0.0:3" names class 0 too.
  @Test func classWeightByName() throws {
    for spelling in ["0:3", "0.0:3"] {
      let (status, err, json) = fitJSON(dataFile("points.csv"), "--class-weight", spelling)
      #expect(status == 0 && err == "")
      let coef = try #require(json?["coef"] as? [[Double]])[0][0]
      #expect(abs(coef - 1.14968607) < 1e-6)
      #expect((json?["class_weight"] as? [String: Double]) == [spelling.components(separatedBy: ":")[0]: 3])
    }
  }

  /// A model saved at C=0.1 starts the C=10 fit: scikit-learn's warm_start
  /// takes 4 iterations there.
  @Test func warmStartFromASavedModel() throws {
    let dir = temporaryDirectory()
    let saved = dir + "/c01.json"
    #expect(cli(dataFile("points.csv"), "--C", "0.1", "--save", saved).status == 0)
    let (status, err, json) = fitJSON(
      dataFile("points.csv"), "--C", "10", "--warm-start", saved)
    #expect(status == 0 && err == "")
    #expect(json?["n_iter"] as? Int == 4)
    let wrong = cli(dataFile("iris.csv"), "--warm-start", saved)
    #expect(wrong.status == 1)
    #expect(
      wrong.err == "fitlogit: error: \(saved): the warm-start model's classes (0, 1) are "
        + "not the data's (setosa, versicolor, virginica)\n")
    let missing = cli(dataFile("points.csv"), "--warm-start", dir + "/none.json")
    #expect(missing.status == 1)
    #expect(missing.err.hasPrefix("fitlogit: error: \(dir)/none.json: no such file"))
  }
}

/// `fitlogit path`: the table, the JSON and the figure.
@Suite struct PathCommandTests {
  /// scikit-learn's warm-started lbfgs over np.logspace(-4, 4, 5) on the
  /// ten points: n_iter 5, 7, 5, 5, 2; coef_ at C=1 is 0.97193...
  @Test func textTable() {
    let r = cli("path", dataFile("points.csv"), "--Cs", "5")
    #expect(r.status == 0 && r.err == "")
    #expect(r.out.hasPrefix(
      "Regularization path: L2 penalty, 5 values of C, lbfgs, each fit started from the "
        + "previous one\n  C       n_iter  nonzero         x\n  0.0001       5        1  0.000577\n"))
    #expect(r.out.contains("\n  1            5        1  0.971932\n"))
  }

  @Test func jsonAndPlot() throws {
    let dir = temporaryDirectory() + "/paths"
    let r = cli(
      "path", dataFile("synthetic.csv"), "--Cs", "4", "--l1-ratio", "1", "--json", "--plot", dir)
    #expect(r.status == 0 && r.err == "")
    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect((j["Cs"] as? [Double])?.count == 4)
    #expect((j["n_nonzero"] as? [Int])?.first == 0)
    #expect((j["coefs"] as? [[[Double]]])?.count == 4)
    let svg = try String(contentsOfFile: dir + "/coefficient-paths.svg", encoding: .utf8)
    #expect(svg.contains("Coefficient paths, L1 penalty"))
  }

  @Test func refusals() {
    let r = cli("path", dataFile("points.csv"), "--Cs", "0")
    #expect(r.status == 64)
    #expect(
      r.err == "fitlogit: error: '--Cs' must be between 1 and 1000, found '0' "
        + "(see 'fitlogit --help')\n")
  }
}

/// newton-cholesky's fallback from the command line: the ten points with
/// x copied, no penalty. scikit-learn 1.9.1 warns at iteration 1, finishes
/// with lbfgs after n_iter_ = 5 at coef 0.82082703 (twice), intercept
/// 0.80214322 (scripts/make_penalty_golden.py --newton-cholesky).
@Suite struct NewtonFallbackCommandTests {
  @Test func duplicatedColumnWarnsAndFallsBack() throws {
    let path = file(
      "x_copy,x,y\n-2.2,-2.2,0\n-1.4,-1.4,0\n-0.8,-0.8,1\n0.2,0.2,0\n0.4,0.4,1\n"
        + "0.8,0.8,1\n1.2,1.2,1\n2.2,2.2,1\n2.9,2.9,1\n4.6,4.6,1\n",
      name: "points-copy.csv")
    let (status, err, json) = fitJSON(path, "--solver", "newton", "--C", "inf")
    #expect(status == 0)
    #expect(
      err
        == "fitlogit: warning: The inner solver of NewtonCholeskySolver stumbled upon a "
        + "singular or very ill-conditioned Hessian matrix at iteration 1. It will now resort "
        + "to lbfgs instead. Further options are to use another solver or to avoid such "
        + "situation in the first place. Possible remedies are removing collinear features of "
        + "X or increasing the penalization strengths. The original Linear Algebra message "
        + "was: A singular matrix detected: slice(s) [0] are singular.\n")
    let j = try #require(json)
    #expect(j["n_iter"] as? Int == 5)
    let coef = try #require(j["coef"] as? [[Double]])[0]
    for c in coef { #expect(abs(c - 0.82082703) < 1e-8) }
    #expect(abs((j["intercept"] as! [Double])[0] - 0.80214322) < 1e-8)
    #expect((j["warnings"] as? [String])?.count == 1)
  }
}
