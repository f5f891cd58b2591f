import Foundation
import FitlogitTestSupport
import FitlogitCLI
import Testing

/// Real files as they come (data/SOURCES.md), against pandas +
/// scikit-learn, statsmodels and R (scripts/make_realdata_golden.py).
@Suite struct RealDataTests {
  nonisolated(unsafe) static let golden = FitlogitTestSupport.golden("realdata.json")

  /// ``cli(_:)`` with the words in an array.
  static func run(_ words: [String]) -> (status: Int32, out: String, err: String) {
    var out = ""
    var err = ""
    let status = FitlogitCLI.run(words, stdout: &out, stderr: &err)
    return (status, out, err)
  }

  static func json(_ text: String) -> [String: Any] {
    try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
  }

  static func maxDifference(_ a: Any?, _ b: Any?) -> Double {
    let x = (a as! [Any]).flatMap { ($0 as? [Double]) ?? [$0 as! Double] }
    let y = (b as! [Any]).flatMap { ($0 as? [Double]) ?? [$0 as! Double] }
    precondition(x.count == y.count)
    return zip(x, y).map { abs($0 - $1) }.max() ?? 0
  }

  /// Each fit: same columns, classes, iterations and coefficients as
  /// `get_dummies` + (`StandardScaler`) + `LogisticRegression`.
  @Test func fitsMatchScikitLearn() {
    for case let c as [String: Any] in Self.golden["fits"] as! [Any] {
      let name = c["name"] as! String
      var args = c["args"] as! [String]
      args[0] = dataFile(args[0])
      let r = Self.run(args + ["--json"])
      #expect(r.status == 0, "\(name): \(r.err)")
      let j = Self.json(r.out)
      #expect(j["feature_names"] as! [String] == c["feature_names"] as! [String], "\(name)")
      // Numeric classes by value: scikit-learn's 0.0 is fitlogit's "0".
      #expect(
        (j["classes"] as! [String]).map { Double($0) ?? .nan }.description
          == (c["classes"] as! [String]).map { Double($0) ?? .nan }.description, "\(name)")
      #expect(j["n_iter"] as! Int == c["n_iter"] as! Int, "\(name)")
      #expect(j["n_samples"] as! Int == c["n_samples"] as! Int, "\(name)")
      #expect(j["converged"] as! Bool == c["converged"] as! Bool, "\(name)")
      // Standardized fits agree to rounding (measured <= 6.1e-15). The
      // unscaled Titanic fits (age up to 80 beside 0/1 indicators, 42
      // iterations) carry BLAS's blocked sums further: 9.2e-10 measured. The
      // raw penguins fit stops at max_iter (body mass in grams), where two
      // programs' iterates part: 0.038 measured, the README's caveat.
      let tolerance =
        name == "penguins raw" ? 0.05 : name.hasPrefix("titanic") && !name.contains("standard")
        ? 1e-8 : 1e-12
      #expect(Self.maxDifference(j["coef"], c["coef"]) < tolerance, "\(name)")
      #expect(Self.maxDifference(j["intercept"], c["intercept"]) < tolerance, "\(name)")
    }
  }

  /// `summary` on Titanic: statsmodels' `smf.logit` and R's `glm` numbers,
  /// with patsy's names and R's "observations deleted" line.
  @Test func summaryMatchesStatsmodelsAndR() {
    let s = Self.golden["summary"] as! [String: Any]
    var args = s["args"] as! [String]
    args[0] = dataFile(args[0])
    let r = Self.run(["summary"] + args + ["--json"])
    #expect(r.status == 0, "\(r.err)")
    let j = Self.json(r.out)
    let names = j["names"] as! [String]
    #expect(
      names == ["const", "age", "sex[T.male]", "passengerClass[T.2nd]", "passengerClass[T.3rd]"])
    let params = j["params"] as! [Double]
    let bse = j["bse"] as! [Double]
    let sm = s["statsmodels"] as! [String: Any]
    let smParams = sm["params"] as! [String: Double]
    let smBSE = sm["bse"] as! [String: Double]
    for (k, name) in names.enumerated() {
      let key = name == "const" ? "Intercept" : name
      // Both Newton to a 1e-10 gradient: measured 2e-11.
      #expect(abs(params[k] - smParams[key]!) < 1e-9, "\(name)")
      #expect(abs(bse[k] - smBSE[key]!) < 1e-9, "\(name)")
    }
    #expect(abs((j["llf"] as! Double) - (sm["llf"] as! Double)) < 1e-9)
    #expect(j["nobs"] as! Int == 1046)
    #expect(j["n_dropped"] as! Int == 263)
    if let R = s["R"] as? [String: Any] {
      let coef = R["coef"] as! [String: Double]
      let se = R["se"] as! [String: Double]
      let rNames = ["(Intercept)", "age", "sexmale", "passengerClass2nd", "passengerClass3rd"]
      for (k, name) in rNames.enumerated() {
        // glm's IRLS stops when the deviance changes by < 1e-8 relative,
        // and reports the standard errors of that last iterate: 1e-5
        // relative from the exact optimum (measured 4.9e-5 on the
        // intercept's).
        #expect(abs(params[k] - coef[name]!) < 1e-7, "\(name)")
        #expect(abs(bse[k] - se[name]!) / se[name]! < 1e-4, "\(name)")
      }
      #expect(R["deleted"] as! Int == 263)
    }
    let text = Self.run(["summary"] + args)
    #expect(text.out.hasSuffix("(263 observations deleted due to missingness)\n"))
    #expect(text.out.contains("sex[T.male]              -2.4978      0.166"))
  }

  /// `summary` on anes96 as it comes (to_csv()'s index column left out, all
  /// numeric): statsmodels' `smf.logit` and R's `glm` on the same 944 rows.
  @Test func anes96SummaryMatchesStatsmodelsAndR() {
    let s = Self.golden["summary_anes96"] as! [String: Any]
    var args = s["args"] as! [String]
    args[0] = dataFile(args[0])
    let r = Self.run(["summary"] + args + ["--json"])
    #expect(r.status == 0, "\(r.err)")
    let j = Self.json(r.out)
    let names = j["names"] as! [String]
    #expect(names.count == 11)
    let params = j["params"] as! [Double]
    let bse = j["bse"] as! [Double]
    let sm = s["statsmodels"] as! [String: Any]
    let smParams = sm["params"] as! [String: Double]
    let smBSE = sm["bse"] as! [String: Double]
    for (k, name) in names.enumerated() {
      let key = name == "const" ? "Intercept" : name
      // Both Newton to a 1e-10 gradient: measured 6.6e-14 (popul runs to
      // 1e5, so the tolerance is relative).
      #expect(abs(params[k] - smParams[key]!) <= 1e-9 * max(1, abs(smParams[key]!)), "\(name)")
      #expect(abs(bse[k] - smBSE[key]!) <= 1e-9 * max(1, abs(smBSE[key]!)), "\(name)")
    }
    #expect(abs((j["llf"] as! Double) - (sm["llf"] as! Double)) < 1e-9)
    #expect(j["nobs"] as! Int == 944)
    if let R = s["R"] as? [String: Any] {
      let coef = R["coef"] as! [String: Double]
      let se = R["se"] as! [String: Double]
      for (k, name) in names.enumerated() {
        let key = name == "const" ? "(Intercept)" : name
        // glm's IRLS stops at a 1e-8 relative deviance change and reports
        // that iterate's standard errors: measured 4.2e-9 on the
        // coefficients, 4.4e-5 relative on the standard errors.
        #expect(abs(params[k] - coef[key]!) < 1e-7, "\(name)")
        #expect(abs(bse[k] - se[key]!) / se[key]! < 1e-4, "\(name)")
      }
    }
  }

  /// Titanic split in two: a model fitted with categories and a scaler on
  /// the even rows predicts the odd rows as scikit-learn's pipeline does.
  @Test func savedEncodingPredictsUnseenRows() throws {
    let lines = try String(contentsOfFile: dataFile("titanic.csv"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: true)
    let header = lines[0]
    let rows = lines.dropFirst()
    let even = rows.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    let odd = rows.enumerated().filter { $0.offset % 2 == 1 && !$0.element.contains(",NA,") }
      .map(\.element)
    let dir = temporaryDirectory()
    let train = dir + "/train.csv"
    let test = dir + "/test.csv"
    try ([header] + even).joined(separator: "\n").write(
      toFile: train, atomically: true, encoding: .utf8)
    try ([header] + odd).joined(separator: "\n").write(
      toFile: test, atomically: true, encoding: .utf8)
    let model = dir + "/model.json"
    let fit = cli(
      train, "--target", "survived", "--exclude", "rownames", "--dropna", "--standardize",
      "--save", model)
    #expect(fit.status == 0, "\(fit.err)")
    let r = cli("predict", model, test, "--proba", "--json")
    #expect(r.status == 0, "\(r.err)")
    let p = Self.json(r.out)["probabilities"]
    let expected = (Self.golden["predict"] as! [String: Any])["probabilities"]
    #expect((p as! [Any]).count == 524)
    // Same scaler and coefficients to ~1e-15; probabilities measured 2e-16.
    #expect(Self.maxDifference(p, expected) < 1e-12)

    // A level the model never saw.
    let unseen = dir + "/unseen.csv"
    try "rownames,survived,sex,age,passengerClass\nA,yes,female,30,1st\nB,no,male,40,4th\n"
      .write(toFile: unseen, atomically: true, encoding: .utf8)
    let bad = cli("predict", model, unseen)
    #expect(bad.status == 1)
    #expect(bad.out == "")
    #expect(
      bad.err == "fitlogit: error: \(unseen):3:5: column \"passengerClass\" has the level "
        + "\"4th\", which the model never saw in training (its levels are \"1st\", \"2nd\", "
        + "\"3rd\")\n")
  }

  /// Each refusal of a real file, with its exact message.
  @Test func refusals() {
    let titanic = dataFile("titanic.csv")
    var r = cli(titanic, "--target", "survived")
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: \(titanic): 263 rows have missing values (age: 263); "
        + "drop them with --dropna\n")
    r = cli(titanic, "--target", "survived", "--dropna")
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: \(titanic):1:1: column \"rownames\" holds 1046 different "
        + "texts in 1046 rows, like a name or an identifier rather than a category: leave "
        + "it out with --exclude rownames\n")
    let anes = dataFile("anes96.csv")
    r = cli(anes)
    #expect(r.status == 1)
    // The index-column note still comes first: the file failed after it.
    #expect(
      r.err == "fitlogit: note: column 1 has an empty header: it is the row index that "
        + "pandas' to_csv() writes, not a feature, and is left out\n"
        + "fitlogit: error: \(anes):1:12: the target \"logpopul\" is continuous (values "
        + "such as -2.3025850929940455 are not whole numbers), and a classifier needs "
        + "labels (scikit-learn: \"Unknown label type: continuous\"); choose the label "
        + "column with --target\n")
    r = cli(titanic, "--exclude", "name")
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: \(titanic):1:1: no column named \"name\" for --exclude; "
        + "the columns are \"rownames\", \"survived\", \"sex\", \"age\", \"passengerClass\"\n")
    r = cli(titanic, "--target", "survived", "--categorical", "survived")
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: \(titanic):1:2: --categorical names \"survived\", which "
        + "is not a feature\n")
  }

  /// The max_iter warning advises scaling only where scaling applies: not
  /// for indicator columns alone, which --standardize leaves as they are.
  @Test func convergenceAdviceIsTrue() {
    let r = cli(
      dataFile("titanic.csv"), "--target", "survived", "--features", "sex,passengerClass",
      "--max-iter", "1")
    #expect(r.status == 0)
    #expect(
      r.err == "fitlogit: warning: lbfgs failed to converge after 1 iteration(s) (total number "
        + "of iterations reached limit); increase --max-iter (now 1)\n")
  }

  /// `--features` picks columns in its order; the JSON says what was dropped.
  @Test func featuresAndDroppedCount() {
    let r = cli(
      dataFile("titanic.csv"), "--target", "survived", "--features", "sex,age", "--dropna",
      "--json")
    #expect(r.status == 0)
    let j = Self.json(r.out)
    #expect(j["feature_names"] as! [String] == ["age", "sex_female", "sex_male"])
    let anes = cli(dataFile("anes96.csv"), "--target", "vote", "--standardize", "--json")
    #expect(
      anes.err == "fitlogit: note: column 1 has an empty header: it is the row index that "
        + "pandas' to_csv() writes, not a feature, and is left out\n")
    #expect(j["n_dropped"] as! Int == 263)
    #expect(j["n_samples"] as! Int == 1046)
  }
}
