// The one place this module calls libm.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@inline(__always) func libmLog10(_ x: Double) -> Double { log10(x) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) func libmFloor(_ x: Double) -> Double { floor(x) }
@inline(__always) func libmCeil(_ x: Double) -> Double { ceil(x) }
