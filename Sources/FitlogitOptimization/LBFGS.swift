/// Limited-memory BFGS exactly as scipy's L-BFGS-B runs it for
/// scikit-learn's `LogisticRegression(solver="lbfgs")` (no bounds):
/// the Cauchy first step of length 1/‖g‖, the compact-form quasi-Newton
/// direction, the Moré–Thuente line search and the stopping tests in
/// scipy's order (docs/SKLEARN_LBFGS.md §D–§F).
///
/// Sums run left to right, so iterates agree with scikit-learn to about
/// 1e-15 on fits that converge; only BLAS kernel rounding differs (§G).
public struct LBFGS: Minimizer {
  /// Pairs (s, y) kept (scipy's `maxcor`).
  public var memory: Int
  /// Stop when max |gᵢ| ≤ tolerance (scipy's `pgtol`, sklearn's `tol`).
  public var tolerance: Double
  /// Accepted iterations allowed (scipy's `maxiter`, sklearn's `max_iter`).
  public var maxIterations: Int
  /// Objective evaluations allowed (scipy's `maxfun`).
  public var maxEvaluations: Int
  /// Evaluations allowed in one line search (scipy's `maxls`).
  public var maxLineSearchSteps: Int
  /// Relative-reduction factor (scipy's `factr` = ftol/eps; sklearn: 64).
  public var factr: Double

  public init(
    memory: Int = 10, tolerance: Double = 1e-4, maxIterations: Int = 100,
    maxEvaluations: Int = 15000, maxLineSearchSteps: Int = 50,
    factr: Double = 64
  ) {
    self.memory = memory
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    self.maxEvaluations = maxEvaluations
    self.maxLineSearchSteps = maxLineSearchSteps
    self.factr = factr
  }

  public func minimize<O: Objective>(
    _ objective: inout O, from start: [Double],
    observer: ((IterationRecord) -> Void)?
  ) -> OptimizationResult {
    let n = start.count
    let epsilon = Double.ulpOfOne
    let relativeTolerance = factr * epsilon
    var state = SolverState(&objective, start: start, observer: observer)
    var lastEvaluated = start
    var memory = CompactInverseHessian(capacity: self.memory)

    state.record(step: 0)
    var sbgnrm = maxAbs(state.g)
    if sbgnrm <= tolerance { return state.finish(.gradientTolerance) }

    var z = [Double](repeating: 0, count: n)
    var d = [Double](repeating: 0, count: n)
    var t = state.x
    var r = state.g
    var lineSearch = MoreThuente()
    while true {
      // E-1: the search direction.
      if memory.count == 0 {
        var f1 = 0.0
        for gi in state.g { f1 = f1 - gi * gi }
        let f2 = -memory.theta * f1
        var dtm = (-f1) / f2
        if !(dtm > 0) { dtm = 0 }
        for i in 0..<n { z[i] = state.x[i] + dtm * (-state.g[i]) }
      } else if !memory.step(from: state.x, gradient: state.g, into: &z) {
        memory.reset()
        continue
      }
      for i in 0..<n { d[i] = z[i] - state.x[i] }

      // E-2: the line search along d.
      var dtd = 0.0
      for v in d { dtd += v * v }
      let dnorm = dtd.squareRoot()
      dtd = dnorm * dnorm
      var stp = state.iterations == 0 ? cMin(1 / dnorm, 1e10) : 1.0
      t = state.x
      r = state.g
      let fold = state.f
      var gd = dot(state.g, d)
      let gdold = gd
      var accepted = false
      if gd < 0 {
        var task = lineSearch.start(value: state.f, slope: gd, step: stp)
        var trials = 0
        while task == .evaluate {
          trials += 1
          if stp == 1 {
            state.x = z
          } else {
            for i in 0..<n { state.x[i] = stp * d[i] + t[i] }
          }
          if trials - 1 >= maxLineSearchSteps { break }
          if state.x != lastEvaluated {
            state.f = objective.value(at: state.x, gradient: &state.g)
            state.evaluations += 1
            lastEvaluated = state.x
          }
          gd = dot(state.g, d)
          task = lineSearch.next(value: state.f, slope: gd, step: &stp)
        }
        accepted = task == .converged || task == .warning
      }
      if !accepted {
        // E-2c: back to the last iterate; a fresh start if there was memory.
        state.x = t
        state.g = r
        state.f = fold
        if memory.count == 0 { return state.finish(.lineSearchFailed) }
        memory.reset()
        continue
      }

      // E-3: an accepted iterate, then the stopping tests in scipy's order.
      state.iterations += 1
      sbgnrm = maxAbs(state.g)
      state.record(step: stp)
      if state.iterations >= maxIterations { return state.finish(.maxIterations) }
      if state.evaluations > maxEvaluations { return state.finish(.maxEvaluations) }
      if sbgnrm <= tolerance { return state.finish(.gradientTolerance) }
      let scale = cMax(cMax(abs(fold), abs(state.f)), 1)
      if fold - state.f <= relativeTolerance * scale {
        return state.finish(.relativeReduction)
      }

      // E-4: the memory update.
      var yv = [Double](repeating: 0, count: n)
      var yy = 0.0
      for i in 0..<n {
        yv[i] = state.g[i] - r[i]
        yy += yv[i] * yv[i]
      }
      let ynorm = yy.squareRoot()
      let rr = ynorm * ynorm
      let dr: Double
      let ddum: Double
      var sv = d
      if stp == 1 {
        dr = gd - gdold
        ddum = -gdold
      } else {
        dr = (gd - gdold) * stp
        for i in 0..<n { sv[i] = stp * d[i] }
        ddum = -gdold * stp
      }
      if dr <= epsilon * ddum { continue }
      _ = memory.append(
        s: sv, y: yv, sy: dr, ss: stp == 1 ? dtd : stp * stp * dtd, theta: rr / dr)
    }
  }
}
