/// A point of a Firth iteration: the modified (adjusted) score there, the
/// inverse information, and what the step halving compares (the K-class
/// fit's penalized likelihood; the binary fit compares scores only).
struct FirthState {
  var u: [Double]
  var cov: [Double]
  var merit: Double
}

/// The largest |component|: the size of a score.
func maxNorm(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }

/// The iteration both Firth fits run, from `start`: stop when the score is
/// below 1e-10; else step β + t·I⁻¹U* with t = 1, ½, ¼, … > 1e-8 until
/// `accept(next, current, t)`; stop when no t is accepted. The two fits
/// differ only in their score and in what a step must improve.
struct FirthSteps {
  var beta: [Double]
  var last: FirthState
  var iterations = 0
  var converged = false

  init?(
    from start: [Double], maxIterations: Int, evaluate: ([Double]) -> FirthState?,
    accept: (_ next: FirthState, _ current: FirthState, _ t: Double) -> Bool
  ) {
    guard var current = evaluate(start) else { return nil }
    var beta = start
    let m = start.count
    while iterations < maxIterations {
      if maxNorm(current.u) <= 1e-10 { converged = true; break }
      iterations += 1
      var step = [Double](repeating: 0, count: m)
      for a in 0..<m { for b in 0..<m { step[a] += current.cov[a * m + b] * current.u[b] } }
      var t = 1.0
      var accepted = false
      while t > 1e-8 {
        let trial = zip(beta, step).map { $0 + t * $1 }
        if let next = evaluate(trial), accept(next, current, t) {
          beta = trial
          current = next
          accepted = true
          break
        }
        t /= 2
      }
      if !accepted { break }
    }
    self.beta = beta
    self.last = current
  }
}
