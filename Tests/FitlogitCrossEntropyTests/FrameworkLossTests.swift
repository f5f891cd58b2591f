import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCrossEntropy

/// Every case of Golden/frameworks.json (scripts/make_framework_loss_golden.py:
/// PyTorch, optax, MLX and Keras 3 themselves) against FrameworkLoss.
@Suite struct FrameworkGoldenTests {
  nonisolated(unsafe) static let file = golden("frameworks.json")
  static var cases: [[String: Any]] { file["cases"] as! [[String: Any]] }

  /// "nan", "inf", "-inf" or a number.
  static func number(_ v: Any) -> Double {
    switch v as? String {
    case "nan": .nan
    case "inf": .infinity
    case "-inf": -.infinity
    default: v as! Double
    }
  }

  /// Equal as IEEE specials; otherwise within `relative` of each other.
  /// float64: 2e-15 (measured: 5.6e-16), for libm's log and exp against
  /// PyTorch's and XLA's vectorized ones and another summation order.
  /// float32: 2.5e-7, two float32 ulps, for the same reasons (measured: 1.2e-7);
  /// Keras 2e-6 (its per-sample values near 1e-7 after clipping, measured
  /// 2.0e-6 relative). MLX's float64 exp and log are only float32-accurate,
  /// so its float64 values are checked to 2.5e-7 (measured: 2.1e-7).
  static func close(_ a: Double, _ b: Double, _ relative: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= relative * max(1, abs(b))
  }

  static func options(_ c: [String: Any]) -> LossOptions {
    var o = LossOptions(
      convention: .keras3, fromLogits: c["from_logits"] as? Bool ?? false,
      labelSmoothing: c["label_smoothing"] as? Double ?? 0,
      reduction: Reduction(rawValue: c["reduction"] as? String ?? "mean")!,
      sampleWeights: c["sample_weight"] as? [Double])
    o.classWeights = c["class_weight"] as? [Double]
    o.posWeight = c["pos_weight"] as? Double
    o.ignoreIndex = (c["ignore"] as? Bool ?? false) ? -100 : nil
    o.gamma = c["gamma"] as? Double ?? 2
    o.alpha = c["alpha"] as? Double
    o.classBalancing = c["class_balancing"] as? Bool ?? false
    return o
  }

  static func rows(_ v: Any) -> [[Double]] {
    (v as? [[Double]]) ?? (v as! [Double]).map { [$0] }
  }

  @Test func everyCaseEveryFramework() throws {
    #expect(Self.cases.count == 29)
    var compared = 0
    for c in Self.cases {
      let id = c["id"] as! String
      let categorical = c["kind"] as! String == "categorical"
      let t = Self.rows(c["y_true"]!)
      let p = Self.rows(c["y_pred"]!)
      let o = Self.options(c)
      for (name, byType) in c["values"] as! [String: [String: Any]] {
        let loss = try #require(FrameworkLoss(name: name), "\(name)")
        let (r64, r32) = try loss.lossInBothPrecisions(
          yTrue: t, yPred: p, categorical: categorical, options: o)
        for (type, expected) in byType {
          let tolerance =
            name.hasPrefix("keras") ? 2e-6 : type == "float64" && !name.hasPrefix("mlx") ? 2e-15 : 2.5e-7
          let got: [Double] =
            type == "float64" ? r64.losses : r32.losses.map { Double($0) }
          let value = type == "float64" ? r64.value : Double(r32.value)
          if let list = expected as? [Any] {
            let want = list.map(Self.number)
            #expect(got.count == want.count, "\(id) \(name) \(type)")
            for (a, b) in zip(got, want) {
              #expect(Self.close(a, b, tolerance), "\(id) \(name) \(type): \(a) vs \(b)")
            }
          } else {
            let want = Self.number(expected)
            #expect(Self.close(value, want, tolerance), "\(id) \(name) \(type): \(value) vs \(want)")
          }
          compared += 1
        }
      }
    }
    #expect(compared > 300)
  }
}

/// The question's numbers: "what would PyTorch say for y_true=[1,1,1],
/// y_pred=[1,1,0]?" and the categorical rows that do not sum to 1 (the
/// frameworks' values, from Golden/frameworks.json, written out).
@Suite struct FrameworkSeedTests {
  let binaryTrue: [[Double]] = [[1], [1], [1]]
  let binaryPred: [[Double]] = [[1], [1], [0]]
  let catTrue: [[Double]] = [[0, 1, 0], [0, 0, 1]]
  let catPred: [[Double]] = [[0.05, 0.95, 0.05], [0.1, 0.8, 0.1]]

