import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// `summary` and `margeff` beyond two classes, on real frames with
/// categories and missing values, and with clusters given as labels:
/// statsmodels 0.15 and R (glm, sandwich) through
/// scripts/make_inference_k_golden.py.
@Suite struct SummaryClassesTests {
  nonisolated(unsafe) static let golden = FitlogitTestSupport.golden(
    "inference_k.json", of: "FitlogitInferenceTests")
  nonisolated(unsafe) static let multinomial = golden["multinomial"] as! [[String: Any]]
  nonisolated(unsafe) static let titanic = golden["titanic"] as! [String: Any]
  nonisolated(unsafe) static let titanicR = golden["titanic_R"] as! [String: Any]
  static var fitted: [[String: Any]] { multinomial.filter { $0["converged"] as! Bool } }

  static func json(_ c: [String: Any], _ extra: [String]) -> [String: Any] {
    let features = (c["features"] as! [String]).joined(separator: ",")
    let r = cli(
      ["summary", dataFile(c["dataset"] as! String), "--target", c["target"] as! String,
       "--features", features, "--dropna", "--json"] + extra)
    #expect(r.status == 0, "\(r.err)")
    return try! JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
  }

  static let close = SummaryInferenceTests.expectClose
  static let flat = SummaryInferenceTests.flat

  /// Iris is separated (setosa from the rest): statsmodels' MNLogit runs
  /// its 35 Newton steps and says converged False; so do we, with its
  /// coefficients after those steps and its log-likelihood.
  @Test func separatedIrisIsNotConverged() {
    let c = Self.multinomial.first { $0["dataset"] as? String == "iris.csv" }!
    #expect(c["converged"] as? Bool == false)
    let j = Self.json(c, [])
    #expect(j["converged"] as? Bool == false)
    #expect(j["n_iter"] as? Int == c["iterations"] as? Int)
    Self.close(Self.flat(j["params"]), Self.flat(c["params"]), "iris params")
    Self.close([j["llf"] as! Double], [c["llf"] as! Double], "iris llf")
    let text = cli("summary", dataFile("iris.csv"))
    #expect(text.out.contains("converged:                      False"))
    #expect(text.err == """
      fitlogit: warning: Newton's method did not converge in 35 iterations: the coefficients \
      keep growing, as they do when some classes are separated by the features, so the \
      maximum-likelihood estimate does not exist (converged: False) and these coefficients \
      and errors are meaningless; use --firth (Firth's bias-reduced fit) or a penalized \
      'fitlogit fit --C VALUE'
      fitlogit: warning: 149 fitted probabilities are numerically 0 or 1 (quasi-separation \
      or badly scaled features)

