import FitlogitCore
import FitlogitData
import Foundation
import Testing

@testable import FitlogitCLI

/// scikit-learn's fits from Tests/FitlogitCoreTests/Golden (make_golden.py).
private func sklearnCase(_ dataset: String, filePath: String = #filePath) -> [String: Any] {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("FitlogitCoreTests/Golden/sklearn_fits.json")
  let all = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  return (all["cases"] as! [[String: Any]]).first {
    $0["dataset"] as! String == dataset && ($0["options"] as! [String: Any]).isEmpty
  }!
}

/// A model file holding scikit-learn's own coefficients.
private func modelFile(_ c: [String: Any], features: [String], in dir: String) throws -> String {
  let model: [String: Any] = [
    "format": "fitlogit-model", "version": 1, "classes": c["classes"]!,
    "feature_names": features, "coef": c["coef"]!, "intercept": c["intercept"]!,
  ]
  let path = dir + "/model.json"
  try JSONSerialization.data(withJSONObject: model).write(to: URL(fileURLWithPath: path))
  return path
}

@Suite struct PredictCommandTests {
  /// predict_proba and predict reproduce scikit-learn's to 1e-12, for two
  /// string classes and for three (iris).
  @Test(arguments: [
    ("spam.csv", ["links", "caps"]),
    ("iris.csv", ["sepal_length", "sepal_width", "petal_length", "petal_width"]),
  ])
  func reproducesScikitLearn(dataset: String, features: [String]) throws {
    let c = sklearnCase(dataset)
    let model = try modelFile(c, features: features, in: temporaryDirectory())
    let r = cli("predict", model, dataFile(dataset), "--proba", "--json")
    #expect(r.status == 0)
    #expect(r.err == "")
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    #expect(json["classes"] as! [String] == c["classes"] as! [String])
    let p = json["probabilities"] as! [[Double]]
    let expected = c["predict_proba"] as! [[Double]]
    #expect(p.count == expected.count)
    for (row, want) in zip(p, expected) {
      for (a, b) in zip(row, want) { #expect(abs(a - b) <= 1e-12) }
    }
    let labels = cli("predict", model, dataFile(dataset))
    #expect(labels.out == "prediction\n" + (c["predict"] as! [String]).map { $0 + "\n" }.joined())
  }

  @Test func csvProbabilitiesHaveAHeaderOfClasses() throws {
    let c = sklearnCase("spam.csv")
    let model = try modelFile(c, features: ["links", "caps"], in: temporaryDirectory())
    let lines = cli("predict", model, dataFile("spam.csv"), "--proba").out.split(separator: "\n")
    #expect(lines.count == 61)
    #expect(lines[0] == "ham,spam")
    let first = lines[1].split(separator: ",").map { Double($0)! }
    #expect(abs(first[0] - (c["predict_proba"] as! [[Double]])[0][0]) <= 1e-15)
  }

  @Test func missingColumn() throws {
    let c = sklearnCase("spam.csv")
    let dir = temporaryDirectory()
    let model = try modelFile(c, features: ["links", "caps"], in: dir)
    let r = cli("predict", model, dataFile("points.csv"))
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err.hasSuffix(
      "points.csv:1:1: no column named \"links\", which the model needs; the columns are \"x\", \"y\"\n"))
  }

  @Test(arguments: [
    ("{", "not a JSON model file (byte 2: expected a key)"),
    ("[]", "not a fitlogit model file: expected an object, found an array of 0"),
    ("{\"format\": \"fitlogit-model\", \"version\": 1, \"classes\": [\"a\"]}",
      "\"classes\": expected at least 2 classes, found 1"),
    ("{\"format\": \"fitlogit-model\", \"version\": 1, \"classes\": [\"a\", \"b\"], "
      + "\"feature_names\": [\"x\"], \"coef\": [[1, 2]], \"intercept\": [0]}",
      "\"coef\"[0]: expected 1 number, found 2"),
    ("{\"format\": \"fitlogit-model\", \"version\": 1, \"classes\": [\"a\", \"b\"], "
      + "\"feature_names\": [\"x\"], \"coef\": [[1]], \"intercept\": []}",
      "\"intercept\": expected 1 number, found 0"),
    (String(repeating: "[", count: 100_000), "not a JSON model file (byte 65: nested too deeply)"),
  ])
  func badModelFiles(text: String, message: String) throws {
    let path = temporaryDirectory() + "/model.json"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let r = cli("predict", path, dataFile("points.csv"))
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(path): \(message)\n")
  }

