/// The Moré–Thuente line search as L-BFGS-B runs it (MINPACK-2 `dcsrch`,
/// translated in scipy's `__lbfgsb.c`), step by step as docs/SKLEARN_LBFGS.md
/// §E-7 gives it: the same comparisons in the same order, so that trial
/// steps, and therefore iterates, agree with scikit-learn to rounding.
///
/// Use: ``start(value:slope:step:)`` once, then ``next(value:slope:step:)``
/// after each evaluation at the returned step, while the task is `.evaluate`.
struct MoreThuente {
  enum Task: Equatable { case evaluate, converged, warning, error }

  /// Sufficient decrease (ftol), curvature (gtol) and interval (xtol)
  /// constants, and step bounds. The defaults are L-BFGS-B's hard-coded
  /// values; scipy's `line_search_wolfe1` runs the same `dcsrch` with its
  /// own (``wolfe1``).
  let ftol: Double
  let gtol: Double
  let xtol: Double
  let stpmin: Double
  let stpmax: Double

  init(
    ftol: Double = 1e-3, gtol: Double = 0.9, xtol: Double = 0.1,
    stpmin: Double = 0, stpmax: Double = 1e10
  ) {
    self.ftol = ftol
    self.gtol = gtol
    self.xtol = xtol
    self.stpmin = stpmin
    self.stpmax = stpmax
  }

  /// scipy's `line_search_wolfe1` defaults (c1, c2, xtol, amin, amax), the
  /// search scikit-learn's newton-cg tries first.
  static var wolfe1: MoreThuente {
    MoreThuente(ftol: 1e-4, gtol: 0.9, xtol: 1e-14, stpmin: 1e-8, stpmax: 50)
  }
  private let xtrapl = 1.1
  private let xtrapu = 4.0

  private var bracketed = false
  private var stage = 1
  private var finit = 0.0
  private var ginit = 0.0
  private var gtest = 0.0
  private var width = 0.0
  private var width1 = 0.0
  private var stx = 0.0, fx = 0.0, gx = 0.0
  private var sty = 0.0, fy = 0.0, gy = 0.0
  private var stmin = 0.0, stmax = 0.0

  /// Begins a search from f(0) = `value`, f'(0) = `slope` < 0.
  mutating func start(value f: Double, slope g: Double, step stp: Double) -> Task {
    if stp < stpmin || stp > stpmax || g >= 0 { return .error }
    bracketed = false
    stage = 1
    finit = f
    ginit = g
    gtest = ftol * ginit
    width = stpmax - stpmin
    width1 = width / 0.5
    (stx, fx, gx) = (0, f, g)
    (sty, fy, gy) = (0, f, g)
    stmin = 0
    stmax = stp + xtrapu * stp
    return .evaluate
  }

  /// Takes f and f' at `step`; returns what to do and the next step.
  mutating func next(value f: Double, slope g: Double, step: inout Double) -> Task {
    var stp = step
    let ftest = finit + stp * gtest
    if stage == 1 && f <= ftest && g >= 0 { stage = 2 }

    var task: Task?
    if bracketed && (stp <= stmin || stp >= stmax) { task = .warning }
    if bracketed && stmax - stmin <= xtol * stmax { task = .warning }
    if stp == stpmax && f <= ftest && g <= gtest { task = .warning }
    if stp == stpmin && (f > ftest || g >= gtest) { task = .warning }
    if f <= ftest && abs(g) <= gtol * (-ginit) { task = .converged }
    if let task { return task }

    if stage == 1 && f <= fx && f > ftest {
      // The modified function ψ(α) = f(α) − f(0) − ftol·α·f'(0).
      let fm = f - stp * gtest
      var fxm = fx - stx * gtest
      var fym = fy - sty * gtest
      let gm = g - gtest
      var gxm = gx - gtest
      var gym = gy - gtest
      dcstep(
        &stx, &fxm, &gxm, &sty, &fym, &gym, &stp, fm, gm, &bracketed,
        stmin, stmax)
      fx = fxm + stx * gtest
      fy = fym + sty * gtest
      gx = gxm + gtest
      gy = gym + gtest
    } else {
      dcstep(
        &stx, &fx, &gx, &sty, &fy, &gy, &stp, f, g, &bracketed, stmin, stmax)
    }

    if bracketed {
      if abs(sty - stx) >= 0.66 * width1 { stp = stx + 0.5 * (sty - stx) }
      width1 = width
      width = abs(sty - stx)
    }
    if bracketed {
      stmin = cMin(stx, sty)
      stmax = cMax(stx, sty)
    } else {
      stmin = stp + xtrapl * (stp - stx)
      stmax = stp + xtrapu * (stp - stx)
    }
    stp = cMax(stp, stpmin)
    stp = cMin(stp, stpmax)
    if bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax) {
      stp = stx
    }
    step = stp
    return .evaluate
  }
}

