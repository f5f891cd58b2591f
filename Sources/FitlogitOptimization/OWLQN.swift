/// Orthant-wise limited-memory quasi-Newton (OWL-QN; Andrew & Gao, 2007,
/// "Scalable training of L1-regularized log-linear models"), the method
/// Spark MLlib and liblbfgs use for L1 and elastic-net logistic regression,
/// for F = f + λ₁‖x_{0..<m}‖₁ with f smooth and convex.
///
/// Why this method for wide problems: each iteration costs one evaluation
/// of f and ∇f — for logistic regression the same fused two-core pass
/// L-BFGS makes, with no copy of the data and no Hessian — while
/// ``ProximalNewton`` needs a Hessian or coordinate sweeps over the columns
/// per iteration. On a 100k×1000 file that is the difference between
/// about L-BFGS's time and several times it (BENCHMARKS.md). Within one
/// orthant F is smooth, so near the optimum, once the zero pattern is
/// settled, the iterates are L-BFGS's on the nonzero variables.
///
/// Each iteration:
/// 1. the pseudo-gradient v, the minimum-norm subgradient of F:
///    v_t = g_t + λ₁·sign(x_t) for x_t ≠ 0; for x_t = 0 the one-sided
///    derivative of the side F decreases on, g_t + λ₁ if that is < 0,
///    g_t − λ₁ if that is > 0, else 0; v_t = g_t for a free variable;
/// 2. d = −H·v, H the L-BFGS inverse Hessian of f from the pairs
///    s = x_{k+1} − x_k, y = ∇f(x_{k+1}) − ∇f(x_k) (the L1 term never
///    enters y), then d_t = 0 wherever d_t·v_t ≥ 0 (d must descend in
///    every coordinate; −v itself when nothing is left);
/// 3. the orthant ξ_t = sign(x_t), or sign(−v_t) for x_t = 0; trial points
///    π(x + α·d), π zeroing every coordinate that left its orthant (so a
///    coefficient reaches exactly 0), from α = 1 (1/‖v‖ on the first
///    iteration), halving until F(trial) ≤ F(x) + σ·vᵀ(trial − x), σ = 10⁻⁴
///    (or, when F changes by less than its rounding, until ω decreases).
///
/// ω = max |v_t| is exactly ``ProximalNewton``'s stopping measure (see
/// ``optimality(_:_:m:lambda:)``), and the solver stops when ω ≤ tol.
public struct OWLQN: Sendable {
  public var tolerance: Double
  public var maxIterations: Int
  /// Pairs (s, y) kept.
  public var memory = 10
  /// Trial points allowed in one line search.
  public var maxLineSearchSteps = 40
  /// Stop with `.stalled` after this many iterations in a row whose line
  /// search had to shorten the step; nil: never. Near the optimum a
  /// quasi-Newton step is accepted whole; shortened again and again, it
  /// keeps leaving its orthant, as along a direction where f is flat
  /// (collinear columns) and only the L1 term's kinks bound F, which L-BFGS's
  /// curvature pairs cannot see.
  public var stallLimit: Int?

