import FitlogitCore
import FitlogitData
import FitlogitTestSupport
import Testing

/// The seams the solvers share: the parameter layout, the penalty's two
/// parts and the Hessian-vector product.
@Suite struct ParameterLayoutTests {
  /// scikit-learn's flat order: w[k + K·j], intercepts last; one row for
  /// two classes.
  @Test func flatIndicesAreScikitLearns() {
    let multi = ParameterLayout(featureCount: 4, classCount: 3, fitIntercept: true)
    #expect(multi.dimension == 15 && multi.coefficientCount == 12)
    #expect(multi.index(row: 2, column: 1) == 5)
    #expect(multi.interceptIndex(row: 1) == 13)
    let binary = ParameterLayout(featureCount: 4, classCount: 2, fitIntercept: false)
    #expect(binary.dimension == 4 && binary.rows == 1)
    #expect(binary.intercepts(of: [1, 2, 3, 4]) == [0])
  }

  @Test(arguments: [2, 3])
  func flattenInvertsTheModel(classes: Int) throws {
    let layout = ParameterLayout(featureCount: 2, classCount: classes, fitIntercept: true)
    let w = (0..<layout.dimension).map(Double.init)
    let names = (0..<classes).map { "c\($0)" }
    let model = try LogisticModel(
      parameters: w, classes: names, featureNames: ["a", "b"], fitIntercept: true)
    #expect(model.parameters(fitIntercept: true) == w)
    if classes == 3 {
      // W[1, 0] = w[1 + 3·0], W[1, 1] = w[1 + 3·1], b₁ = w[1 + 3·2].
      #expect(Array(model.coef.row(1)) == [1, 4])
      #expect(model.intercept == [6, 7, 8])
    }
  }

  /// λ₂ = (1 − ρ)/(C·S), λ₁ = ρ/(C·S); C = ∞ is no penalty at all.
  @Test func penaltyParts() {
    let net = Penalty(C: 0.5, l1Ratio: 0.25)
    #expect(net.name == "elasticnet" && net.hasL1)
    #expect(net.l2Strength(weightSum: 8) == 0.1875)
    #expect(net.l1Strength(weightSum: 8) == 0.0625)
    #expect(Penalty(C: .infinity, l1Ratio: 1).name == "none")
    #expect(Penalty.none.l1Strength(weightSum: 8) == 0)
    #expect(Penalty.l2(C: 2).name == "l2" && Penalty(C: 2, l1Ratio: 1).name == "l1")
  }

  /// H·v from ``LogisticObjective/hessianVectorProduct(at:_:into:)`` equals
  /// the dense Hessian times v, to rounding of sums of ~50 terms.
  @Test(arguments: [2, 4])
  func hessianVectorProductMatchesDenseHessian(classes: Int) {
    var rng = SplitMix64(seed: 7 + UInt64(classes))
    let n = 30
    let d = 3
    let x = (0..<(n * d)).map { _ in Double.random(in: -2...2, using: &rng) }
    let labels = (0..<n).map { _ in Int.random(in: 0..<classes, using: &rng) }
    let weights = (0..<n).map { _ in Double.random(in: 0.2...2, using: &rng) }
    var objective = LogisticObjective(
      features: Matrix(rows: n, columns: d, uncheckedValues: x), labels: labels,
      classCount: classes, sampleWeights: weights, penalty: Penalty(C: 0.7, l1Ratio: 0.5),
      fitIntercept: true)
    let dim = objective.dimension
    let w = (0..<dim).map { _ in Double.random(in: -1...1, using: &rng) }
    let v = (0..<dim).map { _ in Double.random(in: -1...1, using: &rng) }
    var h = [Double](repeating: 0, count: dim * dim)
    objective.hessian(at: w, into: &h)
    var hv = [Double](repeating: 0, count: dim)
    objective.hessianVectorProduct(at: w, v, into: &hv)
    for a in 0..<dim {
      var dense = 0.0
      for b in 0..<dim { dense += h[a * dim + b] * v[b] }
      #expect(abs(dense - hv[a]) < 1e-14, "component \(a)")
    }
  }

  /// The blocked, multithreaded two-class Hessian (large files) equals the
  /// sequential one up to the order of its sums: 9,000 rows in three blocks.
  @Test func blockedHessianMatchesSequential() {
    var rng = SplitMix64(seed: 11)
    let n = 9000
    let d = 3
    let x = (0..<(n * d)).map { _ in Double.random(in: -2...2, using: &rng) }
    let labels = (0..<n).map { _ in Int.random(in: 0..<2, using: &rng) }
    let weights = (0..<n).map { _ in Double.random(in: 0.2...2, using: &rng) }
    var sequential = LogisticObjective(
      features: Matrix(rows: n, columns: d, uncheckedValues: x), labels: labels, classCount: 2,
      sampleWeights: weights, penalty: Penalty(C: 0.7, l1Ratio: 0.5), fitIntercept: true)
    sequential.blocked = false
    var blocked = sequential
    blocked.blocked = true
    let w = [0.3, -0.2, 0.5, 0.1]
    var a = [Double](repeating: 0, count: 16)
    var b = a
    sequential.hessian(at: w, into: &a)
    blocked.hessian(at: w, into: &b)
    for t in 0..<16 { #expect(abs(a[t] - b[t]) < 1e-14, "entry \(t)") }
  }

  /// `--C inf` is no penalty for every solver: Newton's three-class result
  /// is moved to scikit-learn's parametrization (classes summing to zero),
  /// exactly as `--penalty none` is.
  @Test func newtonWithInfiniteCIsCentred() throws {
    let data = try Dataset(
      csv: Array(
        try String(contentsOfFile: dataPath("iris.csv"), encoding: .utf8).utf8),
      file: "iris.csv", target: nil)
    var infinite = LogisticRegression()
    infinite.solver = .newton
    infinite.C = .infinity
    infinite.maxIter = 3
    var none = infinite
    none.C = 1
    none.penalty = .none
    let a = infinite.fit(data).model
    let b = none.fit(data).model
    #expect(a == b)
    for j in 0..<a.coef.columns {
      let sum = (0..<3).reduce(0.0) { $0 + a.coef[$1, j] }
      #expect(abs(sum) < 1e-12)
    }
  }
}
