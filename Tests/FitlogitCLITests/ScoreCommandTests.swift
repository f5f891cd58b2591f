import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// One case of Golden/score.json (scripts/make_score_golden.py): scikit-learn's
/// LogisticRegression fitted on a train file, then sklearn.metrics on the
/// test file. Read with JSONDecoder, which keeps every digit.
private struct ScoreCase: Decodable, CustomTestStringConvertible, Sendable {
  let name, train, test: String
  let sample_weight: String?
  let threshold: Double?
  /// LogisticRegression's options (tol, max_iter), given to fit as flags.
  let options: [String: Double]
  let accuracy_score, balanced_accuracy_score, log_loss, matthews_corrcoef: Double
  let brier_score_loss, roc_auc_score, average_precision_score: Double?
  let roc_auc_score_ovr_macro, roc_auc_score_ovr_weighted: Double?
  let confusion_matrix: [[Double]]
  let classification_report: String
  var testDescription: String { name }

  var arguments: [String] {
    var a = ["fit", dataFile(train), "--test", dataFile(test)]
    if let w = sample_weight { a += ["--sample-weight", w] }
    if let t = threshold { a += ["--threshold", "\(t)"] }
    if let tol = options["tol"] { a += ["--tol", "\(tol)"] }
    if let m = options["max_iter"] { a += ["--max-iter", "\(Int(m))"] }
    return a
  }
}

private let scoreCases: [ScoreCase] = {
  struct File: Decodable { let cases: [ScoreCase] }
  let url = packageRoot.appendingPathComponent("Tests/FitlogitCLITests/Golden/score.json")
  return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
}()

/// What `--json` prints under "test".
private struct TestScores: Decodable {
  let accuracy_score, balanced_accuracy_score, log_loss, matthews_corrcoef: Double
  let brier_score_loss, roc_auc_score, average_precision_score: Double?
  let roc_auc_score_ovr_macro, roc_auc_score_ovr_weighted: Double?
  let confusion_matrix: [[Double]]
}

/// `cli` with the words in an array.
private func run(_ words: [String]) -> (status: Int32, out: String, err: String) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run(words, stdout: &out, stderr: &err)
  return (status, out, err)
}

