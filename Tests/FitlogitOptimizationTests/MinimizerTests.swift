import Testing

@testable import FitlogitOptimization

/// f(x) = ½ Σ aᵢ(xᵢ − cᵢ)²: minimum 0 at c, condition number max a / min a.
struct Quadratic: Objective {
  let a: [Double]
  let c: [Double]
  var evaluations = 0
  var dimension: Int { a.count }

  mutating func value(at x: [Double], gradient: inout [Double]) -> Double {
    evaluations += 1
    var f = 0.0
    for i in x.indices {
      let d = x[i] - c[i]
      f += 0.5 * a[i] * d * d
      gradient[i] = a[i] * d
    }
    return f
  }
}

/// Rosenbrock's banana, minimum 0 at (1, 1).
struct Rosenbrock: Objective {
  var dimension: Int { 2 }
  mutating func value(at x: [Double], gradient: inout [Double]) -> Double {
    let (u, v) = (x[0], x[1])
    gradient[0] = -2 * (1 - u) - 400 * u * (v - u * u)
    gradient[1] = 200 * (v - u * u)
    return (1 - u) * (1 - u) + 100 * (v - u * u) * (v - u * u)
  }
}

/// An objective that turns into NaN away from the start.
struct Cliff: Objective {
  var dimension: Int { 1 }
  mutating func value(at x: [Double], gradient: inout [Double]) -> Double {
    if x[0] > 0.5 {
      gradient[0] = .nan
      return .nan
    }
    gradient[0] = -1
    return -x[0]
  }
}

@Suite struct LBFGSTests {
  @Test func quadraticReachesItsMinimum() {
    var q = Quadratic(a: [1, 10, 100], c: [1, -2, 3])
    let r = LBFGS(tolerance: 1e-10).minimize(&q, from: [0, 0, 0])
    #expect(r.stopReason == .gradientTolerance)
    #expect(r.converged)
    for (x, c) in zip(r.x, [1.0, -2, 3]) { #expect(abs(x - c) <= 1e-10) }
    #expect(r.value <= 1e-20)
    #expect(r.trace.count == r.iterations + 1)
    #expect(r.evaluations == q.evaluations)
  }

  @Test func rosenbrock() {
    var f = Rosenbrock()
    let r = LBFGS(tolerance: 1e-8, maxIterations: 1000).minimize(&f, from: [-1.2, 1])
    #expect(r.converged)
    #expect(abs(r.x[0] - 1) < 1e-6 && abs(r.x[1] - 1) < 1e-6)
    #expect(r.iterations > 20 && r.iterations < 60)
  }

  /// scipy stops at max_iter before testing convergence (docs/SKLEARN_LBFGS.md
  /// §E-3): n_iter equals the limit and the stop says so.
  @Test func stopsAtMaxIterations() {
    var f = Rosenbrock()
    let r = LBFGS(tolerance: 1e-8, maxIterations: 3).minimize(&f, from: [-1.2, 1])
    #expect(r.iterations == 3)
    #expect(r.stopReason == .maxIterations)
    #expect(!r.converged)
    #expect(r.trace.map(\.iteration) == [0, 1, 2, 3])
  }

  /// The first trial step is stp = 1/‖g‖ along d = −g (length 1), and on
  /// this quadratic it already meets both Wolfe conditions: slope −320
  /// against −400 at the start, |−320| ≤ 0.9·400.
  @Test func firstStepHasUnitLength() {
    var q = Quadratic(a: [4, 4], c: [3, 4])
    var steps: [Double] = []
    let r = LBFGS(maxIterations: 1).minimize(&q, from: [0, 0]) { steps.append($0.step) }
    #expect(steps == [0, 0.05])
    #expect(r.x == [0.6000000000000001, 0.8])
    #expect(r.evaluations == 2)
  }

  /// A NaN objective never leaks out: the last finite iterate comes back.
  @Test func nonFiniteObjectiveReturnsLastFiniteIterate() {
    var f = Cliff()
    let r = LBFGS().minimize(&f, from: [0])
    let finite = r.x.allSatisfy { $0.isFinite }
    #expect(finite)
    #expect(r.value.isFinite)
    #expect(r.x[0] <= 0.5)
    #expect(!r.converged)
  }

  @Test func alreadyOptimalStartMakesNoIteration() {
    var q = Quadratic(a: [1], c: [2])
    let r = LBFGS().minimize(&q, from: [2])
    #expect(r.iterations == 0)
    #expect(r.evaluations == 1)
    #expect(r.stopReason == .gradientTolerance)
  }
}

@Suite struct GradientDescentTests {
  @Test func quadraticReachesItsMinimum() {
    var q = Quadratic(a: [1, 3], c: [-1, 2])
    let r = GradientDescent(tolerance: 1e-10, maxIterations: 10_000).minimize(&q, from: [0, 0])
    #expect(r.stopReason == .gradientTolerance)
    #expect(abs(r.x[0] + 1) <= 1e-9 && abs(r.x[1] - 2) <= 1e-9)
  }

