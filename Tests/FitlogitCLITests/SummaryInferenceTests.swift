import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// `summary --odds-ratios`, `--cov-type`, `--firth` and separated data,
/// against statsmodels 0.15 and R (sandwich, brglm2): the numbers of
/// scripts/make_inference_golden.py.
@Suite struct SummaryInferenceTests {
  nonisolated(unsafe) static let golden = FitlogitTestSupport.golden("inference.json", of: "FitlogitInferenceTests")
  nonisolated(unsafe) static let cases = golden["cases"] as! [[String: Any]]
  static let r = golden["R"] as! [String: [String: [Double]]]

  /// The cases statsmodels could fit (all but the separated one).
  static var fitted: [[String: Any]] { cases.filter { $0["converged"] as! Bool } }

  static func summary(_ c: [String: Any], _ extra: [String]) -> [String: Any] {
    let features = (c["features"] as! [String]).joined(separator: ",")
    let out = run(
      ["summary", dataFile(c["dataset"] as! String), "--target", c["target"] as! String,
       "--features", features, "--json"] + extra)
    #expect(out.status == 0, "\(out.err)")
    return try! JSONSerialization.jsonObject(with: Data(out.out.utf8)) as! [String: Any]
  }

  /// |a − b| ≤ 1e-6·|b|, with a floor of 1e-9 of the largest reference
  /// entry for covariances whose entries cross 0.
  static func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
    #expect(a.count == b.count, "\(what): \(a.count) values, expected \(b.count)")
    let scale = b.reduce(0) { max($0, abs($1)) }
    for (x, y) in zip(a, b) {
      #expect(abs(x - y) <= 1e-6 * abs(y) + 1e-9 * scale, "\(what): \(x) vs \(y)")
    }
  }

  static func flat(_ any: Any?) -> [Double] {
    if let v = any as? [Double] { return v }
    return (any as! [Any]).flatMap { flat($0) }
  }

  @Test func oddsRatiosMatchStatsmodels() {
    for c in Self.fitted {
      let name = c["dataset"] as! String
      for alpha in [0.05, 0.1] {
        let j = Self.summary(c, ["--odds-ratios", "--alpha", "\(alpha)"])
        Self.expectClose(Self.flat(j["odds_ratios"]), Self.flat(c["odds_ratios"]), "\(name) OR")
        Self.expectClose(
          Self.flat(j["odds_ratio_ci"]), Self.flat(c["odds_ratio_ci_\(alpha)"]),
          "\(name) OR ci \(alpha)")
      }
    }
  }

  /// The printed odds-ratio block of spector: statsmodels' exp(params) and
  /// exp(conf_int()) at the table's digits.
  @Test func oddsRatioTable() {
    let r = cli("summary", dataFile("spector.csv"), "--odds-ratios")
    #expect(r.status == 0)
    #expect(r.out.contains("""
                 odds ratio      [0.025      0.975]
      ------------------------------------------------------------------------------
      const       2.213e-06     1.4e-10       0.035
      GPA           16.8797       1.420     200.624
      TUCE           1.0998       0.833       1.452
      PSI           10.7907       1.339      86.938
      ==============================================================================
      """))
  }

  /// HC0–HC3 against R's `sandwich::vcovHC` on the glm, the whole matrix.
  @Test func heteroskedasticityRobustMatchesSandwich() {
    for c in Self.fitted {
      let name = c["dataset"] as! String
      for type in ["HC0", "HC1", "HC2", "HC3"] {
        let j = Self.summary(c, ["--cov-type", type])
        #expect(j["cov_type"] as? String == type)
        Self.expectClose(Self.flat(j["cov_params"]), Self.r[name]!["vcovHC_\(type)"]!, "\(name) \(type)")
      }
      // HC0 is statsmodels' too, with its p-values and intervals.
      let j = Self.summary(c, ["--cov-type", "HC0"])
      Self.expectClose(Self.flat(j["bse"]), Self.flat(c["bse_HC0"]), "\(name) bse HC0")
      Self.expectClose(Self.flat(j["p"]), Self.flat(c["p_HC0"]), "\(name) p HC0")
      Self.expectClose(Self.flat(j["ci"]), Self.flat(c["ci_HC0"]), "\(name) ci HC0")
    }
  }

  /// Clusters: statsmodels' `cov_type="cluster"` and R's `vcovCL(type = "HC1")`.
  @Test func clusterMatchesStatsmodelsAndR() {
    for c in Self.fitted {
      guard let groups = c["groups"] as? String else { continue }
      let name = c["dataset"] as! String
      let j = Self.summary(c, ["--cov-type", "cluster", "--groups", groups])
      #expect(j["cov_type"] as? String == "cluster")
      Self.expectClose(Self.flat(j["cov_params"]), Self.flat(c["cov_cluster"]), "\(name) cluster")
      Self.expectClose(Self.flat(j["cov_params"]), Self.r[name]!["vcovCL_HC1"]!, "\(name) vcovCL")
      Self.expectClose(Self.flat(j["p"]), Self.flat(c["p_cluster"]), "\(name) p cluster")
    }
    let text = cli("summary", dataFile("infert.csv"), "--exclude", "stratum",
      "--cov-type", "cluster", "--groups", "stratum")
    #expect(text.out.contains("Covariance Type:              cluster"))
  }

  /// The default covariance is statsmodels' `cov_params()`.
  @Test func nonrobustCovParams() {
    for c in Self.fitted {
      let j = Self.summary(c, [])
      #expect(j["cov_type"] as? String == "nonrobust")
      Self.expectClose(
        Self.flat(j["cov_params"]), Self.flat(c["cov_nonrobust"]), "\(c["dataset"]!) cov")
    }
  }

  /// Separated data: statsmodels says converged False; so do we, and the
  /// warning names the fixes.
  @Test func separationIsNotConvergence() {
    let separated = Self.cases.first { $0["dataset"] as? String == "separated.csv" }!
    #expect(separated["converged"] as? Bool == false)
    let r = cli("summary", dataFile("separated.csv"))
    #expect(r.status == 0)
    #expect(r.out.contains("converged:                      False"))
    #expect(r.err == """
      fitlogit: warning: the classes are perfectly separated by the features, so the \
      maximum-likelihood estimate does not exist (converged: False) and these coefficients \
      and errors are meaningless; use --firth (Firth's bias-reduced fit) or a penalized \
      'fitlogit fit --C VALUE'

      """)
  }

  /// Firth's fit against brglm2 (`type = "AS_mean"`): estimates, errors and
  /// the log-likelihood at the estimate, finite on separated data.
  @Test func firthMatchesBrglm2() {
    for c in Self.cases {
      let name = c["dataset"] as! String
      let j = Self.summary(c, ["--firth"])
      #expect(j["method"] as? String == "firth")
      #expect(j["converged"] as? Bool == true, "\(name)")
      Self.expectClose(Self.flat(j["params"]), Self.r[name]!["firth_coef"]!, "\(name) firth")
      Self.expectClose(Self.flat(j["bse"]), Self.r[name]!["firth_bse"]!, "\(name) firth bse")
      Self.expectClose([j["llf"] as! Double], Self.r[name]!["firth_loglik"]!, "\(name) llf")
      #expect((j["warnings"] as! [String]).isEmpty, "\(name)")
    }
    let text = cli("summary", dataFile("separated.csv"), "--firth")
    #expect(text.err == "")
    #expect(text.out.contains("Method:                         Firth"))
  }

  @Test(arguments: [
    (["--cov-type", "cluster"], 64,
     "--cov-type cluster needs --groups COL (the column of cluster ids) (see 'fitlogit --help')"),
    (["--groups", "x2"], 64, "--groups is for --cov-type cluster (see 'fitlogit --help')"),
    (["--firth", "--cov-type", "HC0"], 64,
     "--firth reports its own (model-based) errors; drop --cov-type (see 'fitlogit --help')"),
    (["--firth", "--C", "1"], 64,
     "--firth is itself a penalized fit; drop --penalty and --C (see 'fitlogit --help')"),
    (["--cov-type", "HC4"], 64,
     "'--cov-type' must be one of nonrobust, HC0, HC1, HC2, HC3, cluster, found 'HC4' "
       + "(see 'fitlogit --help')"),
  ])
  func usageErrors(options: [String], status: Int32, message: String) {
    let r = run(["summary", dataFile("separated.csv")] + options)
    #expect(r.status == status)
    #expect(r.err == "fitlogit: error: \(message)\n")
    #expect(r.out == "")
  }

  /// Three classes: brglm2's brmultinom (SummaryClassesTests has the numbers).
  @Test func threeClassesFitFirth() {
    let r = cli("summary", dataFile("summary_three.csv"), "--firth")
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(r.out.contains("Method:                         Firth"))
  }
}

private func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run(arguments, stdout: &out, stderr: &err)
  return (status, out, err)
}

/// `summary --margeff`: statsmodels' `get_margeff(at=, method=)`.
@Suite struct MarginalEffectsCommandTests {
  /// Every dataset, at the rows' average and at the mean row, dy/dx and
  /// elasticities: effects, delta-method errors, p-values, intervals.
  @Test func matchStatsmodels() {
    for c in SummaryInferenceTests.fitted {
      let name = c["dataset"] as! String
      let golden = c["margeff"] as! [String: [String: Any]]
      for at in ["overall", "mean"] {
        for method in ["dydx", "eyex"] {
          let j = SummaryInferenceTests.summary(
            c, ["--margeff", at, "--margeff-method", method])
          let m = j["margeff"] as! [String: Any]
          let g = golden["\(at)_\(method)"]!
          #expect(m["names"] as? [String] == c["features"] as? [String])
          for (mine, theirs) in [("margeff", "margeff"), ("margeff_se", "se"), ("p", "p"), ("ci", "ci")] {
            SummaryInferenceTests.expectClose(
              SummaryInferenceTests.flat(m[mine]), SummaryInferenceTests.flat(g[theirs]),
              "\(name) \(at) \(method) \(mine)")
          }
        }
      }
    }
  }

  /// The printed table is statsmodels' `get_margeff(...).summary()`, line for line.
  @Test func tableIsStatsmodels() {
    let c = SummaryInferenceTests.fitted.first { $0["dataset"] as? String == "spector.csv" }!
    let golden = c["margeff"] as! [String: [String: Any]]
    for (at, method) in [("overall", "dydx"), ("mean", "eyex")] {
      var out = ""
      var err = ""
      let status = FitlogitCLI.run(
        ["summary", dataFile("spector.csv"), "--margeff", at, "--margeff-method", method],
        stdout: &out, stderr: &err)
      #expect(status == 0)
      let expected = golden["\(at)_\(method)"]!["summary"] as! String
      #expect(out.hasSuffix("\n" + expected + "\n"), "\(at) \(method)")
    }
  }

  @Test func errors() {
    var out = ""
    var err = ""
    var status = FitlogitCLI.run(
      ["summary", dataFile("spector.csv"), "--margeff-method", "eyex"], stdout: &out, stderr: &err)
    #expect(status == 64)
    #expect(err == "fitlogit: error: --margeff-method needs --margeff overall|mean "
      + "(see 'fitlogit --help')\n")
    err = ""
    // Three classes have dy/dx (SummaryClassesTests) but no elasticities.
    status = FitlogitCLI.run(
      ["summary", dataFile("summary_three.csv"), "--margeff", "mean", "--margeff-method", "eyex"],
      stdout: &out, stderr: &err)
    #expect(status == 1)
    #expect(err == "fitlogit: error: --margeff-method eyex needs two classes (the target has 3): "
      + "statsmodels' MNLogit fails to compute elasticities, so there is no reference to match; "
      + "use dydx\n")
  }
}
