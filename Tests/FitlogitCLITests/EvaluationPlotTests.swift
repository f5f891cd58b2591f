import Foundation
import FitlogitCore
import FitlogitTestSupport
import Testing

@testable import FitlogitCLI

/// One case of Golden/plot_curves.json (scripts/make_plot_curves_golden.py).
private struct CurveCase: Decodable, CustomTestStringConvertible, Sendable {
  struct Curve: Decodable, Sendable {
    let fpr, tpr, precision, recall: [Double]
    let prob_true, prob_pred: [Double]?
  }
  let name, train, test, target: String
  let sample_weight: String?
  let options: [String: Double]
  let curves: [Curve]
  var testDescription: String { name }
}

private let curveCases: [CurveCase] = {
  struct File: Decodable { let cases: [CurveCase] }
  let url = packageRoot.appendingPathComponent("Tests/FitlogitCLITests/Golden/plot_curves.json")
  return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
}()

@Suite struct EvaluationPlotTests {
  /// The points drawn are scikit-learn's: a model fitted as `fit` fits it,
  /// scored on the test file. The rates and bin fractions are ratios of
  /// counts, so they are equal exactly (the probabilities agree with
  /// scikit-learn's to ~1e-12, far from any tie); the bins' mean
  /// probabilities carry that 1e-12, hence 1e-10 (1e-7 on iris, whose flat
  /// optimum is explained in ScoreCommandTests).
  @Test(arguments: curveCases)
  fileprivate func drawnCurvesAreScikitLearns(c: CurveCase) throws {
    let model = temporaryDirectory() + "/model.json"
    var fit = ["fit", dataFile(c.train), "--save", model]
    if let w = c.sample_weight { fit += ["--sample-weight", w] }
    if let tol = c.options["tol"] { fit += ["--tol", "\(tol)"] }
    if let m = c.options["max_iter"] { fit += ["--max-iter", "\(Int(m))"] }
    #expect(cli(fit).status == 0)
    let saved = try LogisticModel(json: Array(try Data(contentsOf: URL(fileURLWithPath: model))))
    let e = try Evaluation(
      model: saved, target: c.target, path: dataFile(c.test), sampleWeight: c.sample_weight,
      threshold: nil)
    let input = EvaluationPlot.input(e)
    #expect(input.roc.count == c.curves.count)
    #expect(input.precisionRecall.count == c.curves.count)
    for (drawn, (roc, pr)) in zip(c.curves, zip(input.roc, input.precisionRecall)) {
      #expect(roc.x == drawn.fpr)
      #expect(roc.y == drawn.tpr)
      #expect(pr.x == drawn.recall)
      #expect(pr.y == drawn.precision)
    }
    if let want = c.curves[0].prob_true, let wantMean = c.curves[0].prob_pred {
      let got = try #require(input.calibration)
      #expect(got.fractionPositive == want)
      #expect(got.meanPredicted.count == wantMean.count)
      for (a, b) in zip(got.meanPredicted, wantMean) { #expect(abs(a - b) < 1e-10) }
    } else {
      #expect(input.calibration == nil)
    }
  }

  private static let evaluationFiles = [
    "calibration.svg", "confusion-matrix.svg", "precision-recall.svg",
    "probability-histogram.svg", "roc-curve.svg",
  ]

  @Test func scorePlotWritesTheEvaluationFigures() throws {
    let dir = temporaryDirectory()
    let model = dir + "/spam.json"
    #expect(cli("fit", dataFile("spam-train.csv"), "--save", model).status == 0)
    let r = cli("score", model, dataFile("spam-test.csv"), "--plot", dir + "/plot")
    #expect(r.status == 0)
    #expect(r.err == "")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/plot").sorted()
    #expect(files == (Self.evaluationFiles + ["index.html"]).sorted())
    let html = try String(contentsOfFile: dir + "/plot/index.html", encoding: .utf8)
    #expect(html.contains("<section id=\"evaluation\">"))
    #expect(html.contains("accuracy_score           0.8333333333333334"))
    #expect(html.contains("<a href=\"roc-curve.svg\">roc-curve.svg</a>"))
    let roc = try String(contentsOfFile: dir + "/plot/roc-curve.svg", encoding: .utf8)
    // roc_auc_score on spam-test.csv is 0.9382716049382716 (score.json).
    #expect(roc.contains(">AUC = 0.9383</text>"))
    let cm = try String(contentsOfFile: dir + "/plot/confusion-matrix.svg", encoding: .utf8)
    for n in [">7</text>", ">2</text>", ">1</text>", ">8</text>"] { #expect(cm.contains(n)) }
  }

  @Test func fitTestAndCrossValidationAddTheirFigures() throws {
    let dir = temporaryDirectory()
    let r = cli(
      "fit", dataFile("spam-train.csv"), "--test", dataFile("spam-test.csv"), "--plot", dir + "/t")
    #expect(r.status == 0)
    let article = [
      "5-sorted.svg", "6-neglog.svg", "7-losses.svg", "8-entropy.svg", "9-convergence.svg",
    ]
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir + "/t").sorted()
        == (article + Self.evaluationFiles + ["index.html"]).sorted())
    let cv = cli("fit", dataFile("spam.csv"), "--cv", "5", "--plot", dir + "/cv")
    #expect(cv.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir + "/cv").sorted()
        == (article + ["cv-scores.svg", "index.html"]).sorted())
    let html = try String(contentsOfFile: dir + "/cv/index.html", encoding: .utf8)
    #expect(html.contains("<a href=\"#cross-validation\">Cross-validation</a>"))
    let svg = try String(contentsOfFile: dir + "/cv/cv-scores.svg", encoding: .utf8)
    // The C_ `fit --cv 5` chooses on spam.csv (CrossValidationCommandTests).
    #expect(svg.contains(">chosen C_ = 0.3594</text>"))
    let iris = cli(
      "fit", dataFile("iris-train.csv"), "--test", dataFile("iris-test.csv"), "--plot", dir + "/i")
    #expect(iris.status == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir + "/i").sorted() == [
        "1-class-probabilities.svg", "2-class-losses.svg", "3-convergence.svg",
        "confusion-matrix.svg", "index.html", "precision-recall.svg", "roc-curve.svg",
      ])
  }

  /// A command that fails writes no figure at all, not even its directory.
  @Test func aFailingCommandWritesNothing() throws {
    let dir = temporaryDirectory()
    let model = dir + "/spam.json"
    #expect(cli("fit", dataFile("spam-train.csv"), "--save", model).status == 0)
    let unseen = cli("score", model, dataFile("iris-test.csv"), "--target", "species",
      "--plot", dir + "/a")
    #expect(unseen.status == 1)
    #expect(unseen.err.hasPrefix("fitlogit: error: "))
    let badTest = cli(
      "fit", dataFile("spam-train.csv"), "--test", dataFile("iris-test.csv"), "--plot", dir + "/b")
    #expect(badTest.status == 1)
    let badCV = cli(
      "fit", dataFile("iris.csv"), "--cv", "3", "--scoring", "roc_auc", "--plot", dir + "/c")
    #expect(badCV.status == 1)
    #expect(badCV.err == "fitlogit: error: --scoring roc_auc needs two classes; \"species\" has 3 "
      + "(scikit-learn raises too)\n")
    let usage = cli("score", model, dataFile("spam-test.csv"), "--plot")
    #expect(usage.status == 64)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir)
    #expect(left == ["spam.json"])
  }
}
