import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData
import FitlogitSystem

/// A random problem: n rows, d features, K classes, optional weights.
private func problem(
  n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool, seed: UInt64
) -> (LogisticObjective, [Double]) {
  var rng = SplitMix64(seed: seed)
  let x = (0..<(n * d)).map { _ in Double.random(in: -3...3, using: &rng) }
  let labels = (0..<n).map { _ in Int.random(in: 0..<classes, using: &rng) }
  let weights =
    weighted
    ? (0..<n).map { _ in Double.random(in: 0.1...3, using: &rng) } : nil
  let objective = LogisticObjective(
    features: Matrix(rows: n, columns: d, uncheckedValues: x), labels: labels,
    classCount: classes, sampleWeights: weights, C: 0.5, fitIntercept: intercept
  )
  let w = (0..<objective.dimension).map { _ in
    Double.random(in: -2...2, using: &rng)
  }
  return (objective, w)
}

/// f to 1e-14 relative, every gradient component to 1e-13 of the largest,
/// on a point where neither is negligible.
private func expectBlockedMatchesSequential(
  _ objective: inout LogisticObjective, at w: [Double]
) {
  var g1 = [Double](repeating: 0, count: w.count)
  var g2 = g1
  objective.blocked = false
  let f1 = objective.value(at: w, gradient: &g1)
  objective.blocked = true
  let f2 = objective.value(at: w, gradient: &g2)
  #expect(abs(f1 - f2) <= 1e-14 * abs(f1))
  let scale = g1.map(abs).max()!
  for j in w.indices {
    #expect(abs(g1[j] - g2[j]) <= 1e-13 * scale, "component \(j)")
  }
  #expect(f1 > 0.1 && scale > 1e-3)
}

@Suite struct BlockedObjectiveTests {
  /// The blocked pass (blocks of 4096 rows on all cores) and the sequential
  /// one differ only by summation order: f to 1e-14 relative, every
  /// gradient component to 1e-13 of the largest. (On the 1M×20 benchmark
  /// the measured differences are 1e-14 and 2e-13: BENCHMARKS.md.)
  @Test(arguments: [
    (2, false, true), (2, true, true), (2, false, false), (3, false, true),
    (4, true, true),
  ])
  func blockedAgreesWithSequential(
    classes: Int, weighted: Bool, intercept: Bool
  ) {
    var (objective, w) = problem(
      n: 50_000, d: 7, classes: classes, weighted: weighted,
      intercept: intercept, seed: UInt64(classes * 10 + (weighted ? 1 : 0)))
    expectBlockedMatchesSequential(&objective, at: w)
  }

  /// The binary block takes four rows and two columns at a time; these
  /// shapes exercise its leftovers: a last block whose row count is not a
  /// multiple of four, an odd column count, a single column.
  @Test(arguments: [(50_003, 1, true), (20_001, 20, false), (9_002, 3, true)])
  func binaryBlockLeftovers(n: Int, d: Int, weighted: Bool) {
    var (objective, w) = problem(
      n: n, d: d, classes: 2, weighted: weighted, intercept: true,
      seed: UInt64(n + d))
    expectBlockedMatchesSequential(&objective, at: w)
  }

  /// The K-class block (C, fl_multinomial_block) takes 3 rows × 12 classes
  /// per register tile, sub-blocks of up to 64 rows, 3 features at a time
  /// for the gradient, classes padded to a multiple of 4. These shapes leave
  /// every one of those with leftovers: 5 classes (one 8-class tile), 10
  /// (one padded 12-class tile), 17 (12 + 8 with pads), 1, 7 and 50 features,
  /// rows not a multiple of 3, 64 or 4096, large d (8-row sub-blocks).
  @Test(arguments: [
    (10_001, 7, 10, true, true), (9_000, 1, 5, false, true),
    (4_099, 50, 17, true, false), (1_000, 400, 3, false, true),
  ])
  func multinomialBlockLeftovers(
    n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool
  ) {
    var (objective, w) = problem(
      n: n, d: d, classes: classes, weighted: weighted, intercept: intercept,
      seed: UInt64(n + d + classes))
    expectBlockedMatchesSequential(&objective, at: w)
  }

  /// Fixed blocks, a fixed reduction order: the same bits on every run.
  @Test func blockedIsDeterministic() {
    var (objective, w) = problem(
      n: 70_000, d: 5, classes: 2, weighted: true, intercept: true, seed: 3)
    objective.blocked = true
    var g1 = [Double](repeating: 0, count: w.count)
    var g2 = g1
    let f1 = objective.value(at: w, gradient: &g1)
    for _ in 0..<5 {
      let f2 = objective.value(at: w, gradient: &g2)
      #expect(f1.bitPattern == f2.bitPattern)
      #expect(g1.map(\.bitPattern) == g2.map(\.bitPattern))
    }
  }

  /// Small problems keep the sequential pass that the scikit-learn parity
  /// tests depend on; large ones switch to blocks.
  @Test func thresholdPicksThePass() {
    var (small, w) = problem(
      n: 100, d: 3, classes: 2, weighted: false, intercept: true, seed: 4)
    var g1 = [Double](repeating: 0, count: w.count)
    var g2 = g1
    let automatic = small.value(at: w, gradient: &g1)
    small.blocked = false
    let sequential = small.value(at: w, gradient: &g2)
    #expect(automatic.bitPattern == sequential.bitPattern)
    #expect(g1 == g2)
    #expect(100 * 3 < LogisticObjective.blockedThreshold)
  }

  /// log1p through log (Goldberg's trick) stays within 2 ulp of glibc's
  /// log1p over the range the loss uses, e^{−37} … e^{2}.
  @Test func fastLog1pIsAccurate() {
    var worst = 0.0
    var x = libmExp(-37.0)
    while x <= libmExp(2.0) {
      let reference = libmLog1p(x)
      worst = max(worst, abs(log1pFast(x) - reference) / reference.ulp)
      x *= 1.000_37
    }
    #expect(worst <= 2)
  }
}
