import Foundation
import FitlogitTestSupport
import Testing

/// The page for each penalty and weighting agrees with the command line
/// that wrote it: its readout at the fit (drawn before any script runs) is
/// the objective and log loss the command line prints, its words and
/// formula name the penalty, and its paths are named after the solver that
/// made them. (The page's script is checked in LivePageBrowserTests.)
@Suite struct LivePagePenaltyTests {
  struct Case {
    var arguments: [String]
    var file = "points.csv"
    var words: String
    var solver: String
    var gradientDescent: Bool
  }

  static let cases: [String: Case] = [
    "l1": Case(
      arguments: ["--l1-ratio", "1", "--solver", "saga"],
      words: "log loss + |w|/(C·N) (L1, C = 1).", solver: "saga", gradientDescent: false),
    "elasticnet": Case(
      arguments: ["--l1-ratio", "0.5", "--solver", "saga"],
      words: "log loss + (ρ·|w| + (1 − ρ)/2·w²)/(C·N) (elastic net, C = 1, ρ = l1_ratio = 0.5).",
      solver: "saga", gradientDescent: false),
    "l2": Case(
      arguments: [], words: "log loss + w²/(2·C·N) (L2, C = 1).", solver: "L-BFGS",
      gradientDescent: true),
    "none": Case(
      arguments: ["--C", "inf"],
      words: "log loss, no penalty (C = ∞), so it is the log loss itself.", solver: "L-BFGS",
      gradientDescent: true),
    "balanced": Case(
      arguments: ["--class-weight", "balanced"],
      words: "weighted log loss + w²/(2·C·S) (L2, C = 1). The rows are weighted (S = Σ sᵢ = 10)",
      solver: "L-BFGS", gradientDescent: true),
    "sample_weight": Case(
      arguments: ["--sample-weight", "s", "--solver", "newton-cg"], file: "page_weighted.csv",
      words: "weighted log loss + w²/(2·C·S) (L2, C = 1). The rows are weighted (S = Σ sᵢ = 12.75)",
      solver: "newton-cg", gradientDescent: true),
    "liblinear": Case(
      arguments: ["--solver", "liblinear"],
      words: "log loss + (w² + (b/a)²)/(2·C·N) (L2, C = 1). liblinear penalizes its intercept "
        + "too, as the coefficient b/a of a constant column a = 1.",
      solver: "liblinear", gradientDescent: false),
  ]

  @Test(arguments: cases.keys.sorted())
  func readoutIsTheCommandLines(_ name: String) throws {
    let c = Self.cases[name]!
    let dir = temporaryDirectory()
    let file = c.file == "points.csv"
      ? dataFile("points.csv")
      : packageRoot.appendingPathComponent("Tests/FitlogitCLITests/Golden/\(c.file)").path
    let r = cli([file] + c.arguments + ["--json", "--plot", dir])
    try #require(r.status == 0, "\(r.err)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
    // The same sums in another order: a few ulps.
    let objective = try #require(outputValue("objective", in: html))
    #expect(abs(objective - (json["objective"] as! Double)) <= 1e-12, "\(name)")
    let loss = try #require(outputValue("log-loss", in: html))
    #expect(abs(loss - (json["log_loss"] as! Double)) <= 1e-12, "\(name)")
    #expect(html.contains(c.words), "\(name)")
    let weighted = name == "balanced" || name == "sample_weight"
    #expect(html.contains("<output id=\"weighted-log-loss\"") == weighted, "\(name)")
    #expect(html.contains("data-info=\"\(c.solver) iterate 0: objective 0.693147"), "\(name)")
    #expect(html.contains("data-info=\"gradient descent iterate") == c.gradientDescent, "\(name)")
    if c.solver != "L-BFGS" { #expect(!html.contains("L-BFGS"), "\(name)") }
  }

  /// Without a penalty there is no other surface: the toggle is off and
  /// says why.
  @Test func noPenaltyTurnsTheToggleOff() throws {
    let dir = temporaryDirectory()
    try #require(cli(dataFile("points.csv"), "--C", "inf", "--plot", dir).status == 0)
    let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
    #expect(html.contains(
      "<input type=\"checkbox\" id=\"show-objective\" disabled> no penalty (C = ∞): the "
        + "objective is the mean log loss itself, so there is no other surface to show"))
  }

  /// The L1 page says whose iterates it draws and why gradient descent's
  /// are missing, and typesets |w|/(C·N).
  @Test func l1PageSaysWhatItDraws() throws {
    let dir = temporaryDirectory()
    try #require(
      cli(dataFile("points.csv"), "--l1-ratio", "1", "--solver", "saga", "--plot", dir).status == 0)
    let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
    #expect(html.contains(
      "the saga path is those steps, not saga&apos;s stochastic epochs. Gradient descent is not "
        + "drawn: the L1 term has no gradient at w = 0; only saga&apos;s iterates are drawn."))
    #expect(html.contains(
      "<mi>J</mi><mo>=</mo><mi>L</mi><mo>+</mo><mfrac><mo>|</mo><mi>w</mi><mo>|</mo><mrow>"
        + "<mi>C</mi><mi>N</mi></mrow></mfrac></math>"))
    #expect(html.contains("smooth part&apos;s gradient"))
  }

  /// The number in `<output id="ID" data-value="…">`.
  func outputValue(_ id: String, in html: String) -> Double? {
    guard let at = html.range(of: "<output id=\"\(id)\" data-value=\"") else { return nil }
    return Double(html[at.upperBound...].prefix { $0 != "\"" })
  }
}
