import Foundation
import Testing

@testable import FitlogitCLI
import FitlogitTestSupport

/// Runs the CLI in-process, as a user would from the package root.
func cli(_ arguments: String...) -> (status: Int32, out: String, err: String) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run(arguments, stdout: &out, stderr: &err)
  return (status, out, err)
}

/// A file under data/ in the package, wherever the tests run from.
func dataFile(_ name: String) -> String { dataPath(name) }

/// A fresh temporary directory for one test, under one parent that each
/// test run empties first, so runs do not pile up directories in /tmp.
func temporaryDirectory() -> String {
  let path = testScratch + "/" + UUID().uuidString
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

private let testScratch: String = {
  let path = NSTemporaryDirectory() + "fitlogit-tests-\(getpid())"
  try? FileManager.default.removeItem(atPath: path)
  return path
}()

@Suite struct FitCommandTests {
  /// The article's output ("Show me the code") with scikit-learn's
  /// coefficients from docs/REFERENCE.md: the whole text, compared whole.
  @Test func articleTextReport() {
    let points = dataFile("points.csv")
    let r = cli(points)
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(r.out == """
      x = [-2.2 -1.4 -0.8 0.2 0.4 0.8 1.2 2.2 2.9 4.6]
      y = [0 0 1 0 1 1 1 1 1 1]
      p(y) = [0.19 0.33 0.47 0.7 0.74 0.81 0.86 0.94 0.97 0.99]
      Log Loss / Cross Entropy = 0.3329

      Logistic regression of y on x: 10 rows, classes 0 < 1; p(y) is P(y = 1)
                           coef
        x            0.97164054
        (intercept)  0.65550101
      lbfgs, L2 penalty C=1: converged after 5 iterations (norm of projected gradient <= tol)
      objective 0.38014426, log loss 0.33293999

      """)
    #expect(cli("fit", points).out == r.out)
  }

  @Test func articleJSONReport() throws {
    let r = cli(dataFile("points.csv"), "--json")
    #expect(r.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    for key in [
      "classes", "feature_names", "coef", "intercept", "n_iter", "converged",
      "log_loss", "objective", "solver", "penalty", "C", "fit_intercept", "tol",
      "max_iter", "n_samples", "n_features",
    ] {
      #expect(json[key] != nil, "missing \(key)")
    }
    #expect(json["classes"] as? [String] == ["0", "1"])
    #expect(json["feature_names"] as? [String] == ["x"])
    let coef = json["coef"] as! [[Double]]
    #expect(abs(coef[0][0] - 0.97164054) < 1e-8)
    #expect(abs((json["intercept"] as! [Double])[0] - 0.65550101) < 1e-8)
    #expect(json["n_iter"] as? Int == 5)
    #expect(json["converged"] as? Bool == true)
    #expect(abs((json["log_loss"] as! Double) - 0.332939988498614) < 1e-9)
    #expect(abs((json["objective"] as! Double) - 0.38014425512239836) < 1e-12)
    #expect(json["n_samples"] as? Int == 10)
  }

  /// docs/REFERENCE.md: the exact optimum (tol 1e-10) and the unpenalized MLE.
  @Test(arguments: [
    (["--tol", "1e-10"], 0.97193448, 0.65553595, 0.332911409782659, 1e-6),
    (["--penalty", "none"], 1.64161603, 0.80285441, 0.305159322, 1e-6),
    (["--solver", "gd", "--tol", "1e-10", "--max-iter", "100000"],
      0.97193448, 0.65553595, 0.332911409782659, 1e-6),
    // docs/REFERENCE.md: scikit-learn's newton-cholesky stops at log loss 0.33291799.
    (["--solver", "newton"], 0.97186681, 0.65545805, 0.33291799, 1e-8),
  ])
  func optimum(options: [String], coef: Double, intercept: Double, logLoss: Double, tolerance: Double) throws {
    var out = ""
    var err = ""
    let status = FitlogitCLI.run([dataFile("points.csv"), "--json"] + options, stdout: &out, stderr: &err)
    #expect(status == 0)
    #expect(err == "")
    let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
    #expect(abs((json["coef"] as! [[Double]])[0][0] - coef) < tolerance)
    #expect(abs((json["intercept"] as! [Double])[0] - intercept) < tolerance)
    #expect(abs((json["log_loss"] as! Double) - logLoss) < 1e-8)
    #expect(json["converged"] as? Bool == true)
  }

  @Test func maxIterIsAWarningNotAnError() {
    let r = cli(dataFile("points.csv"), "--max-iter", "2", "--json")
    #expect(r.status == 0)
    #expect(r.err == "fitlogit: warning: lbfgs failed to converge after 2 iteration(s) "
      + "(total number of iterations reached limit); scale the data with --standardize "
      + "(scikit-learn: \"You might also want to scale the data\"), or increase --max-iter "
      + "(now 2)\n")
    #expect(r.out.contains("\"converged\": false"))
  }

  /// Usage errors: one line, exit 64 (EX_USAGE).
  @Test(arguments: [
    (["--C", "-1"], "'--C' must be > 0, found '-1'"),
    (["--C", "abc"], "'--C' expects a number > 0, found 'abc'"),
    (["--C", "0"], "'--C' must be > 0, found '0'"),
    (["--C=nan"], "'--C' expects a number > 0, found 'nan'"),
    (["--max-iter", "-1"], "'--max-iter' must be >= 0, found '-1'"),
    (["--max-iter", "2.5"], "'--max-iter' expects an integer >= 0, found '2.5'"),
    (["--tol", "-1e-4"], "'--tol' must be > 0, found '-1e-4'"),
    (["--solver", "sag"], "'--solver' must be one of lbfgs, gd, newton, newton-cg, saga, liblinear, found 'sag'"),
    (["--penalty", "l3"], "'--penalty' must be one of l2, l1, elasticnet, none, found 'l3'"),
    (["--penalty", "l1"], "solver lbfgs supports only 'l2' or no penalty, got l1 penalty; use --solver saga"),
    (["--l1-ratio", "0.5", "--solver", "newton"],
     "solver newton supports only 'l2' or no penalty, got elasticnet penalty; use --solver saga"),
    (["--l1-ratio", "2"], "'--l1-ratio' must be in [0, 1], found '2'"),
    (["--frobnicate"], "unknown option '--frobnicate'"),
    (["--C"], "missing value for '--C'"),
    (["extra.csv"], "unexpected argument 'extra.csv'"),
  ])
  func usageErrors(options: [String], message: String) {
    var out = ""
    var err = ""
    let status = FitlogitCLI.run([dataFile("points.csv")] + options, stdout: &out, stderr: &err)
    #expect(status == 64)
    #expect(out == "")
    #expect(err == "fitlogit: error: \(message) (see 'fitlogit --help')\n")
  }

  @Test func noArguments() {
    let r = cli()
    #expect(r.status == 64)
    #expect(r.err == "fitlogit: error: missing DATA.csv: try 'fitlogit data/points.csv' "
      + "(see 'fitlogit --help')\n")
  }

  /// Data errors: one line naming the file (and line, field), exit 1.
  @Test func dataErrors() throws {
    let dir = temporaryDirectory()
    let bad = dir + "/bad.csv"
    try "x,y\n1,0\ninf,1\n".write(toFile: bad, atomically: true, encoding: .utf8)
    var r = cli(bad)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(bad):3:1: expected a finite number, found \"inf\"\n")

    r = cli(dir + "/missing.csv")
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(dir)/missing.csv: no such file or directory\n")

    r = cli(dir)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(dir): is a directory, not a CSV file\n")

    r = cli(dataFile("points.csv"), "--target", "label")
    #expect(r.status == 1)
    #expect(r.err.hasSuffix(
      "points.csv:1:1: no column named \"label\" for the target; the columns are \"x\", \"y\"\n"))
  }

  @Test func helpAndVersion() {
    #expect(cli("--version").out == "fitlogit \(FitlogitCLI.version)\n")
    #expect(cli("--help").status == 0)
    #expect(cli("--help").out.hasPrefix("fitlogit: logistic regression and cross-entropy"))
    #expect(cli("fit", "--help").out.hasPrefix("USAGE: fitlogit fit DATA.csv [options]"))
  }
}

@Suite struct VerboseTests {
  /// One line per iterate on stderr, from f(0) = log 2 to scikit-learn's
  /// objective at its solution, with the timings around them.
  @Test func progressLines() {
    let r = cli(dataFile("points.csv"), "--verbose", "--json")
    #expect(r.status == 0)
    let lines = r.err.split(separator: "\n").map(String.init)
    #expect(lines.count == 8)
    #expect(lines[0].hasPrefix("read \(dataFile("points.csv")): 10 rows × 1 features, 2 classes in "))
    #expect(lines[1].hasPrefix("iter 0  objective 0.693147180560  max|grad| "))
    #expect(lines[6].hasPrefix("iter 5  objective 0.380144255122  "))
    #expect(lines[7].hasPrefix("fit: ") && lines[7].hasSuffix(" ms"))
    // stdout stays pure JSON.
    #expect(r.out.hasPrefix("{\"classes\""))
  }
}