/// MINPACK-2 `dcstep`: a safeguarded cubic/quadratic step that keeps an
/// interval of uncertainty [stx, sty] (docs/SKLEARN_LBFGS.md §E-8).
private func dcstep(
  _ stx: inout Double, _ fx: inout Double, _ dx: inout Double,
  _ sty: inout Double, _ fy: inout Double, _ dy: inout Double,
  _ stp: inout Double, _ fp: Double, _ dp: Double,
  _ brackt: inout Bool, _ stpmin: Double, _ stpmax: Double
) {
  let sgnd = dp * (dx / abs(dx))
  var stpf: Double
  if fp > fx {
    // Case 1: a higher function value; the minimum is bracketed.
    let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
    let s = cMax(abs(theta), cMax(abs(dx), abs(dp)))
    var gamma = s * (square(theta / s) - (dx / s) * (dp / s)).squareRoot()
    if stp < stx { gamma = -gamma }
    let p = (gamma - dx) + theta
    let q = ((gamma - dx) + gamma) + dp
    let r = p / q
    let stpc = stx + r * (stp - stx)
    let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx)
    if abs(stpc - stx) < abs(stpq - stx) {
      stpf = stpc
    } else {
      stpf = stpc + (stpq - stpc) / 2
    }
    brackt = true
  } else if sgnd < 0 {
    // Case 2: derivatives of opposite sign; bracketed.
    let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
    let s = cMax(abs(theta), cMax(abs(dx), abs(dp)))
    var gamma = s * (square(theta / s) - (dx / s) * (dp / s)).squareRoot()
    if stp > stx { gamma = -gamma }
    let p = (gamma - dp) + theta
    let q = ((gamma - dp) + gamma) + dx
    let r = p / q
    let stpc = stp + r * (stx - stp)
    let stpq = stp + (dp / (dp - dx)) * (stx - stp)
    stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
    brackt = true
  } else if abs(dp) < abs(dx) {
    // Case 3: same sign, the derivative's magnitude decreases.
    let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
    let s = cMax(abs(theta), cMax(abs(dx), abs(dp)))
    var gamma = s * cMax(0, square(theta / s) - (dx / s) * (dp / s)).squareRoot()
    if stp > stx { gamma = -gamma }
    let p = (gamma - dp) + theta
    let q = (gamma + (dx - dp)) + gamma
    let r = p / q
    let stpc: Double
    if r < 0 && gamma != 0 {
      stpc = stp + r * (stx - stp)
    } else if stp > stx {
      stpc = stpmax
    } else {
      stpc = stpmin
    }
    let stpq = stp + (dp / (dp - dx)) * (stx - stp)
    if brackt {
      stpf = abs(stpc - stp) < abs(stpq - stp) ? stpc : stpq
      if stp > stx {
        stpf = cMin(stp + 0.66 * (sty - stp), stpf)
      } else {
        stpf = cMax(stp + 0.66 * (sty - stp), stpf)
      }
    } else {
      stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
      stpf = cMin(stpmax, stpf)
      stpf = cMax(stpmin, stpf)
    }
  } else {
    // Case 4: same sign, the derivative's magnitude does not decrease.
    if brackt {
      let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
      let s = cMax(abs(theta), cMax(abs(dy), abs(dp)))
      var gamma = s * (square(theta / s) - (dy / s) * (dp / s)).squareRoot()
      if stp > sty { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = ((gamma - dp) + gamma) + dy
      let r = p / q
      stpf = stp + r * (sty - stp)
    } else if stp > stx {
      stpf = stpmax
    } else {
      stpf = stpmin
    }
  }
  // Update the interval that contains a minimizer.
  if fp > fx {
    (sty, fy, dy) = (stp, fp, dp)
  } else {
    if sgnd < 0 { (sty, fy, dy) = (stx, fx, dx) }
    (stx, fx, dx) = (stp, fp, dp)
  }
  stp = stpf
}

/// v·v: the C source's pow(v, 2.0), which GCC folds to a multiply.
@inline(__always) private func square(_ v: Double) -> Double { v * v }

/// C `fmin`/`fmax`: when exactly one argument is NaN, the other wins.
@inline(__always) func cMin(_ a: Double, _ b: Double) -> Double {
  if a.isNaN { return b }
  if b.isNaN { return a }
  return a < b ? a : b
}

@inline(__always) func cMax(_ a: Double, _ b: Double) -> Double {
  if a.isNaN { return b }
  if b.isNaN { return a }
  return a > b ? a : b
}
