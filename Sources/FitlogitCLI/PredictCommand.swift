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
    if interval {
      // --interval reads the file whole, as before.
      let covariance = try PredictionIntervals.covariance(
        modelBytes, model: model, shown: printable(modelPath))
      let x = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
      PredictionIntervals.write(
        model: model, x: x, covariance: covariance, alpha: parsed.number("--alpha") ?? 0.05,
        json: json, to: &stdout)
      return
    }
    let output = Output(proba: proba, json: json, threshold: threshold)
    try predict(
      model, dataPath: dataPath, output: output, blockBytes: blockBytes, stdout: &stdout)
  }

  /// Bytes of CSV per block when a regular file is streamed: a few times
  /// the size at which the chunked parser turns parallel, small beside a
  /// large file and its matrix.
  static let blockBytes = 16 << 20

  /// Output text held back until the whole file has been read without an
  /// error; past this, the file is read twice instead (see ``predict``).
  static let heldOutputBytes = 64 << 20

  /// What `predict` prints.
  struct Output {
    var proba: Bool
    var json: Bool
    var threshold: Double?
  }

  /// Reads the rows of `dataPath` and prints their predictions.
  ///
  /// A regular file is streamed for CSV output: read in blocks of whole
  /// records (``CSVRecordBlocks``), each parsed and predicted before the
  /// next is read, so memory holds one block and its matrix, never the
  /// whole file or its whole matrix, and the output is byte for byte what
  /// one pass over the whole file gives. Nothing reaches standard output
  /// before the last row has been read without an error: the text is held
  /// back, and when it outgrows `heldOutputBytes` it is dropped and the
  /// file is read a second time, writing as it goes. A block with an error
  /// sends the command to the whole file for the error message, so its
  /// line numbers and its count of missing values over every row are the
  /// ones the whole file gives. Standard input, a pipe, `--json` and
  /// `--interval` are read whole, and a gzip file is one block.
  static func predict(
    _ model: LogisticModel, dataPath: String, output: Output, blockBytes: Int,
    heldOutputBytes: Int = heldOutputBytes, stdout: inout some TextOutputStream
  ) throws(CommandError) {
    let kind = try? inputFileKind(dataPath)
    guard dataPath != "-", !output.json, kind?.regular == true else {
      let x = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
      stdout.write(text(x, model: model, output: output, header: true))
      return
    }
    var held: [String] = []
    var heldBytes = 0
    let complete = try eachBlock(of: dataPath, blockBytes: blockBytes, model: model) {
      (x: Matrix, first: Bool) in
      guard heldBytes <= heldOutputBytes else { return }
      let t = text(x, model: model, output: output, header: first)
      heldBytes += t.utf8.count
      if heldBytes <= heldOutputBytes { held.append(t) } else { held = [] }
    }
    if !complete {
      // An empty file: the whole-file path says what is wrong with it.
      let x = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
      stdout.write(text(x, model: model, output: output, header: true))
    } else if heldBytes <= heldOutputBytes {
      for t in held { stdout.write(t) }
    } else {
      _ = try eachBlock(of: dataPath, blockBytes: blockBytes, model: model) {
        (x: Matrix, first: Bool) in
        stdout.write(text(x, model: model, output: output, header: first))
      }
    }
  }

  /// Calls `body` with the matrix of each block of `dataPath`, in order.
  ///
  /// - Returns: false when the file has no block at all (it is empty).
  private static func eachBlock(
    of dataPath: String, blockBytes: Int, model: LogisticModel,
    _ body: (Matrix, _ first: Bool) -> Void
  ) throws(CommandError) -> Bool {
    let blocks: CSVRecordBlocks
    do {
      blocks = try CSVRecordBlocks(path: dataPath, blockBytes: blockBytes)
    } catch {
      throw .data("\(printable(dataPath)): \(error.message)")
    }
    var first = true
    while true {
      let block: [UInt8]?
      do {
        block = try blocks.next()
      } catch {
        throw .data("\(printable(dataPath)): \(error.message)")
      }
      guard let block else { return !first }
      let x: Matrix
      do throws(CommandError) {
        x = try matrix(block, model: model, dataPath: dataPath)
      } catch {
        // The whole file's error, with its line numbers and its counts.
        _ = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
        throw error
      }
      body(x, first)
      first = false
    }
  }

  /// The model's features of the CSV text `bytes`, checked for rows whose
  /// probabilities are undefined.
  private static func matrix(
    _ bytes: [UInt8], model: LogisticModel, dataPath: String
  ) throws(CommandError) -> Matrix {
    let x: Matrix
    do {
      x = try Matrix(csv: bytes, file: printable(dataPath), encoding: model.encoding)
    } catch {
      throw .data(error.description)
    }
    try model.checkDefined(x, source: printable(dataPath))
    return x
  }

  /// The predictions of the rows of `x` as `predict` prints them, after
  /// the header line when `header` is set.
  private static func text(
    _ x: Matrix, model: LogisticModel, output: Output, header: Bool
  ) -> String {
    var text = ""
    if output.proba {
      let p = model.probabilities(unchecked: x)
      if output.json {
        let rows = (0..<p.rows).map { JSON.numbers(Array(p.row($0))) }
        return JSON.object([
          ("classes", .strings(model.classes)), ("probabilities", .array(rows)),
        ]).text + "\n"
      }
      if header { text += model.classes.map(csvField).joined(separator: ",") + "\n" }
      for i in 0..<p.rows {
        for (k, v) in p.row(i).enumerated() {
          if k > 0 { text += "," }
          text += "\(v)"
        }
        text += "\n"
      }
      return text
    }
    let predicted: [Int]
    if let threshold = output.threshold {
      let p = model.probabilities(unchecked: x)
      predicted = (0..<p.rows).map { p[$0, 1] >= threshold ? 1 : 0 }
    } else {
      predicted = model.predict(unchecked: x)
    }
    if output.json {
      return JSON.object([
        ("classes", .strings(model.classes)),
        ("predictions", .strings(predicted.map { model.classes[$0] })),
      ]).text + "\n"
    }
    if header { text += "prediction\n" }
    let fields = model.classes.map { csvField($0) + "\n" }
    for k in predicted { text += fields[k] }
    return text
  }

  /// A CSV field, quoted when it holds a separator, quote or line end.
  static func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return s
    }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}
