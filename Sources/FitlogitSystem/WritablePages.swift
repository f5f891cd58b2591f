// Asking the kernel for a large output buffer's pages in one call.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps the pages of `count` bytes at `pointer` ready for writing in one
/// call (Linux ≥ 5.14 MADV_POPULATE_WRITE) rather than one page fault per
/// 4 KiB page as the first write reaches it; a no-op elsewhere. For a
/// freshly allocated matrix that is about to be written in full: both
/// chunked CSV parsers ask for their output a batch ahead of the rows they
/// write (the plain one 2 MB at a time: on 100k×1000, 1.96 GB, its system
/// time fell from 1.5–1.7 s to 1.3–1.5 s and its wall time by 7%).
package func populateForWriting(_ pointer: UnsafeMutableRawPointer, count: Int) {
  #if os(Linux)
    let page = 4096
    let start = (Int(bitPattern: pointer) + page - 1) / page * page
    let end = (Int(bitPattern: pointer) + count) / page * page
    guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(p, end - start, 23)  // MADV_POPULATE_WRITE
  #endif
}
