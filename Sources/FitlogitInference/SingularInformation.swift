import FitlogitOptimization

/// The inverse of an information matrix that is numerically singular at the
/// optimum, as it is when separation drives it towards 0: a ridge of 1e-12
/// times its mean diagonal keeps the (meaningless, huge) standard errors
/// finite instead of infinite or NaN, and ``singularInformationWarning``
/// says they mean nothing. Two classes and K classes take the same ridge.
func ridgedInverse(_ information: [Double], size m: Int) -> [Double]? {
  var trace = 0.0
  for i in 0..<m { trace += information[i * m + i] }
  var ridged = information
  for i in 0..<m { ridged[i * m + i] += max(trace / Double(m), 1e-300) * 1e-12 }
  return inverseOfPositiveDefinite(ridged, size: m)
}

let singularInformationWarning =
  "the information matrix is numerically singular at the optimum; the "
  + "standard errors are not meaningful"
