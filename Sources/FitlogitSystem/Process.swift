// What a process asks of the system about itself: a clock, its memory, its
// exit, its environment.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds on a monotonic clock, for timings.
package func monotonicSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The largest resident set this process has had, in megabytes.
package func peakResidentMegabytes() -> Double {
  var usage = rusage()
  #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / (1024 * 1024)  // bytes on Darwin
  #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
  #endif
}

/// Ends the process with `status`.
package func exitProcess(_ status: Int32) -> Never {
  exit(status)
}

/// The environment variable `name`, or nil.
package func environmentValue(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}
