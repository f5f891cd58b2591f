import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData
import FitlogitSystem

@Suite struct HalfBinomialLossTests {
  /// Margins where a naive log(1 + eʳ) overflows or cancels; expected values
  /// from mpmath at 60 digits (sklearn `test_loss_on_specific_values`).
  @Test(arguments: [
    (1e20, 0.0, 1e20, 1.0),
    (1e20, 1.0, 0.0, 0.0),
    (-1e20, 0.0, 0.0, 0.0),
    (-1e20, 1.0, 1e20, -1.0),
    (-37.5, 0.0, 5.1755550058018684009e-17, 5.175555005801868267e-17),
    (-37.5, 1.0, 37.5, -0.99999999999999994824),
    (-37.0, 0.0, 8.5330476257440654302e-17, 8.5330476257440650661e-17),
    (-37.0, 1.0, 37.0, -0.99999999999999991467),
    (0.0, 0.0, 0.69314718055994530942, 0.5),
    (0.0, 1.0, 0.69314718055994530942, -0.5),
    (37.0, 0.0, 37.0, 0.99999999999999991467),
    (37.0, 1.0, 8.5330476257440654302e-17, -8.5330476257440650661e-17),
    (-2.0, 1.0, 2.1269280110429724964, -0.88079707797788244406),
    (18.0, 1.0, 1.5229979628736488102e-8, -1.5229979512760348944e-8),
  ])
  func specificValues(margin: Double, label: Double, loss: Double, derivative: Double) {
    let (l, g) = halfBinomialLoss(label: label, margin: margin)
    #expect(l.isFinite && g.isFinite)
    #expect(abs(l - loss) <= 2e-16 * max(abs(loss), 1e-300) + 1e-300)
    #expect(abs(g - derivative) <= 2e-16 * abs(derivative) + 1e-300)
  }
}

@Suite struct LogisticObjectiveTests {
  /// Value and gradient equal scikit-learn's `LinearModelLoss.loss_gradient`
  /// (golden from scripts/make_core_golden.py) for two and three classes,
  /// with and without intercept, weights and penalty.
  @Test func matchesScikitLearn() throws {
    try Self.expectGoldenObjectives(kernel: nil)
  }

  /// The golden objectives to 1e-14, on the pass the size chooses (nil) or
  /// blocked on a variant of the C kernels (KernelDispatchTests).
  static func expectGoldenObjectives(kernel: KernelPath?) throws {
    let cases = golden("objective.json")["objectives"] as! [[String: Any]]
    #expect(cases.count == 6)
    for c in cases {
      let X = c["X"] as! [[Double]]
      let labels = c["labels"] as! [Int]
      let K = c["classes"] as! Int
      let C = (c["C"] as? Double) ?? .infinity
      var objective = LogisticObjective(
        features: try Matrix(rows: X.count, columns: X[0].count, values: X.flatMap { $0 }),
        labels: labels, classCount: K, sampleWeights: c["sample_weight"] as? [Double],
        C: C, fitIntercept: c["fit_intercept"] as! Bool)
      if let kernel {
        objective.blocked = true
        objective.kernel = kernel
      }
      for point in c["points"] as! [[String: Any]] {
        let w = point["w"] as! [Double]
        let expected = point["gradient"] as! [Double]
        var g = [Double](repeating: .nan, count: w.count)
        let f = objective.value(at: w, gradient: &g)
        let name = c["name"] as! String
        #expect(abs(f - (point["value"] as! Double)) <= 1e-14, "\(name)")
        #expect(g.count == expected.count, "\(name)")
        for (a, b) in zip(g, expected) {
          #expect(abs(a - b) <= 1e-14, "\(name)")
        }
      }
    }
  }

  /// The analytic gradient matches central differences on random data.
  @Test(arguments: [2, 4])
  func gradientMatchesCentralDifferences(classes: Int) {
    var rng = SplitMix64(seed: 42 + UInt64(classes))
    let n = 25
    let d = 3
    let x = (0..<(n * d)).map { _ in Double.random(in: -2...2, using: &rng) }
    let labels = (0..<n).map { _ in Int.random(in: 0..<classes, using: &rng) }
    let weights = (0..<n).map { _ in Double.random(in: 0.2...2, using: &rng) }
    var objective = LogisticObjective(
      features: Matrix(rows: n, columns: d, uncheckedValues: x), labels: labels,
      classCount: classes, sampleWeights: weights, C: 0.7, fitIntercept: true)
    let w = (0..<objective.dimension).map { _ in Double.random(in: -1...1, using: &rng) }
    var g = [Double](repeating: 0, count: w.count)
    _ = objective.value(at: w, gradient: &g)
    var scratch = g
    let h = 1e-6
    for i in w.indices {
      var plus = w
      var minus = w
      plus[i] += h
      minus[i] -= h
      let numeric =
        (objective.value(at: plus, gradient: &scratch)
          - objective.value(at: minus, gradient: &scratch)) / (2 * h)
      #expect(abs(numeric - g[i]) < 1e-8, "component \(i)")
    }
  }

  /// The {0, 1} form softplus(r) − y·r equals the {−1, +1} form
  /// log(1 + e^{−t·r}) that liblinear writes.
  @Test func labelConventionsAgree() {
    for r in stride(from: -30.0, through: 30.0, by: 0.37) {
      for y in [0.0, 1.0] {
        let t = 2 * y - 1
        let liblinear = t * r > 0 ? log1p(exp(-t * r)) : -t * r + log1p(exp(t * r))
        let (l, _) = halfBinomialLoss(label: y, margin: r)
        #expect(abs(l - liblinear) <= 1e-15 * max(1, abs(l)))
      }
    }
  }
}
