// Number text for reports. JSON uses Swift's shortest round-trip form so
// that a value read back is the value computed; text uses fixed decimals.
import FitlogitSystem

/// `v` with exactly `decimals` digits after the point (`%.*f`).
func fixed(_ v: Double, _ decimals: Int) -> String {
  if !v.isFinite { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
  return printfFormat("%.*f", Int32(decimals), v)
}

/// `v` to `digits` significant digits (`%.*g`), for compact tables.
func significant(_ v: Double, _ digits: Int) -> String {
  if !v.isFinite { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
  return printfFormat("%.*g", Int32(digits), v)
}

/// The shortest text that reads back as `v`, without a trailing `.0`
/// (0.7, not 0.70; 1, not 1.0), as numpy prints a rounded array.
func shortest(_ v: Double) -> String {
  let s = "\(v)"
  return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
}

/// numpy's `np.round(v, decimals)`: round half to even on v·10^decimals.
func numpyRound(_ v: Double, _ decimals: Int) -> Double {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  return (v * scale).rounded(.toNearestOrEven) / scale
}

/// `v` through one printf conversion (`%#8.5g`, `%9.3f`), for tables that
/// must match statsmodels' column by column.
func printf(_ format: String, _ v: Double) -> String {
  printfFormat(format, v)
}

/// statsmodels' `forg`: fixed decimals for ordinary magnitudes, %g for
/// very large or small ones (`8345.000`, `2.11e+04`).
func forg(_ v: Double, precision: Int) -> String {
  let scientific = abs(v) >= 1e4 || abs(v) < 1e-4
  if precision == 4 { return printf(scientific ? "%10.4g" : "%10.4f", v) }
  return printf(scientific ? "%9.3g" : "%9.3f", v)
}
