import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData

/// The C kernels' variants against the baseline: AVX2 + FMA on x86-64,
/// where they differ only where FMA rounds a·b + c once instead of twice;
/// NEON on arm64, which adds in the same order and rounds exp and log its
/// own way (never run here: no arm64 machine; scripts/test_arm64_kernels.sh
/// checks those kernels under qemu with a derived bound). f to 1e-14
/// relative, every gradient component to 1e-13 of the largest, the same
/// bounds as blocked against sequential (BlockedObjectiveTests).
@Suite struct KernelDispatchTests {
  /// The variant this CPU has besides the baseline, if any.
  static let fast: KernelPath? =
    KernelPath.avx2FMAAvailable ? .avx2FMA : KernelPath.neonAvailable ? .neon : nil

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
    let fast = try #require(Self.fast, "this CPU has only the baseline variant")
    let (objective, w) = objective(n: n, d: d, weighted: weighted)
    expectVariantsAgree(objective, at: w, fast: fast)
  }

  /// The K-class block (fl_multinomial_block), the same bounds: its
  /// products round a·b + c once with FMA, twice without; exp and log are
  /// the same fdlibm steps on every variant.
  @Test(arguments: [
    (10_003, 50, 10, false, true), (9_001, 7, 3, true, true),
    (4_099, 13, 17, true, false),
  ])
  func multinomialVariantsAgree(
    n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool
  ) throws {
    let fast = try #require(Self.fast, "this CPU has only the baseline variant")
    let (objective, w) = objective(
      n: n, d: d, weighted: weighted, classes: classes, intercept: intercept)
    expectVariantsAgree(objective, at: w, fast: fast)
  }

  func expectVariantsAgree(
    _ objective: LogisticObjective, at w: [Double], fast: KernelPath
  ) {
    var objective = objective
    var g1 = [Double](repeating: 0, count: w.count)
    var g2 = g1
    objective.kernel = .baseline
    let f1 = objective.value(at: w, gradient: &g1)
    objective.kernel = fast
    let f2 = objective.value(at: w, gradient: &g2)
    #expect(abs(f1 - f2) <= 1e-14 * abs(f1))
    let scale = g1.map(abs).max()!
    for j in w.indices { #expect(abs(g1[j] - g2[j]) <= 1e-13 * scale, "component \(j)") }
    #expect(f1 > 0.1 && scale > 1e-3)
  }

  /// FITLOGIT_CPU=baseline forces the portable variant; anything else lets
  /// the CPU decide.
  @Test func environmentForcesBaseline() {
    #expect(KernelPath.detect(environment: "baseline") == .baseline)
    let automatic = Self.fast ?? .baseline
    #expect(KernelPath.detect(environment: nil) == automatic)
    #expect(KernelPath.detect(environment: "avx512") == automatic)
  }

  /// NEON is arm64's alone: on x86-64 it is never chosen, and asking for
  /// it runs the baseline, to the bit.
  @Test func neonOnlyOnArm64() throws {
    #if arch(x86_64)
      #expect(!KernelPath.neonAvailable)
      #expect(KernelPath.detect(environment: nil) != .neon)
      for classes in [2, 5] {
        var (objective, w) = objective(n: 1_003, d: 7, weighted: true, classes: classes)
        var g1 = [Double](repeating: 0, count: w.count)
        var g2 = g1
        objective.kernel = .baseline
        let f1 = objective.value(at: w, gradient: &g1)
        objective.kernel = .neon
        let f2 = objective.value(at: w, gradient: &g2)
        #expect(f1.bitPattern == f2.bitPattern)
        #expect(g1.map(\.bitPattern) == g2.map(\.bitPattern))
      }
    #else
      #expect(KernelPath.neonAvailable == (Self.fast == .neon))
    #endif
  }
}
