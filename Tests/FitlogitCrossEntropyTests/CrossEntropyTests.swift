import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCrossEntropy

private let seedTrue: [Double] = [1, 1, 1]
private let seedPred: [Double] = [1, 1, 0]

private func binary<T: LossFloat>(
  _ t: [Double], _ p: [Double], _ type: T.Type, _ options: LossOptions
) throws -> LossResult<T> {
  try binaryCrossEntropy(yTrue: t.map { T($0) }, yPred: p.map { T($0) }, options: options)
}

@Suite struct ReferenceTableTests {
  /// docs/REFERENCE.md, binary, y_true [1, 1, 1], y_pred [1, 1, 0]: float64 to
  /// 1e-9 and Keras' float32 digits exactly.
  @Test(arguments: [
    (Convention.keras2, Reduction.mean, 5.141649490132791, 5.1416497230529785 as Double?),
    (.keras2, .sum, 15.424948470398375, nil),
    (.keras3, .mean, 5.37269861698611, 5.3726983070373535),
    (.sklearn, .mean, 12.014551129705717, nil),
  ])
  func binarySeedExample(
    convention: Convention, reduction: Reduction, float64: Double, float32: Double?
  ) throws {
    let o = LossOptions(convention: convention, reduction: reduction)
    #expect(abs(try binary(seedTrue, seedPred, Double.self, o).value - float64) <= 1e-9)
    if let float32 {
      #expect(Double(try binary(seedTrue, seedPred, Float.self, o).value) == float32)
    }
  }

  @Test func exactIsInfinite() throws {
    let r = try binary(seedTrue, seedPred, Double.self, LossOptions(convention: .exact))
    #expect(r.value == .infinity)
    #expect(r.clipped.isEmpty)
  }

  /// Seed 000's own example, [1, 0, 1] against [0, 0, 1].
  @Test func seed000Example() throws {
    let r = try binary([1, 0, 1], [0, 0, 1], Double.self, LossOptions(convention: .keras2))
    #expect(abs(r.value - 5.14164949) < 1e-8)
  }

  @Test func kerasLabelSmoothingFloat32() throws {
    let o = LossOptions(convention: .keras3, labelSmoothing: 0.1)
    #expect(Double(try binary(seedTrue, seedPred, Float.self, o).value) == 5.635476589202881)
  }

  @Test func logits() throws {
    let o = LossOptions(convention: .keras3, fromLogits: true)
    #expect(abs(try binary([1, 0, 1], [2, -1, -3], Double.self, o).value - 1.1629256833783124) <= 1e-9)
    #expect(Double(try binary([1, 0, 1], [2, -1, -3], Float.self, o).value) == 1.1629257202148438)
  }

  /// Seed 001: rows that do not sum to 1. Keras renormalizes, scikit-learn
  /// and the hand computation do not.
  @Test func categoricalSeed001() throws {
    let t: [[Double]] = [[0, 1, 0], [0, 0, 1]]
    let p: [[Double]] = [[0.05, 0.95, 0.05], [0.1, 0.8, 0.1]]
    for c in [Convention.exact, .sklearn] {
      let r = try categoricalCrossEntropy(yTrue: t, yPred: p, options: LossOptions(convention: c))
      #expect(abs(r.value - 1.176939193690798) <= 1e-9)
    }
    for c in [Convention.keras2, .keras3] {
      let o = LossOptions(convention: c)
      let r = try categoricalCrossEntropy(yTrue: t, yPred: p, options: o)
      #expect(abs(r.value - 1.201334275775514) <= 1e-9)
      #expect(abs(r.losses[0] - 0.10008346) < 1e-8 && abs(r.losses[1] - 2.3025851) < 1e-7)
      let f = try categoricalCrossEntropy(
        yTrue: t.map { $0.map(Float.init) }, yPred: p.map { $0.map(Float.init) }, options: o)
      #expect(Double(f.value) == 1.2013342380523682)
    }
  }

  /// scikit-learn's documentation example, with string labels.
  @Test func sklearnDocsExample() throws {
    let v = try logLoss(
      ["spam", "ham", "ham", "spam"], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]])
    #expect(abs(v - 0.21616187468057912) <= 1e-12)
  }

  @Test func sklearnNeedsTwoLabels() {
    #expect(throws: CrossEntropyError(
      "y_true contains only one label (1.0); give the true labels explicitly through labels")
    ) {
      try logLoss([1.0, 1.0, 1.0], [[1], [1], [0]])
    }
    #expect(
      abs(((try? logLoss([1.0, 1, 1], [[1], [1], [0]], labels: [0, 1])) ?? 0)
        - 12.014551129705717) <= 1e-9)
  }

  /// from_logits at the margins where naive formulas overflow.
  @Test(arguments: [(1e20, 0.0, 1e20), (-1e20, 1.0, 1e20), (-37.5, 0.0, 5.1755550058018684e-17),
    (-37.0, 0.0, 8.533047625744065e-17), (0.0, 1.0, 0.6931471805599453),
    (37.0, 1.0, 8.533047625744065e-17), (37.0, 0.0, 37.0)])
  func logitsAtExtremeMargins(margin: Double, label: Double, loss: Double) throws {
    let r = try binary([label], [margin], Double.self, LossOptions(convention: .exact, fromLogits: true))
    #expect(r.value.isFinite)
    #expect(abs(r.value - loss) <= 1e-15 * max(1, loss))
  }
}

