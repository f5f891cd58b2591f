import Foundation
import Testing

@testable import FitlogitCLI

@Suite struct SummaryCommandTests {
  /// statsmodels' `Logit(y, add_constant(x)).fit().summary()` for the
  /// article, line for line, with its Date and Time rows replaced by the
  /// solver and iteration count (so the output is reproducible), then AIC,
  /// BIC and the deviances.
  @Test func articleTable() {
    let r = cli("summary", dataFile("points.csv"))
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(r.out == """
                                 Logit Regression Results                           
      ==============================================================================
      Dep. Variable:                      y   No. Observations:                   10
      Model:                          Logit   Df Residuals:                        8
      Method:                           MLE   Df Model:                            1
      Solver:                        newton   Pseudo R-squ.:                  0.5004
      Iterations:                         7   Log-Likelihood:                -3.0516
      converged:                       True   LL-Null:                       -6.1086
      Covariance Type:            nonrobust   LLR p-value:                   0.01341
      ==============================================================================
                       coef    std err          z      P>|z|      [0.025      0.975]
      ------------------------------------------------------------------------------
      const          0.8028      1.063      0.755      0.450      -1.281       2.887
      x              1.6424      1.048      1.567      0.117      -0.412       3.697
      ==============================================================================
      AIC:                          10.1032   BIC:                           10.7084
      Deviance:                      6.1032   Null deviance:                 12.2173

      """)
  }

  @Test func articleJSON() throws {
    let r = cli("summary", dataFile("points.csv"), "--json")
    #expect(r.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    for key in [
      "names", "params", "bse", "z", "p", "ci", "llf", "llnull", "llr_pvalue", "prsquared",
      "aic", "bic", "deviance", "null_deviance", "nobs", "df_model", "df_resid", "converged",
      "n_iter",
    ] {
      #expect(json[key] != nil, "missing \(key)")
    }
    #expect(json["names"] as? [String] == ["const", "x"])
    let bse = json["bse"] as! [Double]
    #expect(abs(bse[0] - 1.06318907) < 1e-8 && abs(bse[1] - 1.04820166) < 1e-8)
    // statsmodels fits LL-Null iteratively (-6.108643020773968); the closed
    // form 7·log 0.7 + 3·log 0.3 = -6.108643020548936 used here moves the
    // LLR p-value by 3.4e-12.
    #expect(abs((json["llnull"] as! Double) - -6.108643020548936) < 1e-14)
    #expect(abs((json["llr_pvalue"] as! Double) - 0.013410766160559117) < 1e-11)
    #expect((json["ci"] as! [[Double]]).count == 2)
  }

  /// --alpha changes the interval and its header.
  @Test func alpha() {
    let r = cli("summary", dataFile("points.csv"), "--alpha", "0.1")
    #expect(r.out.contains("[0.05       0.95]"))
    #expect(r.out.contains("const          0.8028      1.063      0.755      0.450      -0.946       2.552"))
  }

  @Test func penalizedIsRefusedUnlessAllowed() {
    let refused = cli("summary", dataFile("points.csv"), "--C", "1")
    #expect(refused.status == 64)
    #expect(refused.err.hasPrefix("fitlogit: error: summary reports the textbook standard errors"))
    let allowed = cli("summary", dataFile("points.csv"), "--penalty", "l2", "--allow-penalized")
    #expect(allowed.status == 0)
    #expect(allowed.out.hasPrefix(
      "        Logit Regression Results (L2 penalty C=1: not textbook errors)"))
    // The penalized coefficient is scikit-learn's exact optimum (docs/REFERENCE.md).
    #expect(allowed.out.contains("x              0.9719"))
  }

  @Test func separationWarns() {
    let r = cli("summary", file("x,y\n1,0\n2,0\n3,1\n4,1\n"))
    #expect(r.status == 0)
    #expect(r.err.hasPrefix("fitlogit: warning: the classes are perfectly separated"))
  }

  @Test(arguments: [
    (["--alpha", "0"], 64, "'--alpha' must be in (0, 1), found '0'"),
    (["--alpha", "x"], 64, "'--alpha' expects a number in (0, 1), found 'x'"),
    (["--bogus"], 64, "unknown option '--bogus'"),
  ])
  func usageErrors(options: [String], status: Int32, message: String) {
    var out = ""
    var err = ""
    let s = FitlogitCLI.run(["summary", dataFile("points.csv")] + options, stdout: &out, stderr: &err)
    #expect(s == status)
    #expect(err == "fitlogit: error: \(message) (see 'fitlogit --help')\n")
  }

  @Test func singularDesignIsADataError() {
    let r = cli("summary", file("x,c,y\n1,2,0\n2,2,1\n3,2,0\n4,2,1\n"))
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: column \"c\" is constant, so it cannot be told apart "
      + "from the intercept (const); drop it\n")
  }
}
