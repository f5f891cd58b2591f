/// A smooth objective f plus an L1 term on its first ``l1Count``
/// variables: F(x) = f(x) + λ₁ Σ_{t < m} |x_t|.
///
/// ``Objective/value(at:gradient:)`` gives f alone; the solver adds the
/// L1 term, which has no gradient at 0.
public protocol L1PenalizedObjective: TwiceDifferentiableObjective {
  /// λ₁ ≥ 0.
  var l1Strength: Double { get }
  /// m: the variables 0..<m carry the L1 term (the coefficients; the
  /// intercepts that follow are free).
  var l1Count: Int { get }
}

/// Proximal Newton with a coordinate-descent inner solve: liblinear's
/// newGLMNET (Yuan, Ho & Lin, 2012) and glmnet's outer/inner loops, for
/// F = f + λ₁‖x_{0..<m}‖₁ with f smooth and convex.
///
/// Why this method: scikit-learn fits L1 and elastic-net logistic
/// regression with saga, whose iterates depend on a random sample order, so
/// its answer is only "the optimum, approximately". A deterministic method
/// that reaches the optimum to machine precision gives one answer on every
/// machine. Coordinate descent on Newton's quadratic model sets coefficients
/// to exactly 0 by soft-thresholding (OWL-QN reaches zeros only through
/// orthant projections, and plain proximal gradient converges linearly);
/// the outer Newton steps converge quadratically near the optimum, so
/// `tol = 1e-10` costs a few more iterations than `tol = 1e-4`.
/// (For two classes and 200 features or more, fitlogit's fit runs
/// ``OWLQN`` first, whose iteration is one objective pass, and this method
/// only finishes when OWL-QN stalls.)
///
/// Each iteration:
/// 1. g = ∇f(x), H = ∇²f(x) (dense: the model has few parameters);
/// 2. d ≈ argmin gᵀd + ½dᵀHd + λ₁‖x + d‖₁ by cyclic coordinate descent,
///    coordinate t moving to soft(x_t + d_t − b_t/H_tt, λ₁/H_tt), b = g + Hd,
///    until no coordinate moves the model gradient by more than
///    max(min(0.1·ω, ω²), 0.01·tol);
/// 3. backtracking from step 1, halving, until
///    F(x + t·d) ≤ F(x) + σ·t·Δ, Δ = gᵀd + λ₁(‖x + d‖₁ − ‖x‖₁), σ = 10⁻⁴
///    (or, when F changes by less than its rounding, until ω decreases).
///
/// It stops when ω, the largest component of the minimum-norm subgradient
/// of F, is ≤ tol:
///
///     ω_t = |g_t + λ₁·sign(x_t)|      x_t ≠ 0, t < m
///     ω_t = max(|g_t| − λ₁, 0)        x_t = 0, t < m
///     ω_t = |g_t|                     t ≥ m (free variables)
///
/// which is exactly max |∇F| where F is differentiable, so with λ₁ = 0 the
/// test is the one L-BFGS uses.
public struct ProximalNewton: Sendable {
  public var tolerance: Double
  public var maxIterations: Int
  /// Coordinate-descent sweeps allowed per inner solve.
  public var maxSweeps = 10_000
  /// The work allowed per inner solve through the rows, in sweeps over
  /// every variable (a sweep over the working set W costs 2·n·|W|): a
  /// small working set gets proportionally more sweeps (collinear columns
  /// need many), a full one this many. An inexact inner solve still gives a
  /// descent direction; the line search and the outer test are unchanged.
  public var rowModelSweeps = 20
  /// The most variables ``blockDescent`` takes as one dense block.
  public var blockLimit = 32