@Suite struct ScoreCommandTests {
  /// `fit TRAIN --test TEST` prints scikit-learn's held-out scores. The
  /// predicted labels are scikit-learn's, so the label metrics, the
  /// confusion matrix and the report are equal exactly; the probability
  /// metrics go through coefficients that agree with scikit-learn's to about
  /// 1e-12 (summation order in the fit), hence 1e-10. Raw iris is the
  /// exception: its optimum is flat (setosa is separable), so two runs that
  /// stop at a gradient of 1e-10 differ by ~1e-6 in the coefficients and
  /// 5e-8 in the test log loss; 1e-7 there.
  @Test(arguments: scoreCases)
  fileprivate func fitTestMatchesScikitLearn(c: ScoreCase) throws {
    let r = run(c.arguments + ["--json"])
    #expect(r.status == 0)
    #expect(r.err == "")
    struct Report: Decodable { let test: TestScores }
    let s = try JSONDecoder().decode(Report.self, from: Data(r.out.utf8)).test
    #expect(s.accuracy_score == c.accuracy_score)
    #expect(s.balanced_accuracy_score == c.balanced_accuracy_score)
    #expect(s.matthews_corrcoef == c.matthews_corrcoef)
    #expect(s.confusion_matrix == c.confusion_matrix)
    let tolerance = c.name == "iris" ? 1e-7 : 1e-10
    #expect(abs(s.log_loss - c.log_loss) < tolerance)
    for (got, want) in [
      (s.brier_score_loss, c.brier_score_loss), (s.roc_auc_score, c.roc_auc_score),
      (s.average_precision_score, c.average_precision_score),
      (s.roc_auc_score_ovr_macro, c.roc_auc_score_ovr_macro),
      (s.roc_auc_score_ovr_weighted, c.roc_auc_score_ovr_weighted),
    ] {
      #expect((got == nil) == (want == nil))
      if let got, let want { #expect(abs(got - want) < tolerance) }
    }
    let text = run(c.arguments)
    #expect(text.out.hasSuffix("classification_report:\n" + c.classification_report))
  }

  /// `score` with the saved model prints the block `fit --test` prints.
  @Test func scoreEqualsFitTest() throws {
    let model = temporaryDirectory() + "/spam.json"
    #expect(cli("fit", dataFile("spam-train.csv"), "--save", model).status == 0)
    let score = cli("score", model, dataFile("spam-test.csv"))
    let fit = cli("fit", dataFile("spam-train.csv"), "--test", dataFile("spam-test.csv"))
    #expect(score.status == 0)
    #expect(score.out.hasPrefix(
      "Scores on \(dataFile("spam-test.csv")): 18 rows, classes ham < spam; threshold 0.5 "
        + "(predict: P(spam) > 0.5)\n  accuracy_score           0.8333333333333334\n"))
    #expect(fit.out.hasSuffix("\n" + score.out))
  }

  /// predict --threshold 0.3: FixedThresholdClassifier's rule, P >= 0.3.
  @Test func predictWithThreshold() throws {
    let model = temporaryDirectory() + "/spam.json"
    #expect(cli("fit", dataFile("spam-train.csv"), "--save", model).status == 0)
    let low = cli("predict", model, dataFile("spam-test.csv"), "--threshold", "0.3")
    let plain = cli("predict", model, dataFile("spam-test.csv"))
    let spamCount = { (s: String) in s.split(separator: "\n").filter { $0 == "spam" }.count }
    // scikit-learn's confusion matrices: 10 predicted spam at 0.5, 12 at 0.3.
    #expect(spamCount(plain.out) == 10)
    #expect(spamCount(low.out) == 12)
  }

  @Test func unseenLabelsAreNamed() throws {
    let dir = temporaryDirectory()
    let model = dir + "/spam.json"
    #expect(cli("fit", dataFile("spam-train.csv"), "--save", model).status == 0)
    let test = dir + "/test.csv"
    try "links,caps,label\n1,2,ham\n0,1,eggs\n2,2,bacon\n1,1,eggs\n".write(
      toFile: test, atomically: true, encoding: .utf8)
    let r = cli("score", model, test)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(
      r.err == "fitlogit: error: \(test): labels the model was never trained on: \"eggs\", "
        + "\"bacon\" (its classes are \"ham\", \"spam\")\n")
  }

  /// Numeric classes match by value, as pandas reads them: 1.0 is class 1.
  @Test func numericLabelsMatchByValue() throws {
    let dir = temporaryDirectory()
    let model = dir + "/points.json"
    #expect(cli("fit", dataFile("points.csv"), "--save", model).status == 0)
    let test = dir + "/test.csv"
    try "x,y\n-2,0.0\n3,1.0\n0.5,01\n".write(toFile: test, atomically: true, encoding: .utf8)
    let r = cli("score", model, test)
    #expect(r.status == 0)
    #expect(r.out.contains("  accuracy_score           1.0\n"))
  }

  @Test func missingColumnsAreNamed() throws {
    let dir = temporaryDirectory()
    let model = dir + "/spam.json"
    #expect(cli("fit", dataFile("spam-train.csv"), "--save", model).status == 0)
    let noFeature = dir + "/a.csv"
    try "links,label\n1,ham\n".write(toFile: noFeature, atomically: true, encoding: .utf8)
    let r = cli("score", model, noFeature)
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: \(noFeature):1:1: no column named \"caps\", which the model "
        + "needs; the columns are \"links\", \"label\"\n")
    let noTarget = dir + "/b.csv"
    try "links,caps,y\n1,2,ham\n".write(toFile: noTarget, atomically: true, encoding: .utf8)
    let t = cli("score", model, noTarget)
    #expect(t.status == 1)
    #expect(
      t.err == "fitlogit: error: \(noTarget):1:1: no column named \"label\", the model's "
        + "target (choose another with --target); the columns are \"links\", \"caps\", \"y\"\n")
    #expect(cli("score", model, noTarget, "--target", "y").status == 0)
  }

  @Test func thresholdNeedsTwoClasses() {
    let r = cli(
      "fit", dataFile("iris-train.csv"), "--test", dataFile("iris-test.csv"),
      "--threshold", "0.3")
    #expect(r.status == 64)
    #expect(r.out == "")
    #expect(
      r.err == "fitlogit: error: --threshold needs a model of two classes; this one has 3 "
        + "(see 'fitlogit --help')\n")
    let bad = cli("fit", dataFile("spam-train.csv"), "--threshold", "0.3")
    #expect(bad.status == 64)
    #expect(
      bad.err == "fitlogit: error: --threshold applies to the test scores; give --test "
        + "TEST.csv or --test-size F (see 'fitlogit --help')\n")
  }

  @Test func badWeightIsNamed() throws {
    let dir = temporaryDirectory()
    let model = dir + "/m.json"
    #expect(cli("fit", dataFile("weighted-train.csv"), "--sample-weight", "w", "--save", model)
      .status == 0)
    let test = dir + "/t.csv"
    try "a,b,w,y\n1,2,0.5,1\n1,1,-1,0\n".write(toFile: test, atomically: true, encoding: .utf8)
    let r = cli("score", model, test, "--sample-weight", "w")
    #expect(r.status == 1)
    #expect(
      r.err == "fitlogit: error: \(test): the sample weight on data row 2 is \"-1\", "
        + "not a finite number >= 0\n")
  }
}

