// The temporary file a save is writing, so that Ctrl-C does not leave it
// behind. (The rename already guarantees that the target is never
// half-written; this removes the stray temporary too.)
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

final class PendingTemporaryFile: Sendable {
  /// The one that saves use and the signal handler reads.
  static let shared = PendingTemporaryFile()
  private static let handlersInstalled = Atomic<Bool>(false)

  /// The address of a C string owned by the save that registered it, or 0.
  private let path = Atomic<Int>(0)

  /// Runs `body` with `temporary` registered; in ``shared``, a SIGINT,
  /// SIGTERM or SIGHUP arriving meanwhile removes it before the process ends
  /// as the signal would have ended it.
  func whileWriting<T, E: Error>(
    _ temporary: String, _ body: () throws(E) -> T
  ) throws(E) -> T {
    Self.installHandlers()
    let registered = strdup(temporary)
    let address = Int(bitPattern: registered)
    path.store(address, ordering: .sequentiallyConsistent)
    defer {
      _ = path.compareExchange(
        expected: address, desired: 0, ordering: .sequentiallyConsistent)
      free(registered)
    }
    return try body()
  }

  /// Removes the registered file, if any: what the signal handler does
  /// (`unlink` is async-signal-safe; nothing here allocates or locks).
  func removeNow() {
    let address = path.load(ordering: .sequentiallyConsistent)
    if let p = UnsafePointer<CChar>(bitPattern: address) { unlink(p) }
  }

  private static func installHandlers() {
    guard
      handlersInstalled.compareExchange(
        expected: false, desired: true, ordering: .sequentiallyConsistent
      ).exchanged
    else { return }
    for s in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(s, removeAndResignal)
      // A signal the user chose to ignore (nohup) stays ignored; SIG_IGN is
      // the handler value 1 on Linux and Darwin.
      if unsafeBitCast(previous, to: Int.self) == 1 { signal(s, previous) }
    }
  }
}

/// Removes the pending temporary, then lets the signal do what it would
/// have done: restore the default action and raise it again.
private func removeAndResignal(_ s: Int32) {
  PendingTemporaryFile.shared.removeNow()
  signal(s, SIG_DFL)
  raise(s)
}
