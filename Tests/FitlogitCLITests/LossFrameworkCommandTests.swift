import Foundation
import Testing

@testable import FitlogitCLI

/// `fitlogit loss` with the frameworks' names, and over files and pipes.
/// Expected values are the frameworks' own (PyTorch 2.15, MLX 0.32, optax
/// 0.2.8, Keras 3.15: Tests/FitlogitCrossEntropyTests/Golden/frameworks.json).
@Suite struct LossFrameworkCommandTests {
  static let catTrue = "0,1,0;0,0,1"
  static let catPred = "0.05,0.95,0.05;0.1,0.8,0.1"

  @Test(arguments: [
    (["--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "torch.BCELoss"],
      "33.333333333333336"),
    (["--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "torch.nn.BCELoss",
      "--precision", "float32"], "33.33333206176758"),
    (["--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "mlx.binary_cross_entropy",
      "--precision", "float32"], "33.333335876464844"),
    (["--y-true", catTrue, "--y-pred", catPred, "--convention", "torch.CrossEntropyLoss",
      "--class-weight", "1,2,3"], "1.4215844392192203"),
    (["--y-true", catTrue, "--y-pred", catPred, "--convention", "torch.CrossEntropyLoss",
      "--label-smoothing", "0.1", "--precision", "float32"], "1.2648248672485352"),
    (["--y-true", catTrue, "--y-pred", catPred, "--convention", "torch.NLLLoss"],
      "1.176939193690798"),
    // Class indices beside categorical rows, one of them ignored.
    (["--y-true", "1,2,-100", "--y-pred", catPred + ";0.2,0.3,0.5", "--convention",
      "torch.CrossEntropyLoss", "--ignore-index", "-100"], "1.2013342757755139"),
    (["--y-true", "1,2,-100", "--y-pred", catPred + ";0.2,0.3,0.5", "--convention",
      "keras.losses.SparseCategoricalCrossentropy", "--ignore-index", "-100"],
      "1.2013342380523682"),
    (["--y-true", catTrue, "--y-pred", catPred, "--convention",
      "keras.losses.CategoricalFocalCrossentropy"], "0.2332502007484436"),
    (["--y-true", "1,0,1", "--y-pred", "2,-1,-3", "--from-logits", "--convention",
      "optax.sigmoid_binary_cross_entropy"], "1.1629256833783124"),
  ])
  func frameworkConvention(arguments: [String], expected: String) {
    let r = cli(["loss"] + arguments)
    #expect(r.status == 0)
    // float64 to 4e-15 relative (libm's log against PyTorch's and XLA's);
    // float32 to one float32 ulp (2^-23), for the same reason.
    let got = Double(r.out.dropLast()) ?? .nan
    let want = Double(expected)!
    let tolerance = arguments.contains("float32") ? 0x1p-23 : 4e-15
    #expect(abs(got - want) <= tolerance * abs(want), "\(r.out) \(r.err)")
    #expect(r.err == "")
  }

  /// Keras' own weighted-metric test: rows of two outputs [[1,0],[1,0]]
  /// against [[1,1],[1,0]], sample weights 1.5 and 2, expects 3.41622
  /// (Keras 3.15 prints 3.4162254333496094). Each output is a binary sample
  /// here, its row's weight repeated: Σ wℓ / Σ w is the same mean.
  @Test func kerasWeightedMetricTest() {
    let r = cli(
      "loss", "--y-true", "1,0,1,0", "--y-pred", "1,1,1,0", "--sample-weight", "1.5,1.5,2,2",
      "--convention", "keras.metrics.BinaryCrossentropy")
    #expect(r.out == "3.4162254333496094\n")
  }

  /// `0,1,0;` and `--categorical` make one categorical row, not three
  /// binary samples.
  @Test func oneCategoricalRow() {
    let semicolon = cli(
      "loss", "--y-true", "0,1,0;", "--y-pred", "0.05,0.95,0.05;", "--convention", "keras3")
    let flag = cli(
      "loss", "--y-true", "0,1,0", "--y-pred", "0.05,0.95,0.05", "--categorical",
      "--convention", "keras3")
    let index = cli(
      "loss", "--y-true", "1", "--y-pred", "0.05,0.95,0.05", "--categorical",
      "--convention", "keras3")
    // −log(0.95 / 1.05), Keras renormalizing the row.
    let expected = -Foundation.log(0.95 / 1.05)
    for r in [semicolon, flag, index] {
      #expect(r.status == 0, "\(r.err)")
      #expect(abs((Double(r.out.dropLast()) ?? .nan) - expected) <= 1e-15)
    }
  }

  /// `--json` without a convention lists every framework's loss that takes
  /// binary input, with its family.
  @Test func jsonListsEveryConvention() throws {
    let r = cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0", "--json")
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    let rows = json["conventions"] as! [[String: Any]]
    #expect(rows.map { $0["convention"] as! String } == [
      "keras2", "keras3", "sklearn", "exact", "torch.BCELoss", "torch.BCEWithLogitsLoss",
      "optax.sigmoid_binary_cross_entropy", "optax.sigmoid_focal_loss",
      "mlx.binary_cross_entropy", "keras.losses.BinaryFocalCrossentropy",
      "keras.metrics.BinaryCrossentropy",
    ])
    let torch = rows.first { $0["convention"] as? String == "torch.BCELoss" }!
    #expect(torch["loss"] as? Double == 33.333333333333336)
    #expect(torch["family"] as? String == "clamp the log at -100")
    #expect(rows.first { $0["convention"] as? String == "torch.BCEWithLogitsLoss" }?["loss"]
      as? String == "nan")
  }

  // MARK: - Files and pipes

  static func file(_ text: String) -> String {
    let path = temporaryDirectory() + "/p.csv"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  @Test func binaryColumnsWithWeights() {
    let path = Self.file("id,y,p,w\na,1,0.8,3\nb,0,0.4,1\n")
    let r = cli(
      "loss", path, "--y-true", "y", "--y-pred", "p", "--sample-weight", "w",
      "--convention", "sklearn")
    #expect(r.status == 0)
    // scikit-learn's weighted mean, Σ wℓ / Σ w.
    let expected = (3 * -Foundation.log(0.8) + -Foundation.log(0.6)) / 4
    #expect(abs((Double(r.out.dropLast()) ?? .nan) - expected) <= 1e-15)
  }

  /// Many blocks (the reader's blocks hold 32768 rows) give the mean of the
  /// whole file: 100,000 rows of p = 0.25 for y = 1 is −log 0.25 however
  /// the blocks fall; half of them with y = 0, −(log .25 + log .75)/2.
  @Test func manyBlocks() {
    var text = "y,p\n"
    for i in 0..<100_000 { text += i % 2 == 0 ? "1,0.25\n" : "0,0.25\n" }
    let path = Self.file(text)
    let r = cli("loss", path, "--y-true", "y", "--y-pred", "p", "--convention", "exact")
    let expected = -(Foundation.log(0.25) + Foundation.log(0.75)) / 2
    // 1e-12: 100,000 terms summed one after another, rounding growing with n.
    #expect(abs((Double(r.out.dropLast()) ?? .nan) - expected) <= 1e-12)
    let side = cli("loss", path, "--y-true", "y", "--y-pred", "p")
    #expect(side.out.hasPrefix("100000 samples from \(path): y_true y, y_pred p\n"))
  }

  @Test func categoricalColumnsByPrefixAndClassIndex() {
    let path = Self.file("y,p_0,p_1,p_2\n1,0.05,0.95,0.05\n2,0.1,0.8,0.1\n")
    let r = cli(
      "loss", path, "--y-true", "y", "--y-pred-prefix", "p_", "--convention", "torch.NLLLoss")
    #expect(r.out == "1.176939193690798\n")
    let oneHot = Self.file("a,b,c,p0,p1,p2\n0,1,0,0.05,0.95,0.05\n0,0,1,0.1,0.8,0.1\n")
    let torch = cli(
      "loss", oneHot, "--y-true", "a,b,c", "--y-pred", "p0,p1,p2", "--convention",
      "torch.CrossEntropyLoss")
    #expect(abs((Double(torch.out.dropLast()) ?? .nan) - 1.2013342757755139) <= 4e-15)
    #expect(torch.err == "")
  }

  /// `-` reads standard input (here a file put in place of descriptor 0).
  @Test func standardInput() {
    let path = Self.file("y,p\n1,1\n1,1\n1,0\n")
    let saved = dup(0)
    let fd = open(path, O_RDONLY)
    dup2(fd, 0)
    let r = cli("loss", "-", "--y-true", "y", "--y-pred", "p", "--convention", "torch.BCELoss")
    dup2(saved, 0)
    close(fd)
    close(saved)
    #expect(r.out == "33.333333333333336\n")
  }

  @Test func perSampleLossesStream() {
    let path = Self.file("y,p\n1,1\n1,0\n")
    let r = cli(
      "loss", path, "--y-true", "y", "--y-pred", "p", "--convention", "torch.BCELoss",
      "--reduction", "none")
    #expect(r.out == "-0.0\n100.0\n")
  }

  @Test(arguments: [
    ("y,p\n1,0.5\n1,1.5\n", ["--y-true", "y", "--y-pred", "p"], 1,
      "FILE:3:2: y_pred value 1.5 is not a probability in [0, 1]; pass logits with --from-logits"),
    ("y,p\n1,0.5\n2,0.5\n", ["--y-true", "y", "--y-pred", "p"], 1,
      "FILE:3:1: y_true value 2 is not a probability in [0, 1]"),
    ("y,p\n1,abc\n", ["--y-true", "y", "--y-pred", "p"], 1,
      "FILE:2:2: expected a number, found \"abc\""),
    ("y,p\n1,0.5,3\n", ["--y-true", "y", "--y-pred", "p"], 1,
      "FILE:2:3: expected 2 fields as in the header, found 3"),
    ("y,p\n1,0.5\n", ["--y-true", "y", "--y-pred", "q"], 1,
      "FILE:1:1: no column named \"q\" for --y-pred; the columns are \"y\", \"p\""),
    ("y,p\n", ["--y-true", "y", "--y-pred", "p"], 1, "FILE:2:1: no data rows after the header"),
    ("", ["--y-true", "y", "--y-pred", "p"], 1, "FILE:1:1: the file is empty"),
    ("y,a,b\n3,0.5,0.5\n", ["--y-true", "y", "--y-pred", "a,b"], 1,
      "FILE:2:1: y_true class index 3 is not in 0..<2"),
    ("y,p\n1,0.5\n", ["--y-true", "y"], 64, "missing --y-pred COL (or --y-pred-prefix P)"),
    ("y,p\n1,0.5\n", ["--y-true", "y", "--y-pred", "p", "--reduction", "none"], 64,
      "'--reduction none' with FILE.csv prints one loss per row: choose it with --convention"),
  ])
  func fileErrors(text: String, arguments: [String], status: Int32, message: String) {
    let path = Self.file(text)
    let r = cli(["loss", path] + arguments)
    #expect(r.status == status)
    #expect(r.out == "")
    let shown = message.replacing("FILE:", with: path + ":")
    #expect(r.err == "fitlogit: error: \(shown)\(status == 64 ? " (see 'fitlogit --help')" : "")\n")
  }

  @Test func argumentAFrameworkDoesNotTake() {
    let r = cli(
      "loss", "--y-true", "1,0", "--y-pred", "0.5,0.5", "--convention", "torch.BCELoss",
      "--pos-weight", "2")
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: torch.BCELoss has no pos_weight (torch.BCEWithLogitsLoss does)\n")
  }
}

/// `cli` with an array.
func cli(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
  var out = ""
  var err = ""
  let status = FitlogitCLI.run(arguments, stdout: &out, stderr: &err)
  return (status, out, err)
}
