import Foundation
import Testing

@testable import FitlogitCLI

@Suite struct LossCommandTests {
  /// Seed 002's question, answered side by side: every number is
  /// docs/REFERENCE.md's (5.1416 keras2, 5.3727 keras3, 12.0146 sklearn, inf).
  @Test func seedExampleSideBySide() {
    let r = cli("loss", "--y-true", "1,1,1", "--y-pred", "1,1,0")
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(r.out == """
      y_true = [1 1 1]
      y_pred = [1 1 0]
      binary cross-entropy, mean over 3 samples:

        keras2  5.141649490132791    float32 5.1416497230529785
                tf.keras / TensorFlow 2: clips p to [1e-7, 1-1e-7], then adds 1e-7 inside each \
      log (log(p + 1e-7)); in float32 1-1e-7 rounds to 1-1.19e-7; clipped: samples 1, 2, 3
        keras3  5.37269861698611     float32 5.3726983070373535
                Keras 3: the same clipping to [1e-7, 1-1e-7] but plain logs, without the extra \
      1e-7; clipped: samples 1, 2, 3
        sklearn 12.014551129705717   float32 5.314128398895264
                scikit-learn log_loss: clips to [2.2e-16, 1-2.2e-16] (machine epsilon), so a \
      certain wrong prediction costs 36.04 instead of Keras' 16.12 (in float32 its epsilon is \
      1.19e-7); clipped: samples 1, 2, 3
        exact   inf                  float32 inf
                the textbook formula, no clipping: a probability of 0 for the true class costs \
      -log 0 = +inf; no sample clipped

      A hand-written formula that sums instead of averaging (np.dot over the wrong axis, \
      dividing by y.shape[1] = 1: the question "my formula gives 16.12, TensorFlow says \
      5.1416") gets 16.11809585 here: divide by the 3 samples to get \
      Keras 3's 5.3727; TensorFlow's keras2 value also adds 1e-7 inside each log.

      """)
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
    #expect(cat.out.contains("  keras2  1.201334275775514   float32 1.2013342380523682\n"))
    #expect(cat.out.contains("  sklearn 1.176939193690798   float32 1.1769392490386963\n"))
    let logits = cli("loss", "--y-true", "1,0,1", "--y-pred", "2,-1,-3", "--from-logits")
    #expect(logits.out.contains("  keras3  1.1629256833783126   float32 1.1629257202148438\n"))
    #expect(logits.out.contains("  sklearn n/a\n"))
  }

  @Test(arguments: [
    (["--y-true", "1,a", "--y-pred", "1,1"], 64,
      "'--y-true' expects comma-separated finite numbers (rows separated by ';'), found 'a' at item 2 (see 'fitlogit --help')"),
    (["--y-true", "1,,1", "--y-pred", "1,1,1"], 64,
      "'--y-true' expects comma-separated finite numbers (rows separated by ';'), found '' at item 2 (see 'fitlogit --help')"),
    (["--y-pred", "1"], 64, "missing --y-true LIST (see 'fitlogit --help')"),
    (["--y-true", "1", "--y-pred", "1", "--convention", "tf"], 64,
      "'--convention' must be one of exact, sklearn, keras2, keras3, found 'tf' (see 'fitlogit --help')"),
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