  @Test func torchBCELossClampsTheLogAtMinus100() throws {
    let (d, f) = try FrameworkLoss.torchBCELoss.lossInBothPrecisions(
      yTrue: binaryTrue, yPred: binaryPred, categorical: false,
      options: LossOptions(convention: .exact))
    #expect(d.value == 33.333333333333336)
    #expect(Double(f.value) == 33.33333206176758)
    #expect(d.clipped == [2])
  }

  @Test(arguments: [
    (FrameworkLoss.torchCrossEntropyLoss, 1.2013342757755139, 0.0, [Double]?.none),
    (.torchNLLLoss, 1.176939193690798, 0, nil),
    (.mlxNLLLoss, 1.176939193690798, 0, nil),
    (.torchCrossEntropyLoss, 1.2648248827197313, 0.1, nil),
    (.torchCrossEntropyLoss, 1.4215844392192203, 0, [1, 2, 3]),
    (.torchCrossEntropyLossOnProbabilities, 0.9923932072563216, 0, nil),
  ])
  func categoricalSeed(
    loss: FrameworkLoss, expected: Double, smoothing: Double, classWeights: [Double]?
  ) throws {
    var o = LossOptions(convention: .exact, labelSmoothing: smoothing)
    o.classWeights = classWeights
    let r: LossResult<Double> = try loss.loss(
      yTrue: catTrue, yPred: catPred, categorical: true, options: o)
    // 1e-15: two logs and a log-sum-exp of three terms.
    #expect(abs(r.value - expected) <= 1e-15 * 4)
  }

  /// logit(0) = −∞ into a logit loss: 0·∞ is NaN, as in PyTorch and optax.
  @Test func logitOfZeroIsNaN() throws {
    for loss in [FrameworkLoss.torchBCEWithLogitsLoss, .optaxSigmoidBinaryCrossEntropy] {
      let r: LossResult<Double> = try loss.loss(
        yTrue: binaryTrue, yPred: binaryPred, categorical: false,
        options: LossOptions(convention: .exact))
      #expect(r.value.isNaN)
    }
  }

  @Test func namesAndAliases() {
    #expect(FrameworkLoss(name: "torch.nn.BCELoss") == .torchBCELoss)
    #expect(FrameworkLoss(name: "keras.losses.BinaryCrossentropy") == .keras3)
    #expect(FrameworkLoss(name: "sklearn.metrics.log_loss") == .sklearn)
    #expect(FrameworkLoss(name: "optax.losses.sigmoid_focal_loss") == .optaxSigmoidFocalLoss)
    #expect(FrameworkLoss(name: "torch.BCELos") == nil)
  }

  @Test(arguments: [
    (FrameworkLoss.torchNLLLoss, "torch.NLLLoss takes class indices, not soft targets"),
    (.mlxNLLLoss, "mlx.nll_loss takes class indices, not soft targets"),
  ])
  func softTargetsRefused(loss: FrameworkLoss, message: String) {
    #expect(throws: CrossEntropyError(message)) {
      let _: LossResult<Double> = try loss.loss(
        yTrue: [[0.5, 0.5]], yPred: [[0.5, 0.5]], categorical: true,
        options: LossOptions(convention: .exact))
    }
  }

  @Test func argumentsAFrameworkDoesNotTake() {
    var o = LossOptions(convention: .exact, labelSmoothing: 0.1)
    #expect(throws: CrossEntropyError("torch.BCELoss has no label smoothing")) {
      let _: LossResult<Double> = try FrameworkLoss.torchBCELoss.loss(
        yTrue: binaryTrue, yPred: binaryPred, categorical: false, options: o)
    }
    o.labelSmoothing = 0
    o.posWeight = 2
    #expect(
      throws: CrossEntropyError("torch.BCELoss has no pos_weight (torch's BCEWithLogitsLoss does)")
    ) {
      let _: LossResult<Double> = try FrameworkLoss.torchBCELoss.loss(
        yTrue: binaryTrue, yPred: binaryPred, categorical: false, options: o)
    }
    #expect(
      throws: CrossEntropyError(
        "torch.NLLLoss takes rows of class probabilities (categorical), not one per sample")
    ) {
      let _: LossResult<Double> = try FrameworkLoss.torchNLLLoss.loss(
        yTrue: binaryTrue, yPred: binaryPred, categorical: false, options: LossOptions(convention: .exact))
    }
  }
}
