import FitlogitCore
import FitlogitData
import FitlogitJSON
import FitlogitSystem

/// `fitlogit predict MODEL.json DATA.csv [--proba] [--threshold T] [--json]`:
/// scikit-learn's `predict` / `predict_proba` with a saved model.
enum PredictCommand {
  /// The options of `predict`, in the order `--help` lists them.
  static let table = OptionTable(
    [
      .flag("--proba", help: "print class probabilities instead of labels"),
      ScoreCommand.threshold,
      .flag(
        "--interval",
        help: "P(positive class) with its interval (statsmodels' summary_frame);",
        "needs a model from 'fitlogit summary --save'"),
      .number(
        "--alpha", "A", default: "0.05", requirement: "in (0, 1)",
        help: "level 1 - A of --interval (default 0.05)"
      ) { $0 > 0 && $0 < 1 },
      .flag("--json", help: "print JSON instead of CSV"),
    ], positionals: ["MODEL.json", "DATA.csv"])

  static func run(
    _ words: [String], stdout: inout some TextOutputStream,
    stderr: inout some TextOutputStream
  ) throws(CommandError) {
    guard let parsed = try table.parse(words, help: Help.predict, stdout: &stdout) else { return }
    let proba = parsed.flag("--proba")
    let json = parsed.flag("--json")
    let threshold = parsed.number("--threshold")
    let interval = parsed.flag("--interval")
    if interval && threshold != nil {
      throw .usage(
        "--interval prints probabilities with their intervals; --threshold picks labels: use one")
    }
    if !interval && words.contains(where: { $0 == "--alpha" || $0.hasPrefix("--alpha=") }) {
      throw .usage("--alpha sets the level of --interval; add --interval")
    }
    let (modelPath, dataPath) = (parsed.positionals[0], parsed.positionals[1])

    let modelBytes = try FileSystem.contents(of: modelPath)
    let model: LogisticModel
    do {
      model = try LogisticModel(json: modelBytes)
    } catch {
      throw .data("\(printable(modelPath)): \(error.message)")
    }
    try ScoreCommand.checkThreshold(threshold, classCount: model.classes.count)
    let covariance =
      interval
      ? try PredictionIntervals.covariance(modelBytes, model: model, shown: printable(modelPath))
      : nil
    let bytes = try FileSystem.contents(of: dataPath)
    let x: Matrix
    do {
      x = try Matrix(csv: bytes, file: printable(dataPath), encoding: model.encoding)
    } catch {
      throw .data(error.description)
    }
    try model.checkDefined(x, source: printable(dataPath))
    if let covariance {
      PredictionIntervals.write(
        model: model, x: x, covariance: covariance, alpha: parsed.number("--alpha") ?? 0.05,
        json: json, to: &stdout)
    } else if proba {
      let p = model.probabilities(unchecked: x)
      if json {
        let rows = (0..<p.rows).map { JSON.numbers(Array(p.row($0))) }
        stdout.write(JSON.object([
          ("classes", .strings(model.classes)), ("probabilities", .array(rows)),
        ]).text + "\n")
      } else {
        stdout.write(model.classes.map(csvField).joined(separator: ",") + "\n")
        for i in 0..<p.rows {
          stdout.write(p.row(i).map { "\($0)" }.joined(separator: ",") + "\n")
        }
      }
    } else {
      let predicted: [Int]
      if let threshold {
        let p = model.probabilities(unchecked: x)
        predicted = (0..<p.rows).map { p[$0, 1] >= threshold ? 1 : 0 }
      } else {
        predicted = model.predict(unchecked: x)
      }
      let labels = predicted.map { model.classes[$0] }
      if json {
        stdout.write(JSON.object([
          ("classes", .strings(model.classes)), ("predictions", .strings(labels)),
        ]).text + "\n")
      } else {
        stdout.write("prediction\n")
        for label in labels { stdout.write(csvField(label) + "\n") }
      }
    }
  }

  /// A CSV field, quoted when it holds a separator, quote or line end.
  static func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return s
    }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}
