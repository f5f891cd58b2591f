import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// The C kernels' two variants (baseline, AVX2 + FMA) against each other.
/// They differ only where FMA rounds a·b + c once instead of twice: f to
/// 1e-14 relative, every gradient component to 1e-13 of the largest, the
/// same bounds as blocked against sequential (BlockedObjectiveTests).
@Suite struct KernelDispatchTests {
  func objective(
    n: Int, d: Int, weighted: Bool, classes: Int = 2, intercept: Bool = true
  ) -> (LogisticObjective, [Double]) {
    var rng = SplitMix64(seed: UInt64(n * 31 + d + 1000 * (classes - 2)))
    let x = (0..<(n * d)).map { _ in Double.random(in: -3...3, using: &rng) }
    let labels = (0..<n).map { _ in Int.random(in: 0..<classes, using: &rng) }
    let weights =
      weighted ? (0..<n).map { _ in Double.random(in: 0.1...3, using: &rng) } : nil
    var objective = LogisticObjective(
      features: Matrix(rows: n, columns: d, uncheckedValues: x), labels: labels,
      classCount: classes, sampleWeights: weights, C: 0.5, fitIntercept: intercept)
    objective.blocked = true
    let w = (0..<objective.dimension).map { _ in Double.random(in: -2...2, using: &rng) }
    return (objective, w)
  }

  @Test(arguments: [(20_003, 20, false), (9_001, 7, true), (4_099, 1, false)])
  func variantsAgree(n: Int, d: Int, weighted: Bool) throws {
    try #require(KernelPath.avx2FMAAvailable, "this CPU has no AVX2 + FMA")
    let (objective, w) = objective(n: n, d: d, weighted: weighted)
    expectVariantsAgree(objective, at: w)
  }

  /// The K-class block (fl_multinomial_block), the same bounds: its
  /// products round a·b + c once with FMA, twice without; exp and log are
  /// the same lane-wise code on both.
  @Test(arguments: [
    (10_003, 50, 10, false, true), (9_001, 7, 3, true, true),
    (4_099, 13, 17, true, false),
  ])
  func multinomialVariantsAgree(
    n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool
  ) throws {
    try #require(KernelPath.avx2FMAAvailable, "this CPU has no AVX2 + FMA")
    let (objective, w) = objective(
      n: n, d: d, weighted: weighted, classes: classes, intercept: intercept)
    expectVariantsAgree(objective, at: w)
  }

  func expectVariantsAgree(_ objective: LogisticObjective, at w: [Double]) {
    var objective = objective
    var g1 = [Double](repeating: 0, count: w.count)
    var g2 = g1
    objective.kernel = .baseline
    let f1 = objective.value(at: w, gradient: &g1)
    objective.kernel = .avx2FMA
    let f2 = objective.value(at: w, gradient: &g2)
    #expect(abs(f1 - f2) <= 1e-14 * abs(f1))
    let scale = g1.map(abs).max()!
    for j in w.indices { #expect(abs(g1[j] - g2[j]) <= 1e-13 * scale, "component \(j)") }
    #expect(f1 > 0.1 && scale > 1e-3)
  }

  /// FITLOGIT_CPU=baseline forces the portable variant; anything else lets
  /// cpuid decide.
  @Test func environmentForcesBaseline() {
    #expect(KernelPath.detect(environment: "baseline") == .baseline)
    let automatic: KernelPath = KernelPath.avx2FMAAvailable ? .avx2FMA : .baseline
    #expect(KernelPath.detect(environment: nil) == automatic)
    #expect(KernelPath.detect(environment: "avx512") == automatic)
  }
}
