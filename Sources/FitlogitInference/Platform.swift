// The one place this module calls libm.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@inline(__always) func libmErfc(_ x: Double) -> Double { erfc(x) }
@inline(__always) func libmLgamma(_ x: Double) -> Double { lgamma(x) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) func libmLog1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
