// The one place this module calls libc and libm.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }

/// `v` through one printf conversion (`%9.2f`), as Python's `format` rounds:
/// both print the exact binary value correctly rounded.
func printf(_ format: String, _ v: Double) -> String {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buf in
    _ = withVaList([v]) { vsnprintf(buf.baseAddress!, 400, format, $0) }
    return String(cString: buf.baseAddress!)
  }
}
