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
    let (modelPath, dataPath) = (parsed.positionals[0], parsed.positionals[1])

    let modelBytes = try FileSystem.contents(of: modelPath)
    let model: LogisticModel
    do {
      model = try LogisticModel(json: modelBytes)
    } catch {
      throw .data("\(printable(modelPath)): \(error.message)")
    }
    try ScoreCommand.checkThreshold(threshold, classCount: model.classes.count)
    let output = Output(proba: proba, json: json, threshold: threshold)
    try predict(
      model, dataPath: dataPath, output: output, blockBytes: blockBytes, stdout: &stdout)
  }

  /// Bytes of CSV per block when a regular file is streamed: a few times
  /// the size at which the chunked parser turns parallel, small beside a
  /// large file and its matrix.
  static let blockBytes = 16 << 20

  /// What `predict` prints.
  struct Output {
    var proba: Bool
    var json: Bool
    var threshold: Double?
  }

  /// Reads the rows of `dataPath` and prints their predictions.
  ///
  /// A regular file is streamed for CSV output: read in blocks of whole
  /// records (``CSVRecordBlocks``), each parsed, predicted and written
  /// before the next is read, so memory stays at about one block and its
  /// matrix whatever the file's size, and the output is byte for byte what
  /// one pass over the whole file writes. A block with any error sends the
  /// command back to the whole file, so the message (a line number, a count
  /// of missing values over every row) is the one the whole file gives;
  /// the rows of earlier blocks are then already written. Standard input,
  /// a pipe and `--json` are read whole, and a gzip file is one block.
  static func predict(
    _ model: LogisticModel, dataPath: String, output: Output, blockBytes: Int,
    stdout: inout some TextOutputStream
  ) throws(CommandError) {
    let kind = try? inputFileKind(dataPath)
    guard dataPath != "-", !output.json, kind?.regular == true,
      let blocks = try? CSVRecordBlocks(path: dataPath, blockBytes: blockBytes)
    else {
      let x = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
      try write(x, model: model, output: output, header: true, stdout: &stdout)
      return
    }
    var first = true
    while true {
      let block: [UInt8]?
      do {
        block = try blocks.next()
      } catch {
        throw .data("\(printable(dataPath)): \(error.message)")
      }
      guard let block else { break }
      let x: Matrix
      do throws(CommandError) {
        x = try matrix(block, model: model, dataPath: dataPath)
      } catch {
        // The whole file's error, with its line numbers and its counts.
        _ = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
        throw error
      }
      try write(x, model: model, output: output, header: first, stdout: &stdout)
      first = false
    }
    if first {
      // An empty file: the whole-file path says what is wrong with it.
      let x = try matrix(FileSystem.contents(of: dataPath), model: model, dataPath: dataPath)
      try write(x, model: model, output: output, header: true, stdout: &stdout)
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

  /// Prints the predictions of the rows of `x`, after the header line
  /// when `header` is set.
  private static func write(
    _ x: Matrix, model: LogisticModel, output: Output, header: Bool,
    stdout: inout some TextOutputStream
  ) throws(CommandError) {
    if output.proba {
      let p = model.probabilities(unchecked: x)
      if output.json {
        let rows = (0..<p.rows).map { JSON.numbers(Array(p.row($0))) }
        stdout.write(JSON.object([
          ("classes", .strings(model.classes)), ("probabilities", .array(rows)),
        ]).text + "\n")
      } else {
        if header { stdout.write(model.classes.map(csvField).joined(separator: ",") + "\n") }
        var text = ""
        for i in 0..<p.rows {
          for (k, v) in p.row(i).enumerated() {
            if k > 0 { text += "," }
            text += "\(v)"
          }
          text += "\n"
          if text.utf8.count >= 1 << 16 {
            stdout.write(text)
            text = ""
          }
        }
        stdout.write(text)
      }
    } else {
      let predicted: [Int]
      if let threshold = output.threshold {
        let p = model.probabilities(unchecked: x)
        predicted = (0..<p.rows).map { p[$0, 1] >= threshold ? 1 : 0 }
      } else {
        predicted = model.predict(unchecked: x)
      }
      let labels = predicted.map { model.classes[$0] }
      if output.json {
        stdout.write(JSON.object([
          ("classes", .strings(model.classes)), ("predictions", .strings(labels)),
        ]).text + "\n")
      } else {
        if header { stdout.write("prediction\n") }
        let fields = model.classes.map { csvField($0) + "\n" }
        var text = ""
        for k in predicted {
          text += fields[k]
          if text.utf8.count >= 1 << 16 {
            stdout.write(text)
            text = ""
          }
        }
        stdout.write(text)
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
