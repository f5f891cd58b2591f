// How many cores there are, and running work on them.
import Dispatch

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

/// Runs `body(i)` for every i in 0..<count, on all cores when count > 1
/// (libdispatch's `concurrentPerform`), and returns when all have run.
///
/// The one parallel loop of the package: the CSV chunks and the objective's
/// row blocks both go through it. `body` must only write state that no
/// other index writes (its own chunk, its own slice of an output buffer).
package func parallelFor(_ count: Int, _ body: (Int) -> Void) {
  if count == 1 {
    body(0)
  } else if count > 1 {
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: count) { body($0) }
    }
  }
}
