/// Maps data values to pixels, linearly or by log10.
import FitlogitSystem

struct Scale: Sendable {
  let domain: (Double, Double)
  let range: (Double, Double)
  let logarithmic: Bool

  init(domain: (Double, Double), range: (Double, Double), logarithmic: Bool = false) {
    self.domain = domain
    self.range = range
    self.logarithmic = logarithmic
  }

  func callAsFunction(_ v: Double) -> Double {
    let (a, b) = logarithmic ? (libmLog10(domain.0), libmLog10(domain.1)) : domain
    let x = logarithmic ? libmLog10(max(v, domain.0)) : v
    let t = b == a ? 0.5 : (x - a) / (b - a)
    return range.0 + t * (range.1 - range.0)
  }

  /// Tick values: "nice" 1-2-5 steps, or powers of ten on a log scale.
  func ticks(_ count: Int = 5) -> [Double] {
    if logarithmic {
      let lo = Int(libmFloor(libmLog10(domain.0)))
      let hi = Int(libmCeil(libmLog10(domain.1)))
      let every = max(1, (hi - lo + count - 1) / count)
      return stride(from: lo, through: hi, by: every).map { pow10($0) }
        .filter { $0 >= domain.0 * 0.999 && $0 <= domain.1 * 1.001 }
    }
    return niceTicks(domain.0, domain.1, count: count)
  }
}

/// Ticks covering [lo, hi] at a step of 1, 2 or 5 times a power of ten, about
/// `count` of them: what a reader can add up in their head.
public func niceTicks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
  guard hi > lo, count > 0 else { return [lo] }
  let raw = (hi - lo) / Double(count)
  let magnitude = pow10(Int(libmFloor(libmLog10(raw))))
  let residual = raw / magnitude
  let step = (residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10) * magnitude
  let first = (lo / step).rounded(.up)
  let last = (hi / step).rounded(.down)
  guard first <= last else { return [lo, hi] }
  return stride(from: first, through: last, by: 1).map { k in
    let v = k * step
    return abs(v) < step * 1e-9 ? 0 : v
  }
}

/// A tick label: as many decimals as the step needs, "1e-4" on log axes.
func tickLabel(_ v: Double, step: Double, logarithmic: Bool) -> String {
  if logarithmic {
    let e = Int(libmLog10(v).rounded())
    return e == 0 ? "1" : e == 1 ? "10" : "1e\(e)"
  }
  let places = step >= 1 ? 0 : min(6, Int(libmCeil(-libmLog10(step) - 1e-9)))
  return decimals(v, places)
}

func pow10(_ e: Int) -> Double {
  var v = 1.0
  if e >= 0 { for _ in 0..<e { v *= 10 } } else { for _ in 0..<(-e) { v /= 10 } }
  return v
}

