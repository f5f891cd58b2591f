import FitlogitCore
import FitlogitFigures
import FitlogitJSON
import FitlogitSystem

/// `fitlogit score MODEL.json DATA.csv`: a saved model's sklearn.metrics on
/// a labelled file.
enum ScoreCommand {
  /// The options of `score`, in the order `--help` lists them.
  static let table = OptionTable(
    [
      .text("--target", "NAME", help: "label column (default: the model's target)"),
      .text("--sample-weight", "NAME", help: "a numeric column of sample weights"),
      threshold,
      .flag("--json", help: "print JSON instead of text"),
      .text(
        "--plot", "DIR",
        help: "write ROC, precision-recall, calibration and confusion-matrix",
        "figures (SVG) and DIR/index.html"),
    ], positionals: ["MODEL.json", "DATA.csv"])

  /// `--threshold`, shared by `score`, `predict` and `fit --test`.
  static let threshold = Option.number(
    "--threshold", "T", default: nil, requirement: "in [0, 1]",
    help: "two classes: predict the positive class when P >= T",
    "(default: scikit-learn's predict, P > 0.5)"
  ) { $0 >= 0 && $0 <= 1 }

  static func run(
    _ words: [String], outputs: StagedOutputs, stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let parsed = try table.parse(words, help: Help.score, stdout: &stdout) else { return }
    let (modelPath, dataPath) = (parsed.positionals[0], parsed.positionals[1])
    let (model, target) = try loadModel(modelPath)
    let threshold = parsed.number("--threshold")
    try checkThreshold(threshold, classCount: model.classes.count)
    let evaluation = try Evaluation(
      model: model, target: parsed.text("--target") ?? target, path: dataPath,
      sampleWeight: parsed.text("--sample-weight"), threshold: threshold)
    if let plot = parsed.text("--plot") {
      try PlotReport.check(plot)
      outputs.addInput(modelPath)
      outputs.addInput(dataPath)
      try outputs.stageDirectory(scorePage(evaluation), at: plot)
    }
    stdout.write(
      parsed.flag("--json")
        ? ScoreReport.json(evaluation).text + "\n" : ScoreReport.text(evaluation))
  }

  /// `score --plot`: the evaluation figures and a page that shows them.
  static func scorePage(_ evaluation: Evaluation) -> [(name: String, text: String)] {
    var plot = EvaluationPlot()
    plot.add(evaluation)
    let html = htmlPage(
      title: "fitlogit score: \(evaluation.source)",
      summary: ScoreReport.text(evaluation).split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init),
      sections: plot.sections)
    return plot.files + [("index.html", html)]
  }

  /// `--threshold` picks between two classes only.
  static func checkThreshold(_ t: Double?, classCount: Int) throws(CommandError) {
    if t != nil && classCount != 2 {
      throw .usage("--threshold needs a model of two classes; this one has \(classCount)")
    }
  }

  /// The model and the name of the column it was trained to predict.
  static func loadModel(_ path: String) throws(CommandError) -> (LogisticModel, String) {
    let bytes = try FileSystem.contents(of: path)
    do {
      let model = try LogisticModel(json: bytes)
      let target = (try? JSONParser.parse(bytes))?["target"]?.string ?? "y"
      return (model, target)
    } catch {
      throw .data("\(printable(path)): \(error.message)")
    }
  }
}