      """)
  }

  /// anes96 (PID, 7 classes), three classes, penguins: statsmodels'
  /// MNLogit estimates, errors, whole covariance, and its iteration count.
  @Test func multinomialMatchesStatsmodels() {
    for c in Self.fitted {
      let name = c["dataset"] as! String
      let j = Self.json(c, [])
      #expect(j["converged"] as? Bool == true, "\(name)")
      #expect(j["n_iter"] as? Int == c["iterations"] as? Int, "\(name)")
      #expect(j["nobs"] as? Int == c["nobs"] as? Int, "\(name)")
      Self.close(Self.flat(j["params"]), Self.flat(c["params"]), "\(name) params")
      Self.close(Self.flat(j["bse"]), Self.flat(c["bse"]), "\(name) bse")
      Self.close(Self.flat(j["cov_params"]), Self.flat(c["cov_nonrobust"]), "\(name) cov")
    }
  }

  /// cov_type HC0 and cluster (anes96 by TVnews, numbers; penguins by
  /// island, text), the whole matrix and the p-values.
  @Test func multinomialRobustMatchesStatsmodels() {
    for c in Self.fitted {
      let name = c["dataset"] as! String
      let j = Self.json(c, ["--cov-type", "HC0"])
      #expect(j["cov_type"] as? String == "HC0")
      Self.close(Self.flat(j["cov_params"]), Self.flat(c["cov_HC0"]), "\(name) HC0")
      Self.close(Self.flat(j["p"]), Self.flat(c["p_HC0"]), "\(name) p HC0")
      guard let groups = c["groups"] as? String else { continue }
      let k = Self.json(c, ["--cov-type", "cluster", "--groups", groups])
      Self.close(Self.flat(k["cov_params"]), Self.flat(c["cov_cluster"]), "\(name) cluster")
      Self.close(Self.flat(k["p"]), Self.flat(c["p_cluster"]), "\(name) p cluster")
    }
  }

  /// MNLogit get_margeff(at=overall|mean): one block per class.
  @Test func multinomialMarginalEffects() {
    for c in Self.fitted {
      let name = c["dataset"] as! String
      let golden = c["margeff"] as! [String: [String: Any]]
      for at in ["overall", "mean"] {
        let m = Self.json(c, ["--margeff", at])["margeff"] as! [String: Any]
        let g = golden[at]!
        #expect(m["names"] as? [String] == c["features"] as? [String])
        for (mine, theirs) in [("margeff", "margeff"), ("margeff_se", "se"), ("p", "p"), ("ci", "ci")] {
          Self.close(Self.flat(m[mine]), Self.flat(g[theirs]), "\(name) \(at) \(mine)")
        }
      }
    }
    // The printed table is statsmodels' summary() line for line.
    let anes = Self.fitted.first { $0["dataset"] as? String == "anes96.csv" }!
    let expected = (anes["margeff"] as! [String: [String: Any]])["mean"]!["summary"] as! String
    let r = cli(
      "margeff", dataFile("anes96.csv"), "--target", "PID", "--features",
      "logpopul,selfLR,age,educ,income", "--at", "mean")
    #expect(r.status == 0)
    #expect(r.out == expected + "\n")
  }

  /// Firth for K classes against brglm2's brmultinom(type = "AS_mean"):
  /// estimates, errors and log-likelihood, finite on separated iris with
  /// no separation warning.
  @Test func firthMatchesBrmultinom() {
    let reference = Self.golden["brmultinom"] as! [String: [String: [Double]]]
    for c in Self.multinomial {
      let name = c["dataset"] as! String
      guard let r = reference[name] else { continue }
      let j = Self.json(c, ["--firth"])
      #expect(j["method"] as? String == "firth")
      #expect(j["converged"] as? Bool == true, "\(name)")
      #expect((j["warnings"] as! [String]).isEmpty, "\(name)")
      Self.close(Self.flat(j["params"]), r["coef"]!, "\(name) firth")
      Self.close(Self.flat(j["bse"]), r["bse"]!, "\(name) firth bse")
      Self.close([j["llf"] as! Double], r["loglik"]!, "\(name) firth llf")
    }
    #expect(reference.count == 3)
  }

  @Test(arguments: [
    (["--cov-type", "HC1"],
     "--cov-type HC1 needs two classes (the target has 3): its correction is R sandwich's "
       + "for a glm, and no reference defines it for a multinomial logit (statsmodels' MNLogit "
       + "returns HC0's numbers); use HC0 or cluster"),
    (["--margeff", "mean", "--margeff-method", "eyex"],
     "--margeff-method eyex needs two classes (the target has 3): statsmodels' MNLogit "
       + "fails to compute elasticities, so there is no reference to match; use dydx"),
    (["--margeff", "mean", "--margeff-dummy"],
     "discrete changes (--dummy, --count) need two classes (the target has 3): statsmodels' "
       + "MNLogit fails to compute their errors, so there is no reference to match"),
  ])
  func multinomialRefusals(options: [String], message: String) {
    let r = cli(["summary", dataFile("summary_three.csv")] + options)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(message)\n")
    #expect(r.out == "")
  }
}

/// The table a course shows: `summary titanic.csv --dropna --odds-ratios`,
/// survived against sex, age and class (treatment coding, patsy's names),
/// the 263 rows without an age dropped.
@Suite struct TitanicSummaryTests {
  nonisolated(unsafe) static let t = SummaryClassesTests.titanic
  nonisolated(unsafe) static let r = SummaryClassesTests.titanicR
  static let close = SummaryInferenceTests.expectClose
  static let flat = SummaryInferenceTests.flat

  static func json(_ extra: [String]) -> [String: Any] {
    let r = cli(
      ["summary", dataFile("titanic.csv"), "--target", "survived", "--exclude", "rownames",
       "--dropna", "--json"] + extra)
    #expect(r.status == 0, "\(r.err)")
    return try! JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
  }

  /// Our order (numbers, then categories) → statsmodels' (patsy's) order.
  static func reorder(_ mine: [Double], names: [String], to theirs: [String]) -> [Double] {
    theirs.map { mine[names.firstIndex(of: $0)!] }
  }

  static func reorderMatrix(_ mine: [Double], names: [String], to theirs: [String]) -> [Double] {
    let m = names.count
    let index = theirs.map { names.firstIndex(of: $0)! }
    return index.flatMap { a in index.map { b in mine[a * m + b] } }
  }

  /// R's names (`sexmale`) for patsy's (`sex[T.male]`).
  static let rNames = ["const", "sex[T.male]", "age", "passengerClass[T.2nd]", "passengerClass[T.3rd]"]

  @Test func oddsRatiosMatchStatsmodelsAndR() {
    let j = Self.json(["--odds-ratios"])
    let names = j["names"] as! [String]
    let theirs = Self.t["names"] as! [String]
    #expect(Set(names) == Set(theirs))
    #expect(j["nobs"] as? Int == Self.t["nobs"] as? Int)
    for (key, golden) in [("params", "params"), ("bse", "bse"), ("odds_ratios", "odds_ratios")] {
      Self.close(
        Self.reorder(Self.flat(j[key]), names: names, to: theirs), Self.flat(Self.t[golden]), key)
    }
    let ci = j["odds_ratio_ci"] as! [[Double]]
    let ordered = theirs.map { ci[names.firstIndex(of: $0)!] }
    Self.close(Array(ordered.joined()), Self.flat(Self.t["odds_ratio_ci"]), "OR ci")
    Self.close(
      Self.reorderMatrix(Self.flat(j["cov_params"]), names: names, to: theirs),
      Self.flat(Self.t["cov_nonrobust"]), "cov")
    // R: coef and exp(confint.default) (lower column, then upper).
    #expect(Self.r["coef_names"] as? [String] == [
      "(Intercept)", "sexmale", "age", "passengerClass2nd", "passengerClass3rd",
    ])
    Self.close(
      Self.reorder(Self.flat(j["params"]), names: names, to: Self.rNames),
      Self.r["coef"] as! [Double], "R coef")
    let rci = Self.rNames.map { ci[names.firstIndex(of: $0)!] }
    Self.close(rci.map { $0[0] } + rci.map { $0[1] }, Self.r["or_ci"] as! [Double], "R OR ci")
  }

  /// HC0 (statsmodels and R) and HC1 (R's vcovHC with n/(n − k)).
  @Test func robustMatchesStatsmodelsAndR() {
    for type in ["HC0", "HC1"] {
      let j = Self.json(["--cov-type", type])
      let names = j["names"] as! [String]
      Self.close(
        Self.reorderMatrix(Self.flat(j["cov_params"]), names: names, to: Self.rNames),
        Self.r["vcovHC_\(type)"] as! [Double], "R \(type)")
      if type == "HC0" {
        Self.close(
          Self.reorderMatrix(Self.flat(j["cov_params"]), names: names, to: Self.t["names"] as! [String]),
          Self.flat(Self.t["cov_HC0"]), "statsmodels HC0")
      }
    }
  }

  /// Clusters named by text labels (1st, 2nd, 3rd): statsmodels'
  /// cov_type="cluster" and R's vcovCL(type = "HC1").
  @Test func textClustersMatchStatsmodelsAndR() {
    let j = Self.json([
      "--features", "sex,age", "--cov-type", "cluster", "--groups", "passengerClass",
    ])
    let names = j["names"] as! [String]
    let cluster = Self.t["cluster"] as! [String: Any]
    Self.close(
      Self.reorderMatrix(Self.flat(j["cov_params"]), names: names, to: cluster["names"] as! [String]),
      Self.flat(cluster["cov"]), "statsmodels cluster")
    Self.close(
      Self.reorderMatrix(
        Self.flat(j["cov_params"]), names: names, to: ["const", "sex[T.male]", "age"]),
      Self.r["vcovCL_HC1"] as! [Double], "R vcovCL")
  }

  /// get_margeff(dummy=True, count=True): discrete changes for the
  /// categories; the printed table is statsmodels' but for the row order.
  @Test func discreteChangesMatchStatsmodels() {
    let golden = Self.t["margeff_dummy"] as! [String: [String: Any]]
    let theirs = Array((Self.t["names"] as! [String]).dropFirst())
    for at in ["overall", "mean"] {
      let m = Self.json(["--margeff", at, "--margeff-dummy", "--margeff-count"])["margeff"]
        as! [String: Any]
      let names = m["names"] as! [String]
      for (mine, key) in [("margeff", "margeff"), ("margeff_se", "se"), ("p", "p")] {
        Self.close(
          Self.reorder(Self.flat(m[mine]), names: names, to: theirs), Self.flat(golden[at]![key]),
          "\(at) \(mine)")
      }
    }
  }
}

/// Discrete changes on spector (PSI is 0/1, TUCE a count), and `margeff`'s
/// text against statsmodels' summary().
@Suite struct DiscreteMarginalEffectsTests {
  nonisolated(unsafe) static let golden = SummaryClassesTests.golden["spector_discrete"] as! [String: [String: Any]]

  @Test func spectorMatchesStatsmodels() {
    for at in ["overall", "mean"] {
      let r = cli("margeff", dataFile("spector.csv"), "--at", at, "--dummy", "--count", "--json")
      #expect(r.status == 0)
      let m = try! JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
      for (mine, key) in [("margeff", "margeff"), ("margeff_se", "se"), ("p", "p"), ("ci", "ci")] {
        SummaryInferenceTests.expectClose(
          SummaryInferenceTests.flat(m[mine]), SummaryInferenceTests.flat(Self.golden[at]![key]),
          "\(at) \(mine)")
      }
      let text = cli("margeff", dataFile("spector.csv"), "--at", at, "--dummy", "--count")
      #expect(text.out == (Self.golden[at]!["summary"] as! String) + "\n")
      // summary --margeff prints the same table after its own.
      let s = cli(
        "summary", dataFile("spector.csv"), "--margeff", at, "--margeff-dummy",
        "--margeff-count")
      #expect(s.out.hasSuffix("\n" + text.out))
    }
  }

  @Test(arguments: [
    (["margeff", "--method", "eyex", "--dummy"], 64,
     "--dummy and --count need --method dydx (statsmodels: \"eyex not allowed for discrete "
       + "variables\") (see 'fitlogit --help')"),
    (["summary", "--margeff-dummy"], 64,
     "--margeff-dummy needs --margeff overall|mean (see 'fitlogit --help')"),
    (["summary", "--margeff", "mean", "--margeff-method", "eyex", "--margeff-count"], 64,
     "--margeff-dummy and --margeff-count need --margeff-method dydx (statsmodels: \"eyex "
       + "not allowed for discrete variables\") (see 'fitlogit --help')"),
    (["margeff", "--cov-type", "cluster"], 64,
     "--cov-type cluster needs --groups COL (the column of cluster ids) (see 'fitlogit --help')"),
  ])
  func usageErrors(words: [String], status: Int32, message: String) {
    let r = cli([words[0], dataFile("spector.csv")] + words.dropFirst())
    #expect(r.status == status)
    #expect(r.err == "fitlogit: error: \(message)\n")
    #expect(r.out == "")
  }
}

/// `--groups` reads labels: a missing one is a missing value like any
/// other (refused, or its row dropped with --dropna), and one cluster is
/// too few.
@Suite struct GroupLabelTests {
  static func file(_ text: String) -> String {
    let path = temporaryDirectory() + "/g.csv"
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let rows = "x,g,y\n1,a,0\n2,b,1\n3,,0\n4,a,1\n5,b,1\n6,c,0\n7,c,1\n8,a,0\n"

  @Test func missingLabelFollowsDropna() {
    let path = Self.file(Self.rows)
    let refused = cli("summary", path, "--cov-type", "cluster", "--groups", "g")
    #expect(refused.status == 1)
    #expect(refused.err == "fitlogit: error: \(path): 1 row has missing values (g: 1); "
      + "drop them with --dropna\n")
    let dropped = cli("summary", path, "--cov-type", "cluster", "--groups", "g", "--dropna")
    #expect(dropped.status == 0)
    #expect(dropped.out.contains("No. Observations:                    7"))
    #expect(dropped.out.contains("(1 observation deleted due to missingness)"))
  }

  @Test func oneClusterIsRefused() {
    let path = Self.file("x,g,y\n1,a,0\n2,a,1\n3,a,0\n4,a,1\n5,a,1\n")
    let r = cli("summary", path, "--cov-type", "cluster", "--groups", "g")
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: --cov-type cluster needs at least 2 clusters; "
      + "--groups has 1 (\"a\")\n")
  }

  @Test func groupsColumnIsNotAFeature() {
    let path = Self.file(Self.rows)
    let r = cli("summary", path, "--features", "x,g", "--cov-type", "cluster", "--groups", "g")
    #expect(r.status == 1)
    #expect(r.err.hasSuffix("\"g\" is the --groups column, so it cannot also be a feature\n"))
  }
}