  public init(tolerance: Double = 1e-4, maxIterations: Int = 100) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  /// Minimizes F from `start`; the result's `value` is F (the L1 term
  /// included) and each record's `gradientMaxAbs` is ω.
  public func minimize<O: L1PenalizedObjective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)? = nil
  ) -> OptimizationResult {
    let n = start.count
    let m = objective.l1Count
    let lambda = objective.l1Strength
    var state = SolverState(l1Penalized: &objective, start: start, observer: observer)
    var omega = optimality(state.x, state.g, m: m, lambda: lambda)
    if let r = state.recordL1(step: 0, optimality: omega, tolerance: tolerance) { return r }
    var h: [Double] = []
    var d = [Double](repeating: 0, count: n)
    var hd = [Double](repeating: 0, count: n)
    var trial = state.x
    var gTrial = state.g
    let rows = (objective as? any RowQuadraticModel)?.prefersRowModel ?? false
    let initialOmega = omega
    var innerShare = 1.0
    if !rows { h = [Double](repeating: 0, count: n * n) }
    while state.iterations < maxIterations {
      // Inner solve: coordinate descent on the quadratic model.
      for t in 0..<n {
        d[t] = 0
        hd[t] = 0
      }
      let innerTolerance = max(min(0.1 * omega, omega * omega), 0.01 * tolerance)
      if rows, var model = objective as? any RowQuadraticModel {
        // liblinear's newGLMNET schedule: the inner solve stops at a share
        // of the first iteration's ω, a share cut by 4 whenever one sweep
        // was enough, so early iterations take one or two sweeps.
        let sweeps = rowModelDescent(
          &model, state: state, lambda: lambda, m: m,
          innerTolerance: max(innerTolerance, innerShare * initialOmega), d: &d)
        if sweeps <= 1 { innerShare *= 0.25 }
        objective = model as! O
      }
      if !rows { objective.hessian(at: state.x, into: &h) }
      for _ in 0..<(rows ? 0 : maxSweeps) {
        var largest = 0.0
        for t in 0..<n {
          let a = h[t * n + t]
          guard a > 0 else { continue }
          let delta = coordinateStep(
            x: state.x[t] + d[t], slope: state.g[t] + hd[t], curvature: a,
            l1: t < m ? lambda : 0)
          guard delta != 0 else { continue }
          d[t] += delta
          // H is symmetric: row t is column t, and contiguous.
          for r in 0..<n { hd[r] += delta * h[t * n + r] }
          largest = max(largest, abs(delta) * a)
        }
        if largest <= innerTolerance { break }
      }
      // Δ coordinate by coordinate: near the optimum it is ~ω², far below
      // the rounding of ‖x + d‖₁ − ‖x‖₁ taken as a difference of sums.
      var decrease = 0.0
      for t in 0..<n {
        var term = state.g[t] * d[t]
        if t < m && lambda > 0 {
          term += lambda * (abs(state.x[t] + d[t]) - abs(state.x[t]))
        }
        decrease += term
      }
      if !(decrease < 0) && d.allSatisfy({ $0 == 0 }) {
        return state.finish(omega <= tolerance ? .subgradientTolerance : .lineSearchFailed)
      }
      var step = 1.0
      var accepted = false
      var FTrial = state.f
      // Below ~1e-13·|F| a change of F is the rounding of its n-term sum,
      // not a decrease: there the subgradient must shrink instead.
      let tiny = abs(state.f) * 1e-13
      for _ in 0..<40 {
        for t in 0..<n { trial[t] = state.x[t] + step * d[t] }
        FTrial = objective.value(at: trial, gradient: &gTrial) + l1Term(trial, m: m, lambda: lambda)
        state.evaluations += 1
        if FTrial <= state.f + 1e-4 * step * decrease
          || (abs(FTrial - state.f) <= tiny
            && optimality(trial, gTrial, m: m, lambda: lambda) < omega)
        {
          accepted = true
          break
        }
        step *= 0.5
      }
      guard accepted else { return state.finish(.lineSearchFailed) }
      swap(&state.x, &trial)
      swap(&state.g, &gTrial)
      state.f = FTrial
      omega = optimality(state.x, state.g, m: m, lambda: lambda)
      state.iterations += 1
      if let r = state.recordL1(step: step, optimality: omega, tolerance: tolerance) { return r }
    }
    return state.finish(.maxIterations)
  }
}

