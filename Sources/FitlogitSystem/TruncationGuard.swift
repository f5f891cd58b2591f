// A mapped file that another process truncates while we read it raises
// SIGBUS on the first page past its new end. Rather than crash with a trace,
// the handler maps zero pages over the rest of the mapping and notes the
// fact; the parse then finishes (on zeros) and the caller turns the note into
// a one-line error.
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The mappings the SIGBUS handler guards (a few slots, so that files read
/// at the same time on several threads are all guarded), and whether a page
/// of each has vanished.
enum TruncationGuard {
  final class Slot: Sendable {
    /// Start and end addresses; 0 when the slot is free.
    let start = Atomic<Int>(0)
    let end = Atomic<Int>(0)
    let faulted = Atomic<Bool>(false)
  }

  static let slots: [Slot] = (0..<8).map { _ in Slot() }
  private static let installed = Atomic<Bool>(false)
  nonisolated(unsafe) static var previous = sigaction()
  nonisolated(unsafe) static var pageSize = 4096

  /// Guards `[base, base + length)`; `nil` when every slot is taken (the
  /// file is then read unguarded, as before).
  static func guardMapping(_ base: UnsafeRawPointer, length: Int) -> Slot? {
    install()
    let address = Int(bitPattern: base)
    for slot in slots {
      if slot.start.compareExchange(
        expected: 0, desired: address, ordering: .sequentiallyConsistent
      ).exchanged {
        slot.faulted.store(false, ordering: .sequentiallyConsistent)
        slot.end.store(address + length, ordering: .sequentiallyConsistent)
        return slot
      }
    }
    return nil
  }

  static func release(_ slot: Slot) {
    slot.end.store(0, ordering: .sequentiallyConsistent)
    slot.start.store(0, ordering: .sequentiallyConsistent)
  }

  private static func install() {
    guard
      installed.compareExchange(
        expected: false, desired: true, ordering: .sequentiallyConsistent
      ).exchanged
    else { return }
    pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    _ = slots.count  // initialized before the handler can read it
    var action = sigaction()
    #if canImport(Darwin)
      action.__sigaction_u.__sa_sigaction = onBusError
    #else
      action.__sigaction_handler.sa_sigaction = onBusError
    #endif
    action.sa_flags = SA_SIGINFO
    sigemptyset(&action.sa_mask)
    sigaction(SIGBUS, &action, &previous)
  }
}

/// SIGBUS: inside the guarded mapping, replace the faulting page and every
/// page after it by zeros (one `mmap`, async-signal-safe in practice: a
/// system call) and return, so the load is retried and reads 0. Anywhere
/// else, restore the previous action and return: the fault recurs and is
/// reported as it would have been.
private func onBusError(
  _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?,
  _ context: UnsafeMutableRawPointer?
) {
  #if canImport(Darwin)
    let address = Int(bitPattern: info?.pointee.si_addr)
  #else
    let address = Int(bitPattern: info?.pointee._sifields._sigfault.si_addr)
  #endif
  let page = TruncationGuard.pageSize
  for slot in TruncationGuard.slots {
    let start = slot.start.load(ordering: .sequentiallyConsistent)
    let end = slot.end.load(ordering: .sequentiallyConsistent)
    guard start != 0, address >= start, address < end else { continue }
    let first = address / page * page
    let last = (end + page - 1) / page * page
    let zeros = mmap(
      UnsafeMutableRawPointer(bitPattern: first), last - first, PROT_READ,
      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
    if zeros != MAP_FAILED {
      slot.faulted.store(true, ordering: .sequentiallyConsistent)
      return
    }
  }
  sigaction(SIGBUS, &TruncationGuard.previous, nil)
}
