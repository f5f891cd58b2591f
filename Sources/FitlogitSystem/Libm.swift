// Every libm call of the package, behind one name each (as swift-numerics
// routes its functions through one shim module): the other modules import
// FitlogitSystem instead of Glibc or Darwin, so a port touches this file.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@inline(__always) package func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) package func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) package func libmLog1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) package func libmLog10(_ x: Double) -> Double { log10(x) }
@inline(__always) package func libmFloor(_ x: Double) -> Double { floor(x) }
@inline(__always) package func libmCeil(_ x: Double) -> Double { ceil(x) }
@inline(__always) package func libmErfc(_ x: Double) -> Double { erfc(x) }
@inline(__always) package func libmLgamma(_ x: Double) -> Double { lgamma(x) }
@inline(__always) package func libmCos(_ x: Double) -> Double { cos(x) }
@inline(__always) package func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

// Single precision, for losses computed in Float as Keras computes them.
@inline(__always) package func libmExp(_ x: Float) -> Float { expf(x) }
@inline(__always) package func libmLog(_ x: Float) -> Float { logf(x) }
@inline(__always) package func libmLog1p(_ x: Float) -> Float { log1pf(x) }
