import FitlogitTestSupport
import Testing

@testable import FitlogitCore
@testable import FitlogitData
import FitlogitSystem

/// The C kernels' variants (baseline; AVX2 + FMA; AVX-512, eight lanes;
/// NEON on arm64) against each other and against the golden files. A
/// variant the CPU cannot run is skipped, with the reason, and only then.
/// The NEON tests have never run here (no arm64 machine);
/// scripts/test_arm64_kernels.sh runs those kernels under qemu-aarch64
/// against the baseline and a quad-precision reference, with a derived
/// bound, and finds NEON's sums in the baseline's order: the same loss to
/// the bit, the gradient to 4e-16 of its largest component.
///
/// The bound. Every variant computes each row's loss and gradient factor
/// with the same lane-wise exp and log code, so they differ in two ways
/// only: FMA rounds a·b + c once (the margins' dot products, the
/// polynomials), and the sums are reassociated: a block of 4096 rows is
/// summed in 4 lanes (baseline, AVX2: 1024 rows a lane) or 8 (AVX-512: 512
/// a lane, the margin's d products by a shuffle tree, the classes padded to
/// 16), and the blocks are added in the same order on every variant. With
/// unit roundoff u = 1.1e-16, a sum of m terms in either order carries an
/// error of order √m·u of Σ|terms| for independent roundings (m·u at
/// worst): with m ≤ 1024 a lane, about 3.5e-15. The loss terms are all
/// positive, so f differs by a few times that, relative: bounded by 1e-14.
/// Each gradient component is a signed sum, so its error is relative to
/// Σ|terms|, which on these problems is within 10× of max|g|: bounded by
/// 1e-13 of max|g|. These are the bounds of blocked against sequential
/// (BlockedObjectiveTests), whose sums differ in the same way.
@Suite struct KernelDispatchTests {
  static let avx2 = "this CPU has no AVX2 + FMA"
  static let avx512 = "this CPU or its OS has no AVX-512 F, DQ and VL"
  static let neon = "NEON is arm64's; this is not arm64"

  /// Rows, features, weights: rows not a multiple of 4 or 8 (the row
  /// groups), d not a multiple of 4 or 8 (the vectors; the last one masked
  /// on AVX-512), d below one vector, odd d, and d exactly 8.
  static let binaryShapes = [
    (20_003, 20, false), (9_001, 7, true), (4_099, 1, false), (10_005, 17, true),
    (8_003, 8, false),
  ]
  /// Rows, features, classes, weights, intercept: K not a multiple of the
  /// class vectors or tiles (3 → 4 or 8, 10 → 12 or 16, 17 → 20 or 24, 25 →
  /// 28 or 32), K exactly 8, odd d, d not a multiple of the feature tile,
  /// sub-blocks and row tiles with leftovers.
  static let multinomialShapes = [
    (10_003, 50, 10, false, true), (9_001, 7, 3, true, true),
    (4_099, 13, 17, true, false), (5_005, 9, 8, false, true), (3_001, 4, 25, true, true),
  ]

