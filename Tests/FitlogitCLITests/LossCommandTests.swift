import Foundation
import Testing

@testable import FitlogitCLI

@Suite struct LossCommandTests {
  /// The tokens of the side-by-side line for `name`: name, value,
  /// "float32", float32 value (Keras' float32-only classes: name, "float32",
  /// value).
  static func row(_ out: String, _ name: String) -> [String] {
    let line = out.split(separator: "\n").first { $0.hasPrefix("  \(name) ") } ?? ""
    return line.split(separator: " ").map(String.init)
  }

  /// The question "what would PyTorch say for y_true=[1,1,1],
  /// y_pred=[1,1,0]?", answered beside Keras and scikit-learn: every value
  /// is the framework's own (Golden/frameworks.json of the CrossEntropy
  /// tests, docs/REFERENCE.md).
  @Test func seedExampleSideBySide() {
    let r = cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0")
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(r.out.hasPrefix(
      "y_true = [1 1 1]\ny_pred = [1 1 0]\nbinary cross-entropy, mean over 3 samples:\n\n"
        + "clip at epsilon: p is moved into [eps, 1-eps] before the log (Keras: 1e-7; "
        + "scikit-learn: machine epsilon)\n"))
    let expected: [(String, String, String)] = [
      ("keras2", "5.141649490132791", "5.1416497230529785"),
      ("keras3", "5.37269861698611", "5.3726983070373535"),
      ("sklearn", "12.014551129705717", "5.314128398895264"),
      ("torch.BCELoss", "33.333333333333336", "33.33333206176758"),
      ("mlx.binary_cross_entropy", "33.33333333333333", "33.333335876464844"),
      ("exact", "inf", "inf"),
      ("torch.BCEWithLogitsLoss", "nan", "nan"),
      ("optax.sigmoid_binary_cross_entropy", "nan", "nan"),
    ]
    for (name, float64, float32) in expected {
      #expect(Self.row(r.out, name) == [name, float64, "float32", float32], "\(name)")
    }
    #expect(Self.row(r.out, "keras.metrics.BinaryCrossentropy")
      == ["keras.metrics.BinaryCrossentropy", "float32", "5.3726983070373535"])
    // Four families, in this order, each heading once.
    let headings = r.out.split(separator: "\n").filter {
      !$0.hasPrefix(" ") && !$0.hasPrefix("A ") && $0.contains(": ")
    }
      .map { String($0.prefix { $0 != ":" }) }
    #expect(headings == [
      "clip at epsilon", "clamp the log at -100", "no clipping",
    ])
    #expect(r.out.contains(
      "      torch.nn.BCELoss: each log clamped at -100, so a certain wrong prediction costs 100; "
        + "clipped: sample 3\n"))
    #expect(r.out.contains(
      "      NaN, as the framework gives: a probability of 0 or 1 is a logit of -inf or +inf, "
        + "and the formula multiplies it by a label term of 0 (0*inf); pass finite logits\n"))
    #expect(r.out.contains("since TensorFlow 2.16 tf.keras is Keras 3"))
    #expect(r.out.hasSuffix(
      "A hand-written formula that sums instead of averaging (np.dot over the wrong axis, "
        + "dividing by y.shape[1] = 1: the question \"my formula gives 16.12, TensorFlow says "
        + "5.1416\") gets 16.11809585 here: divide by the 3 samples to get Keras 3's 5.3727; "
        + "the 5.1416 is tf.keras of TensorFlow <= 2.15 (keras2), which also adds 1e-7 inside "
        + "each log.\n"))
  }

  /// The explanation mentions clipping only when something was clipped.
  @Test func noClippingNoteWhenNothingIsClipped() {
    let r = cli("loss", "--y-true", "1,0", "--y-pred", "0.9,0.2")
    #expect(r.status == 0)
    #expect(!r.out.contains("clipped"))
  }

  @Test(arguments: [
    ("keras2", 5.141649490132791, 1e-12), ("keras3", 5.37269861698611, 1e-12),
    ("sklearn", 12.014551129705717, 1e-12),
  ])
  func jsonPerConvention(convention: String, loss: Double, tolerance: Double) throws {
    let r = cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", convention, "--json")
    #expect(r.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    #expect(abs((json["loss"] as! Double) - loss) <= tolerance)
    #expect(json["convention"] as? String == convention)
    #expect(json["reduction"] as? String == "mean")
  }

  @Test func exactJSONIsInfAsAString() {
    let r = cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "exact", "--json")
    #expect(r.out == "{\"loss\": \"inf\", \"convention\": \"exact\", \"reduction\": \"mean\", "
      + "\"precision\": \"float64\", \"clipped\": []}\n")
  }

  @Test func float32PrintsKerasDigits() {
    #expect(cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "keras2",
      "--precision", "float32").out == "5.1416497230529785\n")
    #expect(cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "keras3",
      "--label-smoothing", "0.1", "--precision", "float32").out == "5.635476589202881\n")
  }

  @Test func reductionsAndWeights() throws {
    #expect(cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0", "--convention", "keras2",
      "--reduction", "sum").out == "15.424948470398375\n")
    let none = cli("loss", "--y-true", "0,1,0;0,0,1", "--y-pred", "0.05,0.95,0.05;0.1,0.8,0.1",
      "--convention", "keras3", "--reduction", "none", "--json")
    let json = try JSONSerialization.jsonObject(with: Data(none.out.utf8)) as! [String: Any]
    let losses = json["losses"] as! [Double]
    #expect(abs(losses[0] - 0.10008346) < 1e-8 && abs(losses[1] - 2.3025851) < 1e-7)
    // scikit-learn's weighted mean: Σ wℓ / Σ w; Keras divides by n.
    let weighted = cli("loss", "--y-true", "1,0", "--y-pred", "0.8,0.4", "--sample-weight", "3,1",
      "--convention", "sklearn")
    let expected = (3 * -log(0.8) + -log(0.6)) / 4
    #expect(abs(Double(weighted.out.dropLast())! - expected) < 1e-15)
  }

  @Test func categoricalAndLogits() {
    let cat = cli("loss", "--y-true", "0,1,0;0,0,1", "--y-pred", "0.05,0.95,0.05;0.1,0.8,0.1")
    #expect(Self.row(cat.out, "keras2") == ["keras2", "1.201334275775514", "float32", "1.2013342380523682"])
    #expect(Self.row(cat.out, "sklearn") == ["sklearn", "1.176939193690798", "float32", "1.1769392490386963"])
    #expect(Self.row(cat.out, "torch.CrossEntropyLoss")
      == ["torch.CrossEntropyLoss", "1.2013342757755139", "float32", "1.2013343572616577"])
    #expect(Self.row(cat.out, "torch.NLLLoss")
      == ["torch.NLLLoss", "1.176939193690798", "float32", "1.1769392490386963"])
    // The forums' mistake, probabilities as CrossEntropyLoss logits: 0.99239.
    #expect(Self.row(cat.out, "torch.CrossEntropyLoss(probabilities)")
      == ["torch.CrossEntropyLoss(probabilities)", "0.9923932072563216", "float32",
        "0.9923932552337646"])
    #expect(cat.err == "fitlogit: warning: as scikit-learn's log_loss warns, the y_pred values "
      + "do not sum to one (row 1 sums to 1.05): make sure to pass probabilities; Keras divides "
      + "each row by its sum, scikit-learn does not\n")
    let logits = cli("loss", "--y-true", "1,0,1", "--y-pred", "2,-1,-3", "--from-logits")
    #expect(Self.row(logits.out, "keras3") == ["keras3", "1.1629256833783126", "float32", "1.1629257202148438"])
    #expect(logits.out.contains("  sklearn: scikit-learn's log_loss takes probabilities, not logits\n"))
  }

  @Test(arguments: [
    (["--y-true", "1,a", "--y-pred", "1,1"], 64,
      "'--y-true' expects comma-separated finite numbers (rows separated by ';'), found 'a' at item 2 (see 'fitlogit --help')"),
    (["--y-true", "1,,1", "--y-pred", "1,1,1"], 64,
      "'--y-true' expects comma-separated finite numbers (rows separated by ';'), found '' at item 2 (see 'fitlogit --help')"),
    (["--y-pred", "1"], 64, "missing --y-true LIST (see 'fitlogit --help')"),
    (["--y-true", "1", "--y-pred", "1", "--convention", "tf"], 64,
      "'--convention' must be keras2, keras3, sklearn, exact or a framework's loss name such as torch.BCELoss (see 'fitlogit loss --help'), found 'tf'"),
    (["--y-true", "1", "--y-pred", "1", "--label-smoothing", "2"], 64,
      "'--label-smoothing' must be in [0, 1], found '2' (see 'fitlogit --help')"),
    (["--y-true", "1,1", "--y-pred", "1,1,0"], 1, "--y-true has 2 values but --y-pred has 3"),
    (["--y-true", "1,1", "--y-pred", "1,1.5"], 1,
      "y_pred value 1.5 (item 2) is not a probability in [0, 1]; pass logits with --from-logits"),
    (["--y-true", "1,0;0,1", "--y-pred", "1,0;0,1,0"], 1,
      "row 2 has 2 targets and 3 predictions; every row needs 2"),
    (["--y-true", "1,0", "--y-pred", "0.5,0.5", "--convention", "sklearn", "--from-logits"], 1,
      "scikit-learn's log_loss takes probabilities, not logits"),
  ])
  func errors(arguments: [String], status: Int32, message: String) {
    var out = ""
    var err = ""
    let s = FitlogitCLI.run(["loss"] + arguments, stdout: &out, stderr: &err)
    #expect(s == status)
    #expect(out == "")
    #expect(err == "fitlogit: error: \(message)\n")
  }
}