@Suite struct InformationTheoryTests {
  /// The article's labels: 3 red, 7 green (docs/REFERENCE.md).
  @Test func articleEntropy() {
    #expect(abs(entropy([0.3, 0.7]) - 0.6108643020548935) <= 1e-15)
    #expect(abs(entropy([0.3, 0.7], unit: .bits) - 0.8812908992306927) <= 1e-15)
    #expect(entropy([0, 1]) == 0)
    #expect(abs(entropy([0.5, 0.5], unit: .bits) - 1) <= 1e-15)
  }

  @Test func crossEntropyIsEntropyPlusKL() {
    var rng = SplitMix64(seed: 9)
    for _ in 0..<100 {
      var q = (0..<5).map { _ in Double(rng.next() % 1000) / 1000 }
      var p = (0..<5).map { _ in Double(rng.next() % 1000 + 1) / 1000 }
      let sq = q.reduce(0, +)
      let sp = p.reduce(0, +)
      if sq == 0 { continue }
      q = q.map { $0 / sq }
      p = p.map { $0 / sp }
      for unit in [InformationUnit.nats, .bits] {
        let lhs = crossEntropy(q, p, unit: unit)
        let rhs = entropy(q, unit: unit) + klDivergence(q, p, unit: unit)
        #expect(abs(lhs - rhs) <= 1e-12)
        #expect(klDivergence(q, p, unit: unit) >= 0)
      }
    }
    #expect(crossEntropy([0.5, 0.5], [1, 0]) == .infinity)
  }
}

@Suite struct ErrorTests {
  @Test(arguments: [
    ([1.0, 1], [1.0, 1, 0], "y_true has 2 samples but y_pred has 3"),
    ([], [], "y_true is empty"),
    ([1.0, 1], [1.0, 1.5], "y_pred value 1.5 (item 2) is not a probability in [0, 1]; pass logits with from_logits"),
    ([1.0, 2], [1.0, 0.5], "y_true value 2.0 (item 2) is not a probability in [0, 1]"),
  ])
  func binaryErrors(t: [Double], p: [Double], message: String) {
    #expect(throws: CrossEntropyError(message)) {
      try binaryCrossEntropy(yTrue: t, yPred: p, options: LossOptions(convention: .keras3))
    }
  }

  @Test func rowsOfDifferentWidths() {
    #expect(throws: CrossEntropyError("row 2 has 2 targets and 3 predictions; every row needs 2")) {
      try categoricalCrossEntropy(
        yTrue: [[1, 0], [0, 1]], yPred: [[1, 0], [0, 1, 0]], options: LossOptions(convention: .exact))
    }
  }

  @Test func sklearnRefusesLogits() {
    #expect(throws: CrossEntropyError("scikit-learn's log_loss takes probabilities, not logits")) {
      try binaryCrossEntropy(
        yTrue: [1.0], yPred: [2.0], options: LossOptions(convention: .sklearn, fromLogits: true))
    }
  }
}

/// Every case of Tests/FitlogitCrossEntropyTests/Golden/losses.json (written by
/// scripts/make_loss_golden.py from Keras 3 and scikit-learn).
@Suite struct GoldenTests {
  nonisolated(unsafe) static let cases: [[String: Any]] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/losses.json")
    let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    return json["cases"] as! [[String: Any]]
  }()

  @Test func everyCase() throws {
    #expect(Self.cases.count == 16)
    for c in Self.cases {
      let categorical = c["kind"] as! String == "categorical"
      let reduction = Reduction(rawValue: c["reduction"] as! String)!
      let t: [[Double]] =
        categorical ? c["y_true"] as! [[Double]] : (c["y_true"] as! [Double]).map { [$0] }
      let p: [[Double]] =
        categorical ? c["y_pred"] as! [[Double]] : (c["y_pred"] as! [Double]).map { [$0] }
      var o = LossOptions(
        convention: .keras3, fromLogits: c["from_logits"] as! Bool,
        labelSmoothing: c["label_smoothing"] as! Double, reduction: reduction,
        sampleWeights: c["sample_weight"] as? [Double])
      let (_, f32) = try lossInBothPrecisions(t, p, categorical, o)
      // Keras' float32 digits, to 3 float32 ulps: numpy's and JAX's float32
      // log and exp round differently from glibc's logf and expf.
      if reduction == .none {
        let expected = c["keras3_float32"] as! [Double]
        for (a, b) in zip(f32.losses, expected) {
          #expect(abs(Double(a) - b) <= 4e-7 * abs(b), "\(c["kind"]!) none")
        }
      } else {
        let expected = c["keras3_float32"] as! Double
        #expect(abs(Double(f32.value) - expected) <= 4e-7 * max(1, abs(expected)),
          "\(c["kind"]!) \(reduction) keras3 float32")
      }
      if let sklearn = c["sklearn"] as? Double {
        o.convention = .sklearn
        o.labelSmoothing = 0
        let (f64, _) = try lossInBothPrecisions(t, p, categorical, o)
        #expect(abs(f64.value - sklearn) <= 1e-9 * max(1, sklearn), "\(c["kind"]!) sklearn")
      }
    }
  }
}
