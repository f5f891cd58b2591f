// Writing to an open file descriptor: the one loop that retries short and
// interrupted writes.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes all of `buffer` to `fd`, retrying after short writes and EINTR.
///
/// - Returns: nil once everything is written, else the `errno` of the
///   write that failed.
package func writeBytes(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
  var written = 0
  while written < buffer.count {
    let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
    if n < 0 {
      if errno == EINTR { continue }
      return errno
    }
    written += n
  }
  return nil
}

/// Writes all of `text` to an open descriptor (2 is stderr); a failure (a
/// closed pipe) ends the output quietly, as `head` expects.
package func writeAll(_ text: String, toDescriptor fd: Int32) {
  var utf8 = Array(text.utf8)
  _ = utf8.withUnsafeMutableBytes { writeBytes(fd, UnsafeRawBufferPointer($0)) }
}