@Suite struct HeldOutSplitTests {
  /// `--test-size 0.3 --random-state 0` holds out the rows scikit-learn's
  /// train_test_split(test_size=0.3, random_state=0, stratify=y) does, in
  /// its order: data/spam-train.csv and spam-test.csv are that split,
  /// written by scikit-learn, so fitting one way or the other prints the
  /// same model and the same scores.
  @Test func splitEqualsScikitLearnsFiles() {
    let split = cli("fit", dataFile("spam.csv"), "--test-size", "0.3", "--random-state", "0")
    let files = cli("fit", dataFile("spam-train.csv"), "--test", dataFile("spam-test.csv"))
    #expect(split.status == 0)
    #expect(split.err == "")
    let scores = "Scores on the test rows of \(dataFile("spam.csv")) (test_size=0.3, "
      + "random_state=0): 18 rows, classes ham < spam;"
    #expect(split.out.contains(scores))
    let withoutSources = { (s: String) in
      s.split(separator: "\n").filter { !$0.hasPrefix("Scores on") }
    }
    // The fit's first lines name the rows ("X = 42 rows"), which are the same.
    #expect(withoutSources(split.out) == withoutSources(files.out))
  }

  @Test func splitOptionsAreChecked() {
    let noSeed = cli("fit", dataFile("spam.csv"), "--test-size", "0.3")
    #expect(noSeed.status == 64)
    #expect(
      noSeed.err == "fitlogit: error: --test-size needs --random-state N (scikit-learn's "
        + "random_state), so that the split can be repeated (see 'fitlogit --help')\n")
    let both = cli(
      "fit", dataFile("spam.csv"), "--test-size", "0.3", "--random-state", "1", "--test",
      dataFile("spam-test.csv"))
    #expect(both.status == 64)
    #expect(
      both.err == "fitlogit: error: give --test TEST.csv or --test-size F, not both "
        + "(see 'fitlogit --help')\n")
    let tooSmall = cli("fit", dataFile("iris.csv"), "--test-size", "2", "--random-state", "1")
    #expect(tooSmall.status == 1)
    #expect(
      tooSmall.err == "fitlogit: error: \(dataFile("iris.csv")): cannot split: the test set "
        + "of 2 rows should be at least the number of classes 3\n")
  }
}