  static func objective(
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

  /// `variant` against the baseline on one problem, to the bounds above.
  static func expectAgreesWithBaseline(
    _ variant: KernelPath, _ problem: (LogisticObjective, [Double])
  ) {
    var (objective, w) = problem
    var g1 = [Double](repeating: 0, count: w.count)
    var g2 = g1
    objective.kernel = .baseline
    let f1 = objective.value(at: w, gradient: &g1)
    objective.kernel = variant
    let f2 = objective.value(at: w, gradient: &g2)
    #expect(abs(f1 - f2) <= 1e-14 * abs(f1))
    let scale = g1.map(abs).max()!
    for j in w.indices { #expect(abs(g1[j] - g2[j]) <= 1e-13 * scale, "component \(j)") }
    #expect(f1 > 0.1 && scale > 1e-3)
  }

  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)), arguments: binaryShapes)
  func avx2BinaryAgrees(n: Int, d: Int, weighted: Bool) {
    Self.expectAgreesWithBaseline(.avx2FMA, Self.objective(n: n, d: d, weighted: weighted))
  }

  @Test(.enabled(if: KernelPath.avx512Available, Comment(rawValue: avx512)), arguments: binaryShapes)
  func avx512BinaryAgrees(n: Int, d: Int, weighted: Bool) {
    Self.expectAgreesWithBaseline(.avx512, Self.objective(n: n, d: d, weighted: weighted))
  }

  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)), arguments: multinomialShapes)
  func avx2MultinomialAgrees(n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool) {
    Self.expectAgreesWithBaseline(
      .avx2FMA,
      Self.objective(n: n, d: d, weighted: weighted, classes: classes, intercept: intercept))
  }

  @Test(.enabled(if: KernelPath.avx512Available, Comment(rawValue: avx512)), arguments: multinomialShapes)
  func avx512MultinomialAgrees(n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool) {
    Self.expectAgreesWithBaseline(
      .avx512,
      Self.objective(n: n, d: d, weighted: weighted, classes: classes, intercept: intercept))
  }

  /// Each variant's blocked objective against scikit-learn's
  /// `loss_gradient` (objective.json: the article's data, two and three
  /// classes, weights, no intercept), to the sequential pass's 1e-14.
  @Test func baselineMatchesGoldenObjectives() throws {
    try LogisticObjectiveTests.expectGoldenObjectives(kernel: .baseline)
  }

  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func avx2MatchesGoldenObjectives() throws {
    try LogisticObjectiveTests.expectGoldenObjectives(kernel: .avx2FMA)
  }

  @Test(.enabled(if: KernelPath.avx512Available, Comment(rawValue: avx512)))
  func avx512MatchesGoldenObjectives() throws {
    try LogisticObjectiveTests.expectGoldenObjectives(kernel: .avx512)
  }

  /// scikit-learn's fits (sklearn_fits.json: the article's points, iris's
  /// three classes, synthetic, spam, weighted) with every pass blocked on
  /// each variant, to the bounds of SklearnParityTests.
  @Test(arguments: GoldenFit.all)
  func baselineFitsMatchGolden(_ g: GoldenFit) throws {
    try Self.expectGoldenFit(g, kernel: .baseline)
  }

  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)), arguments: GoldenFit.all)
  func avx2FitsMatchGolden(_ g: GoldenFit) throws {
    try Self.expectGoldenFit(g, kernel: .avx2FMA)
  }

  @Test(.enabled(if: KernelPath.avx512Available, Comment(rawValue: avx512)), arguments: GoldenFit.all)
  func avx512FitsMatchGolden(_ g: GoldenFit) throws {
    try Self.expectGoldenFit(g, kernel: .avx512)
  }

  static func expectGoldenFit(_ g: GoldenFit, kernel: KernelPath) throws {
    var regression = g.regression
    regression.kernel = kernel
    g.expectSameFit(regression.fit(try g.data()))
  }

  /// FITLOGIT_CPU: baseline, avx2 or avx512; a variant the CPU lacks falls
  /// back to the best below it; unset, empty or unknown (spellings are
  /// exact) gives the default, AVX2 + FMA where the CPU has it.
  @Test func environmentChoosesTheVariant() {
    let automatic: KernelPath =
      KernelPath.avx2FMAAvailable ? .avx2FMA : KernelPath.neonAvailable ? .neon : .baseline
    #expect(KernelPath.detect(environment: "baseline") == .baseline)
    #expect(KernelPath.detect(environment: "avx2") == automatic)
    #expect(
      KernelPath.detect(environment: "neon") == (KernelPath.neonAvailable ? .neon : .baseline))
    #expect(
      KernelPath.detect(environment: "avx512")
        == (KernelPath.avx512Available ? .avx512 : automatic))
    for other in [nil, "", "AVX512", "sse", "native"] {
      #expect(KernelPath.detect(environment: other) == automatic, "\(other ?? "unset")")
    }
    #expect(!KernelPath.avx512Available || KernelPath.avx2FMAAvailable)
  }

  @Test(.enabled(if: KernelPath.neonAvailable, Comment(rawValue: neon)), arguments: binaryShapes)
  func neonBinaryAgrees(n: Int, d: Int, weighted: Bool) {
    Self.expectAgreesWithBaseline(.neon, Self.objective(n: n, d: d, weighted: weighted))
  }

  @Test(.enabled(if: KernelPath.neonAvailable, Comment(rawValue: neon)), arguments: multinomialShapes)
  func neonMultinomialAgrees(n: Int, d: Int, classes: Int, weighted: Bool, intercept: Bool) {
    Self.expectAgreesWithBaseline(
      .neon,
      Self.objective(n: n, d: d, weighted: weighted, classes: classes, intercept: intercept))
  }

  @Test(.enabled(if: KernelPath.neonAvailable, Comment(rawValue: neon)))
  func neonMatchesGoldenObjectives() throws {
    try LogisticObjectiveTests.expectGoldenObjectives(kernel: .neon)
  }

  @Test(.enabled(if: KernelPath.neonAvailable, Comment(rawValue: neon)), arguments: GoldenFit.all)
  func neonFitsMatchGolden(_ g: GoldenFit) throws {
    try Self.expectGoldenFit(g, kernel: .neon)
  }

  /// Off arm64 the NEON variant does not exist: never chosen, and asking
  /// for it runs the baseline, to the bit.
  @Test(.enabled(if: !KernelPath.neonAvailable, Comment(rawValue: "this is arm64")))
  func neonOffArm64RunsBaseline() {
    #expect(KernelPath.detect(environment: nil) != .neon)
    #expect(KernelPath.detect(environment: "neon") == .baseline)
    for classes in [2, 5] {
      var (objective, w) = Self.objective(n: 1_003, d: 7, weighted: true, classes: classes)
      var g1 = [Double](repeating: 0, count: w.count)
      var g2 = g1
      objective.kernel = .baseline
      let f1 = objective.value(at: w, gradient: &g1)
      objective.kernel = .neon
      let f2 = objective.value(at: w, gradient: &g2)
      #expect(f1.bitPattern == f2.bitPattern)
      #expect(g1.map(\.bitPattern) == g2.map(\.bitPattern))
    }
  }
}