  /// Gradient descent needs far more iterations than L-BFGS on an
  /// ill-conditioned problem: what the convergence figure shows.
  @Test func slowerThanLBFGS() {
    var q1 = Quadratic(a: [1, 50], c: [1, 1])
    var q2 = q1
    let gd = GradientDescent(tolerance: 1e-8, maxIterations: 100_000).minimize(&q1, from: [0, 0])
    let lbfgs = LBFGS(tolerance: 1e-8).minimize(&q2, from: [0, 0])
    #expect(gd.converged && lbfgs.converged)
    #expect(gd.iterations > 5 * lbfgs.iterations)
  }

  @Test func stopsAtMaxIterations() {
    var f = Rosenbrock()
    let r = GradientDescent(tolerance: 1e-12, maxIterations: 7).minimize(&f, from: [-1.2, 1])
    #expect(r.iterations == 7)
    #expect(r.stopReason == .maxIterations)
  }

  @Test func nonFiniteObjectiveReturnsLastFiniteIterate() {
    var f = Cliff()
    let r = GradientDescent().minimize(&f, from: [0])
    let finite = r.x.allSatisfy { $0.isFinite }
    #expect(finite && r.value.isFinite)
  }
}

/// ½ Σ aᵢ(xᵢ − cᵢ)² + λ Σ_{i < m} |xᵢ|: the optimum is known coordinate by
/// coordinate, xᵢ = sign(cᵢ)·max(|cᵢ| − λ/aᵢ, 0) (cᵢ for the free ones).
struct L1Quadratic: L1PenalizedObjective {
  var smooth: Quadratic
  let l1Strength: Double
  let l1Count: Int
  var dimension: Int { smooth.dimension }

  mutating func value(at x: [Double], gradient: inout [Double]) -> Double {
    smooth.value(at: x, gradient: &gradient)
  }

  mutating func hessian(at x: [Double], into h: inout [Double]) {
    let n = dimension
    for i in 0..<(n * n) { h[i] = 0 }
    for i in 0..<n { h[i * n + i] = smooth.a[i] }
  }
}

@Suite struct OWLQNTests {
  /// c = (3, −0.05, −2, 0.5), a = (1, 2, 4, 10), λ = 0.2, the last free:
  /// x = (2.8, 0, −1.95, 0.5); the second sits at the kink (|c|·a < λ).
  @Test func reachesTheKnownOptimumWithItsZero() {
    var f = L1Quadratic(
      smooth: Quadratic(a: [1, 2, 4, 10], c: [3, -0.05, -2, 0.5]), l1Strength: 0.2, l1Count: 3)
    let r = OWLQN(tolerance: 1e-12, maxIterations: 100).minimize(&f, from: [0, 0, 0, 0])
    #expect(r.stopReason == .subgradientTolerance)
    for (x, expected) in zip(r.x, [2.8, 0, -1.95, 0.5]) { #expect(abs(x - expected) <= 1e-12) }
    #expect(r.x[1] == 0)
    // F = ½Σa(x − c)² + λ‖x₀..₂‖₁ at the optimum.
    let F = 0.5 * (0.04 + 2 * 0.0025 + 4 * 0.0025) + 0.2 * (2.8 + 1.95)
    #expect(abs(r.value - F) <= 1e-12)
    #expect(r.trace.last!.gradientMaxAbs <= 1e-12)
    #expect(r.evaluations == f.smooth.evaluations)
  }

  /// The pseudo-gradient is the minimum-norm subgradient; its largest
  /// component is ProximalNewton's ω.
  @Test func pseudoGradientIsTheMinimumNormSubgradient() {
    let x = [1.0, -1, 0, 0, 0, 0.5]
    let g = [0.3, 0.3, 0.5, -0.5, 0.1, -0.7]
    let v = pseudoGradient(x, g, m: 5, lambda: 0.2)
    #expect(v == [0.5, 0.09999999999999998, 0.3, -0.3, 0, -0.7])
    #expect(maxAbs(v) == optimality(x, g, m: 5, lambda: 0.2))
  }

  /// Not converging is reported as every solver reports it.
  @Test func stopsAtMaxIterations() {
    var f = L1Quadratic(
      smooth: Quadratic(a: [1, 100, 10_000], c: [1, -2, 3]), l1Strength: 0.1, l1Count: 3)
    let r = OWLQN(tolerance: 1e-12, maxIterations: 2).minimize(&f, from: [0, 0, 0])
    #expect(r.stopReason == .maxIterations)
    #expect(!r.converged)
    #expect(r.iterations == 2)
    #expect(r.trace.map(\.iteration) == [0, 1, 2])
  }
}
