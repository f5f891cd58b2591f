// How many cores there are, and running work on them.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cores this process may run on (at least 1).
package func processorCount() -> Int {
  #if canImport(Glibc) || canImport(Musl)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  #else
    return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
  #endif
}
