// A file mapped into memory, and handing its parsed pages back.
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file mapped read-only, so a large CSV is parsed in place rather
/// than copied into an array first.
///
/// Pages already parsed can be handed back to the kernel
/// (``PageReleaser``): the file then never sits in memory all at once, and
/// peak memory is about the matrix alone.
package final class MappedFile {
  package let bytes: UnsafeBufferPointer<UInt8>
  private let length: Int
  /// Whether the SIGBUS handler guards this mapping (``TruncationGuard``).
  private var guarded: TruncationGuard.Slot?
  /// Kept open to see whether the file shrank (-1 for an empty file).
  private var descriptor: Int32 = -1

  /// - Throws: ``FileError`` (a problem with the whole file).
  package init(path: String) throws(FileError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(errnoFor: path) }
    var keep = false
    defer { if !keep { close(fd) } }
    var info = stat()
    if fstat(fd, &info) != 0 { throw FileError(errnoFor: path) }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw FileError(path: path, message: "is a directory, not a CSV file")
    }
    length = Int(info.st_size)
    if length == 0 {
      bytes = UnsafeBufferPointer(start: nil, count: 0)
      return
    }
    let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
    guard let address, address != MAP_FAILED else {
      throw FileError(errnoFor: path)
    }
    _ = madvise(address, length, MADV_SEQUENTIAL)
    bytes = UnsafeBufferPointer(
      start: address.assumingMemoryBound(to: UInt8.self), count: length)
    guarded = TruncationGuard.guardMapping(address, length: length)
    descriptor = fd
    keep = true
  }

  /// Whether the file shrank while mapped: the pages past its new end read
  /// as zeros instead of crashing the process, and what was parsed from
  /// them is meaningless. (A cut inside the last page reads as zeros
  /// without a fault, so the size is checked too.)
  package var changedWhileRead: Bool {
    if guarded?.faulted.load(ordering: .sequentiallyConsistent) ?? false {
      return true
    }
    var info = stat()
    return descriptor >= 0 && fstat(descriptor, &info) == 0
      && Int(info.st_size) < length
  }

  deinit {
    if let guarded { TruncationGuard.release(guarded) }
    if descriptor >= 0 { close(descriptor) }
    if let base = bytes.baseAddress {
      _ = munmap(UnsafeMutableRawPointer(mutating: base), length)
    }
  }

  package var releaser: PageReleaser { PageReleaser(base: bytes.baseAddress) }
}

/// Drops the pages wholly inside a byte range of a ``MappedFile`` from
/// memory (they are read again from the page cache if touched); does
/// nothing for bytes that are not a mapping.
package struct PageReleaser: @unchecked Sendable {
  let base: UnsafePointer<UInt8>?

  package static let none = PageReleaser(base: nil)
  /// Release in steps of this many bytes.
  package static let step = 1 << 22

  package func release(_ range: Range<Int>) {
    guard let base, !range.isEmpty else { return }
    let page = 4096
    let start = Int(bitPattern: base) + range.lowerBound
    let end = Int(bitPattern: base) + range.upperBound
    let first = (start + page - 1) / page * page
    let last = end / page * page
    guard last > first,
      let p = UnsafeMutableRawPointer(bitPattern: first)
    else { return }
    _ = madvise(p, last - first, MADV_DONTNEED)
  }

  /// Maps the pages of a byte range in one call (Linux ≥ 5.14
  /// MADV_POPULATE_READ), rather than one fault per page; a no-op where
  /// unsupported.
  package func prefetch(_ range: Range<Int>) {
    guard let base, !range.isEmpty else { return }
    let page = 4096
    let start = (Int(bitPattern: base) + range.lowerBound) / page * page
    let end = Int(bitPattern: base) + range.upperBound
    guard let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(p, end - start, 22)  // MADV_POPULATE_READ
  }
}
