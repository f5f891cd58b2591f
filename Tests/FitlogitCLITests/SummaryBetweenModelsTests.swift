import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// `summary --ci profile`, `summary --compare-to`, `summary --save` with
/// `predict --interval`: against R (confint, anova) and statsmodels
/// (get_prediction, wald_test), the numbers of
/// scripts/make_inference_golden.py.
@Suite struct SummaryBetweenModelsTests {
  nonisolated(unsafe) static let golden = FitlogitTestSupport.golden(
    "inference.json", of: "FitlogitInferenceTests")
  static let r = golden["R"] as! [String: [String: [Double]]]
  nonisolated(unsafe) static let fitted = (golden["cases"] as! [[String: Any]]).filter {
    $0["converged"] as! Bool
  }
  nonisolated(unsafe) static let nested = golden["compare_more"] as! [[String: Any]]

  static func json(_ words: [String]) -> [String: Any] {
    let out = run(words + ["--json"])
    #expect(out.status == 0, "\(out.err)")
    return (try? JSONSerialization.jsonObject(with: Data(out.out.utf8))) as? [String: Any] ?? [:]
  }

  static func base(_ c: [String: Any]) -> [String] {
    ["summary", dataFile(c["dataset"] as! String), "--target", c["target"] as! String,
     "--features", (c["features"] as! [String]).joined(separator: ",")]
  }

  /// |a − b| ≤ tolerance·|b|.
  static func expectClose(_ a: Double?, _ b: Double, _ tolerance: Double, _ what: String) {
    guard let a else {
      Issue.record("\(what): missing")
      return
    }
    #expect(abs(a - b) <= tolerance * abs(b), "\(what): \(a) vs \(b)")
  }

  /// R's confint (MASS's profile) at two levels; 1e-6 relative, where the
  /// issue allows 1e-4 for iterated intervals: both sides refit to ~1e-14
  /// in the deviance and interpolate with the same spline, so we measured
  /// at most 1.6e-9.
  @Test func profileIntervalsMatchR() {
    for c in Self.fitted {
      let name = c["dataset"] as! String
      for alpha in [0.05, 0.1] {
        let j = Self.json(Self.base(c) + ["--ci", "profile", "--alpha", "\(alpha)"])
        let mine = (j["profile_ci"] as? [[Double]] ?? []).flatMap { $0 }
        let expected = Self.r[name]!["profile_ci_\(alpha)"]!
        #expect(mine.count == expected.count, "\(name)")
        for (k, (a, b)) in zip(mine, expected).enumerated() {
          Self.expectClose(a, b, 1e-6, "\(name) \(alpha) end \(k)")
        }
      }
    }
  }

  /// titanic with treatment coding and --dropna (R's complete cases): the
  /// profile intervals and the LR test of passengerClass (both of its
  /// indicators) against R, to 1e-6 and 1e-9 relative.
  @Test func categoricalWithMissingValuesMatchesR() {
    let j = Self.json(
      ["summary", dataFile("titanic.csv"), "--exclude", "rownames", "--target", "survived",
       "--dropna", "--ci", "profile", "--compare-to", "age,sex"])
    let r = Self.r["titanic.csv"]!
    let profile = (j["profile_ci"] as? [[Double]] ?? []).flatMap { $0 }
    #expect(profile.count == r["profile_ci_0.05"]!.count)
    for (k, (a, b)) in zip(profile, r["profile_ci_0.05"]!).enumerated() {
      Self.expectClose(a, b, 1e-6, "titanic end \(k)")
    }
    let t = j["compare_to"] as? [String: Any] ?? [:]
    let anova = r["anova_lr_age+sex"]!
    Self.expectClose(t["lr_stat"] as? Double, anova[0], 1e-9, "titanic LR")
    Self.expectClose(t["lr_pvalue"] as? Double, anova[2], 1e-9, "titanic LR p")
    #expect(t["wald_params"] as? [String] == ["passengerClass[T.2nd]", "passengerClass[T.3rd]"])
  }

