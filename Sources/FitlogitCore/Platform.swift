// The one place that talks to libc, so the rest of the module stays portable.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) func libmLog1p(_ x: Double) -> Double { log1p(x) }

/// Correctly rounded decimal-to-double conversion of `count` ASCII bytes.
///
/// The caller has already checked the syntax, so strtod sees only
/// `[+-]digits[.digits][e[+-]digits]` and cannot wander into hex or `nan`.
func libcStrtod(_ bytes: UnsafePointer<UInt8>, count: Int) -> Double {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buf in
    for i in 0..<count { buf[i] = CChar(bitPattern: bytes[i]) }
    buf[count] = 0
    return strtod(buf.baseAddress!, nil)
  }
}

/// Cores this process may run on (at least 1).
func processorCount() -> Int {
  #if canImport(Glibc) || canImport(Musl)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  #else
    return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
  #endif
}