extension ProximalNewton {
  /// The inner solve through the rows (``RowQuadraticModel``): cyclic
  /// coordinate descent on the same model and with the same updates and
  /// stopping rule as the dense loop, over a working set: the nonzero
  /// coefficients, the free variables, and the zero coefficients whose
  /// gradient breaks the optimality condition |g_t| ≤ λ₁ (liblinear's
  /// shrinking). A coordinate left out keeps d_t = 0, which the outer
  /// stopping test, taken on every coordinate, then checks: the optimum and
  /// the test are the dense loop's.
  @discardableResult
  func rowModelDescent<M: RowQuadraticModel>(
    _ model: inout M, state: SolverState, lambda: Double, m: Int,
    innerTolerance: Double, d: inout [Double]
  ) -> Int {
    let n = d.count
    model.beginModel(at: state.x)
    var sweeps = 0
    var active: [Int] = []
    var diagonal: [Double] = []
    for t in 0..<n {
      let shrunk = t < m && lambda > 0 && state.x[t] == 0 && abs(state.g[t]) < lambda
      let a = model.modelDiagonal(t)
      if !shrunk && a > 0 {
        active.append(t)
        diagonal.append(a)
      }
    }
    model.prepareModel(for: active)
    let budget = max(1, rowModelSweeps * n / max(active.count, 1))
    for _ in 0..<min(maxSweeps, budget) {
      var largest = 0.0
      var moving: [(t: Int, size: Double)] = []
      for (index, t) in active.enumerated() {
        let a = diagonal[index]
        let delta = coordinateStep(
          x: state.x[t] + d[t], slope: state.g[t] + model.modelProduct(t, dt: d[t]), curvature: a,
          l1: t < m ? lambda : 0)
        guard delta != 0 else { continue }
        d[t] += delta
        model.modelMove(t, by: delta)
        largest = max(largest, abs(delta) * a)
        moving.append((t, abs(delta) * a))
      }
      sweeps += 1
      if largest <= innerTolerance { break }
      if moving.count > 1 {
        moving.sort { $0.size > $1.size }
        blockDescent(
          &model, block: moving.prefix(blockLimit).map(\.t).sorted(), state: state, lambda: lambda, m: m,
          innerTolerance: innerTolerance, d: &d)
      }
    }
    return sweeps
  }

  /// Coordinate descent run to convergence on the ``blockLimit`` variables
  /// that moved most in the last sweep, through their dense block of H
  /// (the others held): with exactly collinear columns (a column that
  /// is a combination of others) the model is flat along a direction that
  /// mixes them, and one-coordinate moves creep along it by about λ₁/H_tt
  /// per sweep, each sweep two passes over the rows; on the block a sweep
  /// costs k² multiply-adds. The moves are then applied to X·d at once.
  func blockDescent<M: RowQuadraticModel>(
    _ model: inout M, block: [Int], state: SolverState, lambda: Double, m: Int,
    innerTolerance: Double, d: inout [Double]
  ) {
    let k = block.count
    let h = model.modelBlock(block)
    // The model's slope at the block's start; moves inside the block
    // change it through h alone.
    var slope = block.map { t in state.g[t] + model.modelProduct(t, dt: d[t]) }
    var moves = [Double](repeating: 0, count: k)
    for _ in 0..<maxSweeps {
      var largest = 0.0
      for i in 0..<k {
        let t = block[i]
        let a = h[i * k + i]
        guard a > 0 else { continue }
        let delta = coordinateStep(
          x: state.x[t] + d[t] + moves[i], slope: slope[i], curvature: a,
          l1: t < m ? lambda : 0)
        guard delta != 0 else { continue }
        moves[i] += delta
        for r in 0..<k { slope[r] += delta * h[i * k + r] }
        largest = max(largest, abs(delta) * a)
      }
      if largest <= 0.1 * innerTolerance { break }
    }
    for i in 0..<k where moves[i] != 0 {
      d[block[i]] += moves[i]
      model.modelMove(block[i], by: moves[i])
    }
  }
}

/// The exact minimizer's move along one coordinate of the quadratic model
/// plus l1·|z|: at z (= x + d so far) with slope b and curvature a > 0, the
/// move is soft-thresholded (a free coordinate, l1 = 0, takes the Newton
/// move −b/a). Both inner loops, dense and through the rows, take this step.
@inline(__always)
func coordinateStep(x z: Double, slope b: Double, curvature a: Double, l1: Double) -> Double {
  l1 > 0 ? softThreshold(z - b / a, l1 / a) - z : -b / a
}

/// sign(u)·max(|u| − k, 0): the proximal map of k|·|.
@inline(__always)
func softThreshold(_ u: Double, _ k: Double) -> Double {
  u > k ? u - k : (u < -k ? u + k : 0)
}

/// ω: the largest component of the minimum-norm subgradient of
/// f + λ‖x_{0..<m}‖₁ at x (see ``ProximalNewton``): the largest magnitude
/// of ``pseudoGradient(_:_:m:lambda:)``, NaN when any component is.
public func optimality(_ x: [Double], _ g: [Double], m: Int, lambda: Double) -> Double {
  maxAbs(pseudoGradient(x, g, m: m, lambda: lambda))
}
