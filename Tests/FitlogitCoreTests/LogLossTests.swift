import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// The log loss that follows every fit computes its rows on all cores when
/// the data is large; its terms are still added in row order, so it equals
/// scikit-learn's formula summed in one loop over the predict_proba matrix
/// to the bit, for two classes and for three.
@Suite struct LogLossTests {
  @Test(arguments: [2, 3]) func rowsOnAllCoresEqualOneLoop(classes: Int) {
    // n·d·K ≥ 2²⁰, so the rows are split into blocks.
    let n = 12_001
    let d = 90
    var rng = SplitMix64(seed: 500 + UInt64(classes))
    let x = Matrix(
      rows: n, columns: d,
      uncheckedValues: (0..<(n * d)).map { _ in Double.random(in: -2...2, using: &rng) })
    let rows = classes == 2 ? 1 : classes
    let coef = Matrix(
      rows: rows, columns: d,
      uncheckedValues: (0..<(rows * d)).map { _ in Double.random(in: -0.4...0.4, using: &rng) })
    let model = LogisticModel(
      unchecked: (0..<classes).map { "c\($0)" }, featureNames: (0..<d).map { "x\($0)" },
      coef: coef, intercept: (0..<rows).map { _ in Double.random(in: -1...1, using: &rng) })
    let labels = (0..<n).map { _ in Int.random(in: 0..<classes, using: &rng) }
    let oneLoop = sklearnLogLoss(labels: labels, probabilities: model.probabilities(unchecked: x))
    let blocked = sklearnLogLoss(model, x, labels: labels)
    #expect(blocked.bitPattern == oneLoop.bitPattern)
    // Not a degenerate sum: margins of several units, a loss near log K's.
    #expect(oneLoop > 0.5 && oneLoop < 3)
  }
}
