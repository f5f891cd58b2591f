// Temporary files and directories that a signal must not leave behind, and
// the handlers that remove them before the process ends as the signal would
// have ended it.
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The paths a signal handler removes: a fixed table of C strings filled
/// before each temporary is created, so the handler reads it without
/// allocating or locking (only `unlink` and `rmdir`, both async-signal-safe).
///
/// Entries are never freed while the process runs (a command stages a few
/// dozen files at most): a handler running on another thread can then
/// never read a freed string. ``forgetAll()`` only resets the count.
package enum SignalCleanup {
  /// More entries than this are not registered (and so not removed by a
  /// signal; a normal failure still removes them).
  package static let capacity = 256

  nonisolated(unsafe) private static let table =
    UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
  private static let count = Atomic<Int>(0)
  private static let installed = Atomic<Bool>(false)

  /// Adds `path`: a signal from now on removes it. Register a directory
  /// before the files inside it: the handler removes entries newest first.
  package static func register(_ path: String) {
    installHandlers()
    let n = count.load(ordering: .sequentiallyConsistent)
    guard n < capacity else { return }
    table[n] = strdup(path)
    count.store(n + 1, ordering: .sequentiallyConsistent)
  }

  /// Every staged path is committed or removed: a signal removes nothing.
  package static func forgetAll() {
    count.store(0, ordering: .sequentiallyConsistent)
  }

  /// The registered paths, oldest first (for tests).
  package static var registered: [String] {
    let n = count.load(ordering: .sequentiallyConsistent)
    return (0..<n).compactMap { table[$0].map { String(cString: $0) } }
  }

  /// Removes every registered path, newest first: what the handler does.
  package static func removeAll() {
    var i = count.load(ordering: .sequentiallyConsistent)
    while i > 0 {
      i -= 1
      if let p = table[i], unlink(p) != 0 { rmdir(p) }
    }
  }

  /// Signals whose default action ends the process during a write: each
  /// removes the registered paths, then ends the process as it would have.
  /// SIGQUIT is among them so that Ctrl-\ ends the process quietly with its
  /// usual status rather than through the runtime's crash reporter. A
  /// signal the user chose to ignore (`nohup`) stays ignored.
  package static func installHandlers() {
    guard
      installed.compareExchange(
        expected: false, desired: true, ordering: .sequentiallyConsistent
      ).exchanged
    else { return }
    for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      let previous = signal(s, removeAndResignal)
      // SIG_IGN is the handler value 1 on Linux and Darwin.
      if unsafeBitCast(previous, to: Int.self) == 1 { signal(s, previous) }
    }
  }

  /// Unblocks the signals above: a mask inherited from the parent (some
  /// thread pools spawn children with every signal blocked) would hold a
  /// Ctrl-C until the process ends on its own. Ignoring, not blocking, is
  /// how a parent says "do not interrupt", and that is kept.
  package static func unblockHandledSignals() {
    var set = sigset_t()
    sigemptyset(&set)
    for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, s) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// SIGPIPE and SIGXFSZ become errors of the write that caused them
  /// (`EPIPE`, `EFBIG`), so the CLI reports "file too large" in one line
  /// and removes its temporary, and a closed pipe ends output quietly.
  package static func turnWriteSignalsIntoErrors() {
    installHandlers()
    unblockHandledSignals()
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
  }
}

/// Removes the registered paths, then lets the signal do what it would
/// have done: restore the default action and raise it again.
private func removeAndResignal(_ s: Int32) {
  SignalCleanup.removeAll()
  signal(s, SIG_DFL)
  raise(s)
}