  /// `--odds-ratios --ci profile`: R's exp(confint(m)), to 1e-6 relative.
  @Test func profileOddsRatiosMatchR() {
    let c = Self.fitted.first { $0["dataset"] as! String == "infert.csv" }!
    let j = Self.json(Self.base(c) + ["--ci", "profile", "--odds-ratios"])
    let mine = (j["odds_ratio_profile_ci"] as? [[Double]] ?? []).flatMap { $0 }
    let expected = Self.r["infert.csv"]!["profile_ci_0.05"]!.map { Foundation.exp($0) }
    #expect(mine.count == 10)
    for (k, (a, b)) in zip(mine, expected).enumerated() {
      Self.expectClose(a, b, 1e-6, "infert odds ratio end \(k)")
    }
  }

  /// Separated data: the deviance never rises to the cutoff, so every end
  /// is NA (null), each with a warning, and no NaN is printed.
  @Test func separatedProfileIsNA() {
    let r = cli("summary", dataFile("separated.csv"), "--ci", "profile")
    #expect(r.status == 0)
    #expect(r.out.contains("x1                  NA          NA"))
    #expect(!r.out.lowercased().contains("nan"))
    #expect(r.err.contains(
      "fitlogit: warning: the profile of x1 did not reach its upper end within 9 steps "
        + "(R's confint prints NA there too)\n"))
    let j = Self.json(["summary", dataFile("separated.csv"), "--ci", "profile"])
    #expect((j["profile_ci"] as? [[Any]])?.first?.first is NSNull)
    #expect((j["warnings"] as? [String])?.contains(
      "the profile of x1 did not reach its upper end within 9 steps "
        + "(R's confint prints NA there too)") == true)
  }

  @Test func profileTableSitsBesideWald() {
    let r = cli("summary", dataFile("spector.csv"), "--target", "GRADE", "--ci", "profile")
    #expect(r.status == 0 && r.err == "")
    #expect(r.out.hasSuffix("""
      Deviance:                     25.7793   Null deviance:                 41.1835
      ==================================================================
                      profile likelihood                            Wald
                      [0.025      0.975]              [0.025      0.975]
      ------------------------------------------------------------------
      const          -25.168      -4.902             -22.687      -3.356
      GPA              0.639       5.757               0.351       5.301
      TUCE            -0.170       0.405              -0.182       0.373
      PSI              0.479       4.810               0.292       4.465
      ==================================================================

      """))
  }

  /// LR against R's anova and statsmodels, Wald (model-based and HC0)
  /// against statsmodels' wald_test, to 1e-9 relative (closed forms at
  /// estimates both sides find to ~1e-12).
  @Test func compareToMatchesAnovaAndWaldTest() {
    for c in Self.nested {
      let name = c["dataset"] as! String
      let small = c["small"] as! [String]
      let words = ["summary", dataFile(name), "--target", c["target"] as! String,
                   "--features", (c["big"] as! [String]).joined(separator: ","),
                   "--compare-to", small.joined(separator: ",")]
      let j = Self.json(words)["compare_to"] as? [String: Any] ?? [:]
      let anova = Self.r[name]!["anova_lr_" + (small.isEmpty ? "1" : small.joined(separator: "+"))]!
      Self.expectClose(j["lr_stat"] as? Double, anova[0], 1e-9, "\(name) LR")
      Self.expectClose(j["lr_pvalue"] as? Double, anova[2], 1e-9, "\(name) LR p")
      Self.expectClose(j["lr_stat"] as? Double, c["lr_stat"] as! Double, 1e-9, "\(name) LR sm")
      #expect(j["lr_df"] as? Int == c["lr_df"] as? Int)
      Self.expectClose(j["wald_stat"] as? Double, c["wald_stat"] as! Double, 1e-9, "\(name) W")
      Self.expectClose(
        j["wald_pvalue"] as? Double, c["wald_pvalue"] as! Double, 1e-9, "\(name) W p")
      let robust = Self.json(words + ["--cov-type", "HC0"])["compare_to"] as? [String: Any] ?? [:]
      Self.expectClose(
        robust["wald_stat"] as? Double, c["wald_HC0_stat"] as! Double, 1e-9, "\(name) W HC0")
      Self.expectClose(
        robust["wald_pvalue"] as? Double, c["wald_HC0_pvalue"] as! Double, 1e-9, "\(name) W HC0 p")
    }
  }

  /// Three classes: statsmodels' MNLogit, the LR test and the Wald test of
  /// v = 0 in both equations, to 1e-9 relative.
  @Test func compareToThreeClasses() {
    let c = Self.golden["compare_mnlogit"] as! [String: Any]
    let j = Self.json(["summary", dataFile("summary_three.csv"), "--compare-to", "u"])
    let t = j["compare_to"] as? [String: Any] ?? [:]
    for key in ["lr_stat", "lr_pvalue", "wald_stat", "wald_pvalue"] {
      Self.expectClose(t[key] as? Double, c[key] as! Double, 1e-9, key)
    }
    #expect(t["wald_params"] as? [String] == ["level=low:v", "level=mid:v"])
    #expect(t["lr_df"] as? Int == 2 && t["wald_df"] as? Int == 2)
  }

  @Test func compareToText() {
    let r = cli("summary", dataFile("spector.csv"), "--target", "GRADE", "--compare-to", "GPA")
    #expect(r.status == 0 && r.err == "")
    #expect(r.out.hasSuffix("""
      Nested models: GRADE ~ GPA within GRADE ~ GPA + TUCE + PSI
      Likelihood-ratio test: chi2 = 6.6385, df = 2, p = 0.03618
      Wald test of TUCE = 0, PSI = 0: chi2 = 5.1982, df = 2, p = 0.07434

      """))
  }

  /// statsmodels' `get_prediction(X[:5]).summary_frame(alpha)`, through a
  /// model file written by `summary --save`, to 1e-9 relative.
  @Test func predictIntervalMatchesStatsmodels() throws {
    let dir = temporaryDirectory()
    for c in Self.fitted {
      let name = c["dataset"] as! String
      let model = dir + "/" + name + ".json"
      let saved = run(Self.base(c) + ["--save", model])
      #expect(saved.status == 0, "\(saved.err)")
      for alpha in [0.05, 0.1] {
        let r = run(["predict", model, dataFile(name), "--interval", "--alpha", "\(alpha)"])
        #expect(r.status == 0 && r.err == "", "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.first == "predicted,se,ci_lower,ci_upper")
        let frame = c["prediction_\(alpha)"] as! [[Double]]
        for (i, expected) in frame.enumerated() {
          let mine = lines[i + 1].split(separator: ",").map { Double($0)! }
          for (a, b) in zip(mine, expected) { Self.expectClose(a, b, 1e-9, "\(name) row \(i)") }
        }
      }
    }
  }

  static let refusalCases: [([String], Int32, String)] = [
    (["--ci", "profile", "--firth"], 64,
     "--ci profile profiles the likelihood of the maximum-likelihood fit; drop --firth"),
    (["--ci", "profile", "--cov-type", "HC1"], 64,
     "--ci profile intervals come from the likelihood, which no --cov-type changes; "
       + "drop --cov-type"),
    (["--ci", "profile", "--C", "1", "--allow-penalized"], 64,
     "--ci profile profiles the unpenalized likelihood; drop --penalty and --C"),
    (["--ci", "exact"], 64, "'--ci' must be one of wald, profile, found 'exact'"),
    (["--compare-to", "GPA", "--firth"], 64,
     "--compare-to compares maximum-likelihood fits; drop --firth"),
    (["--compare-to", "GPA", "--C", "1", "--allow-penalized"], 64,
     "--compare-to compares unpenalized fits; drop --penalty and --C"),
    (["--compare-to", "GPA,PSI,TUCE"], 64,
     "--compare-to names every feature column of the model, so the two models are the "
       + "same; list only the columns the smaller model keeps"),
    (["--compare-to", "GPA,GRADE"], 1,
     "no feature column named \"GRADE\" for --compare-to; the model's feature columns are "
       + "GPA, TUCE, PSI (the smaller model keeps some of them)"),
    (["--save", "x.json", "--C", "1", "--allow-penalized"], 64,
     "summary --save stores the textbook covariance, which a penalized fit does not have; "
       + "use 'fitlogit fit --save' for a penalized model"),
  ]

  @Test func predictIntervalJSON() throws {
    let dir = temporaryDirectory()
    let data = dataFile("spector.csv")
    #expect(cli("summary", data, "--target", "GRADE", "--save", dir + "/m.json").status == 0)
    let r = cli("predict", dir + "/m.json", data, "--interval", "--alpha", "0.1", "--json")
    #expect(r.status == 0 && r.err == "")
    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(j["alpha"] as? Double == 0.1 && j["class"] as? String == "1")
    let frame = Self.fitted[0]["prediction_0.1"] as! [[Double]]
    for (k, key) in ["predicted", "se", "ci_lower", "ci_upper"].enumerated() {
      let column = j[key] as? [Double] ?? []
      #expect(column.count == 32, "\(key)")
      Self.expectClose(column.first, frame[0][k], 1e-9, key)
    }
  }

  /// A model saved with `--cov-type cluster`: statsmodels'
  /// `get_prediction` of the cluster-robust fit, to 1e-9 relative.
  @Test func predictIntervalWithClusterCovariance() {
    let dir = temporaryDirectory()
    for c in Self.fitted {
      guard let groups = c["groups"] as? String else { continue }
      let name = c["dataset"] as! String
      let model = dir + "/" + name + ".json"
      let saved = run(
        Self.base(c) + ["--cov-type", "cluster", "--groups", groups, "--save", model])
      #expect(saved.status == 0, "\(saved.err)")
      let r = run(["predict", model, dataFile(name), "--interval"])
      let lines = r.out.split(separator: "\n")
      let frame = c["prediction_cluster_0.05"] as! [[Double]]
      #expect(lines.count > frame.count)
      for (i, expected) in frame.enumerated() where i + 1 < lines.count {
        let mine = lines[i + 1].split(separator: ",").map { Double($0)! }
        for (a, b) in zip(mine, expected) { Self.expectClose(a, b, 1e-9, "\(name) row \(i)") }
      }
    }
  }

  @Test(arguments: Self.refusalCases)
  func refusals(options: [String], status: Int32, message: String) {
    let r = run(["summary", dataFile("spector.csv"), "--target", "GRADE"] + options)
    let hint: String = status == 64 ? " (see 'fitlogit --help')" : ""
    #expect(r.status == status)
    #expect(r.err == "fitlogit: error: " + message + hint + "\n")
    #expect(r.out == "")
  }

  @Test func threeClassesAreRefused() throws {
    let r = cli("summary", dataFile("summary_three.csv"), "--ci", "profile")
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: --ci profile is implemented for two classes; the target has 3\n")
    let dir = temporaryDirectory()
    #expect(cli("summary", dataFile("summary_three.csv"), "--save", dir + "/m.json").status == 0)
    let p = cli("predict", dir + "/m.json", dataFile("summary_three.csv"), "--interval")
    #expect(p.status == 1)
    #expect(p.err == "fitlogit: error: \(dir)/m.json: --interval is implemented for two classes; "
      + "the model has 3\n")
    #expect(p.out == "")
  }

  @Test func predictIntervalRefusals() throws {
    let dir = temporaryDirectory()
    let data = dataFile("spector.csv")
    #expect(cli("fit", data, "--target", "GRADE", "--save", dir + "/fit.json").status == 0)
    let noCov = cli("predict", dir + "/fit.json", data, "--interval")
    #expect(noCov.status == 1)
    #expect(noCov.err == "fitlogit: error: \(dir)/fit.json: has no \"cov_params\", which "
      + "--interval needs; write the model with 'fitlogit summary DATA.csv --save MODEL.json' "
      + "('fit --save' stores no covariance)\n")
    #expect(cli("summary", data, "--target", "GRADE", "--save", dir + "/s.json").status == 0)
    let text = try String(contentsOfFile: dir + "/s.json", encoding: .utf8)
    try text.replacing("\"cov_params\": [[", with: "\"cov_params\": [[\"x\", ")
      .write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
    let bad = cli("predict", dir + "/bad.json", data, "--interval")
    #expect(bad.status == 1)
    #expect(bad.err == "fitlogit: error: \(dir)/bad.json: not a fitlogit model file: "
      + "\"cov_params\" must be a 4×4 matrix of finite numbers\n")
    for (words, message) in [
      (["--alpha", "0.1"], "--alpha sets the level of --interval; add --interval"),
      (["--interval", "--threshold", "0.3"],
       "--interval prints probabilities with their intervals; --threshold picks labels: use one"),
      (["--interval", "--alpha", "1"], "'--alpha' must be in (0, 1), found '1'"),
    ] {
      let r = run(["predict", dir + "/s.json", data] + words)
      #expect(r.status == 64)
      #expect(r.err == "fitlogit: error: \(message) (see 'fitlogit --help')\n")
      #expect(r.out == "")
    }
  }
}

private func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run(arguments, stdout: &out, stderr: &err)
  return (status, out, err)
}