  @Test func usage() {
    #expect(cli("predict").err
      == "fitlogit: error: missing MODEL.json (see 'fitlogit --help')\n")
    #expect(cli("predict", "m.json").status == 64)
    #expect(cli("predict", "m.json", "d.csv", "--probability").err
      == "fitlogit: error: unknown option '--probability' (see 'fitlogit --help')\n")
  }
}

/// `predict` on a regular file streams it in blocks of whole records; the
/// block size is the only difference between these runs, so every output
/// and every error must be the one the whole file gives.
@Suite struct PredictStreamTests {
  /// iris with scikit-learn's coefficients, and its CSV text with a quoted
  /// id column whose fields hold commas, quotes and line ends.
  private func irisWithQuotedIDs(in dir: String) throws -> (LogisticModel, String, [UInt8]) {
    let c = sklearnCase("iris.csv")
    let features = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    let path = try modelFile(c, features: features, in: dir)
    let model = try LogisticModel(json: Array(FileManager.default.contents(atPath: path)!))
    let lines = try String(contentsOfFile: dataFile("iris.csv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    var text = "\n\n\"id\n(quoted)\"," + lines[0] + "\n"
    for (i, line) in lines.dropFirst().enumerated() {
      text += (i % 3 == 0 ? "\"row \(i),\n\"\"\(i)\"\"\"" : "\(i)") + "," + line + "\n"
    }
    let data = dir + "/iris-ids.csv"
    try text.write(toFile: data, atomically: true, encoding: .utf8)
    return (model, data, Array(text.utf8))
  }

  private func run(
    _ model: LogisticModel, _ data: String, blockBytes: Int, proba: Bool = true,
    threshold: Double? = nil, held: Int = PredictCommand.heldOutputBytes
  ) -> (out: String, error: String?) {
    var out = ""
    do {
      try PredictCommand.predict(
        model, dataPath: data,
        output: .init(proba: proba, json: false, threshold: threshold),
        blockBytes: blockBytes, heldOutputBytes: held, stdout: &out)
      return (out, nil)
    } catch {
      return (out, error.message)
    }
  }

  @Test func blocksOfAnySizeWriteTheWholeFilesBytes() throws {
    let (model, data, _) = try irisWithQuotedIDs(in: temporaryDirectory())
    let whole = run(model, data, blockBytes: Int.max)
    #expect(whole.error == nil)
    #expect(whole.out.split(separator: "\n").count == 151)
    // scikit-learn's predict_proba for the first row, to the digit printed.
    let first = whole.out.split(separator: "\n")[1].split(separator: ",").map { Double($0)! }
    let expected = (sklearnCase("iris.csv")["predict_proba"] as! [[Double]])[0]
    for (a, b) in zip(first, expected) { #expect(abs(a - b) <= 1e-12) }
    for size in [1, 7, 64, 100, 1_000, 3_000] {
      #expect(run(model, data, blockBytes: size).out == whole.out, "blocks of \(size)")
      // Output past the held-back limit: the file is read a second time.
      #expect(run(model, data, blockBytes: size, held: 500).out == whole.out)
      #expect(
        run(model, data, blockBytes: size, proba: false).out
          == run(model, data, blockBytes: Int.max, proba: false).out)
    }
    #expect(
      cli("predict", try modelFile(sklearnCase("iris.csv"),
        features: ["sepal_length", "sepal_width", "petal_length", "petal_width"],
        in: temporaryDirectory()), data, "--proba").out == whole.out)
  }

  /// An error in a later block is the whole file's error (its line, its
  /// count of missing values over all rows), and no row is printed: the
  /// output is held back, or the file read twice, until every row is read.
  @Test(arguments: [
    ("5.1,3.5,abc", "iris-bad.csv:142:3: expected a number, found \"abc\""),
    ("5.1,3.5,", "iris-bad.csv: 2 rows have missing values (petal_length: 2); the model needs every value"),
  ])
  func laterBlockErrorIsTheWholeFilesError(cells: String, message: String) throws {
    let dir = temporaryDirectory()
    let c = sklearnCase("iris.csv")
    let path = try modelFile(
      c, features: ["sepal_length", "sepal_width", "petal_length", "petal_width"], in: dir)
    let model = try LogisticModel(json: Array(FileManager.default.contents(atPath: path)!))
    var lines = try String(contentsOfFile: dataFile("iris.csv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    lines[141] = lines[141].replacingOccurrences(
      of: lines[141].split(separator: ",").prefix(3).joined(separator: ","), with: cells)
    if cells.hasSuffix(",") { lines[5] = lines[141] }
    let data = dir + "/iris-bad.csv"
    try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
    let whole = run(model, data, blockBytes: Int.max)
    #expect(whole.out == "")
    #expect(whole.error?.hasSuffix(message) == true, "\(whole.error ?? "")")
    for held in [PredictCommand.heldOutputBytes, 100] {
      let streamed = run(model, data, blockBytes: 500, held: held)
      #expect(streamed.error == whole.error)
      #expect(streamed.out == "")
    }
  }

  /// The blocks are the file: the first as it starts, each later one the
  /// header record and whole records, never a quoted line end cut.
  @Test func blocksCutOnlyAtRecordEnds() throws {
    let (_, data, bytes) = try irisWithQuotedIDs(in: temporaryDirectory())
    let blocks = try CSVRecordBlocks(path: data, blockBytes: 50)
    let lines = try String(contentsOfFile: dataFile("iris.csv"), encoding: .utf8)
      .split(separator: "\n")
    let header = Array(("\n\n\"id\n(quoted)\"," + lines[0] + "\n").utf8)
    var joined: [UInt8] = []
    var count = 0
    while let block = try blocks.next() {
      #expect(Array(block.prefix(header.count)) == header)
      joined += count == 0 ? block : Array(block.dropFirst(header.count))
      #expect(block.last == 0x0A)
      #expect(block.filter { $0 == 0x22 }.count % 2 == 0)
      count += 1
    }
    #expect(count > 20)
    #expect(joined == bytes)
  }
}

@Suite struct SaveTests {
  /// --save writes a model that predict reads back, leaving no temporary
  /// file; a path that cannot be written fails with exit 1 and no file.
  @Test func saveAndPredictRoundTrip() throws {
    let dir = temporaryDirectory()
    let model = dir + "/model.json"
    let fit = cli(dataFile("points.csv"), "--save", model, "--json")
    #expect(fit.status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.json"])
    let saved = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: model))) as! [String: Any]
    #expect(saved["feature_names"] as! [String] == ["x"])
    #expect(saved["classes"] as! [String] == ["0", "1"])
    let report = try JSONSerialization.jsonObject(with: Data(fit.out.utf8)) as! [String: Any]
    #expect(saved["coef"] as! [[Double]] == report["coef"] as! [[Double]])
    let predicted = cli("predict", model, dataFile("points.csv"))
    #expect(predicted.out == "prediction\n0\n0\n0\n1\n1\n1\n1\n1\n1\n1\n")
  }

  @Test func saveIntoMissingDirectoryFails() throws {
    let dir = temporaryDirectory()
    let r = cli(dataFile("points.csv"), "--save", dir + "/no/such/dir/model.json")
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(dir)/no/such/dir/model.json: no such file or directory\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
  }
}