  public init(tolerance: Double = 1e-4, maxIterations: Int = 100) {
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  /// Minimizes F from `start`; the result's `value` is F (the L1 term
  /// included) and each record's `gradientMaxAbs` is ω. A line search
  /// that finds no decrease stops with `.lineSearchFailed` at the last
  /// accepted point (the caller may finish from there by another method).
  public func minimize<O: L1PenalizedObjective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)? = nil
  ) -> OptimizationResult {
    let n = start.count
    let m = objective.l1Count
    let lambda = objective.l1Strength
    var state = SolverState(l1Penalized: &objective, start: start, observer: observer)
    var v = pseudoGradient(state.x, state.g, m: m, lambda: lambda)
    var omega = maxAbs(v)
    if let r = state.recordL1(step: 0, optimality: omega, tolerance: tolerance) { return r }
    var pairs = CompactInverseHessian(capacity: memory)
    var z = [Double](repeating: 0, count: n)
    var d = [Double](repeating: 0, count: n)
    var orthant = [Double](repeating: 0, count: n)
    var trial = state.x
    var gTrial = state.g
    var vTrial = v
    var shortened = 0
    while state.iterations < maxIterations {
      // 2. The quasi-Newton direction on v, kept where it descends.
      var steepest = pairs.count == 0
      if !steepest && !pairs.step(from: state.x, gradient: v, into: &z) {
        pairs.reset()
        steepest = true
      }
      var anyMove = false
      for t in 0..<n {
        d[t] = steepest ? -v[t] : z[t] - state.x[t]
        if d[t] * v[t] >= 0 { d[t] = 0 } else { anyMove = true }
      }
      if !anyMove && !steepest {
        pairs.reset()
        for t in 0..<n { d[t] = -v[t] }
      }
      // 3. The orthant, then backtracking on F along the projected path.
      for t in 0..<n {
        orthant[t] = t < m && lambda > 0 ? (state.x[t] != 0 ? state.x[t] : -v[t]) : 0
      }
      var step = 1.0
      if state.iterations == 0 {
        var vv = 0.0
        for e in v { vv += e * e }
        step = min(1 / vv.squareRoot(), 1e10)
      }
      var accepted = false
      var FTrial = state.f
      var omegaTrial = omega
      // Below ~1e-13·|F| a change of F is the rounding of its n-term sum,
      // not a decrease: there ω must shrink instead.
      let tiny = abs(state.f) * 1e-13
      for _ in 0..<maxLineSearchSteps {
        var predicted = 0.0
        for t in 0..<n {
          var u = state.x[t] + step * d[t]
          if orthant[t] != 0 && u * orthant[t] <= 0 { u = 0 }
          trial[t] = u
          predicted += v[t] * (u - state.x[t])
        }
        FTrial =
          objective.value(at: trial, gradient: &gTrial) + l1Term(trial, m: m, lambda: lambda)
        state.evaluations += 1
        vTrial = pseudoGradient(trial, gTrial, m: m, lambda: lambda)
        omegaTrial = maxAbs(vTrial)
        if FTrial <= state.f + 1e-4 * predicted
          || (abs(FTrial - state.f) <= tiny && omegaTrial < omega)
        {
          accepted = true
          break
        }
        if !FTrial.isFinite && !state.f.isFinite { break }
        step *= 0.5
      }
      guard accepted else { return state.finish(.lineSearchFailed) }
      // The pair (s, y) from f alone; skipped when sᵀy is not positive.
      var sy = 0.0
      var ss = 0.0
      var yy = 0.0
      for t in 0..<n {
        let s = trial[t] - state.x[t]
        let y = gTrial[t] - state.g[t]
        z[t] = s
        d[t] = y
        sy += s * y
        ss += s * s
        yy += y * y
      }
      if sy > Double.ulpOfOne * yy {
        _ = pairs.append(s: z, y: d, sy: sy, ss: ss, theta: yy / sy)
      }
      swap(&state.x, &trial)
      swap(&state.g, &gTrial)
      state.f = FTrial
      swap(&v, &vTrial)
      omega = omegaTrial
      state.iterations += 1
      if let r = state.recordL1(step: step, optimality: omega, tolerance: tolerance) { return r }
      shortened = step < 1 && state.iterations > 1 ? shortened + 1 : 0
      if let stallLimit, shortened >= stallLimit { return state.finish(.stalled) }
    }
    return state.finish(.maxIterations)
  }
}

/// λ₁·Σ_{t < m} |x_t|, the non-smooth part of F.
func l1Term(_ x: [Double], m: Int, lambda: Double) -> Double {
  guard lambda > 0 else { return 0 }
  var sum = 0.0
  for t in 0..<m { sum += abs(x[t]) }
  return lambda * sum
}

/// The minimum-norm subgradient of f + λ₁‖x_{0..<m}‖₁ at x, component by
/// component (OWL-QN's pseudo-gradient); its largest magnitude is
/// ``optimality(_:_:m:lambda:)``.
public func pseudoGradient(_ x: [Double], _ g: [Double], m: Int, lambda: Double) -> [Double] {
  var v = g
  guard lambda > 0 else { return v }
  for t in 0..<m {
    if x[t] > 0 {
      v[t] = g[t] + lambda
    } else if x[t] < 0 {
      v[t] = g[t] - lambda
    } else {
      // A NaN gradient stays NaN (both comparisons are false for it), so
      // ω sees it.
      v[t] =
        g[t] + lambda < 0 ? g[t] + lambda : (g[t] - lambda > 0 ? g[t] - lambda : g[t].isNaN ? g[t] : 0)
    }
  }
  return v
}
