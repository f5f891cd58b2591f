// Reading a file or standard input front to back in pieces, for input too
// large to hold (fitlogit loss over ten million rows, or a pipe).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

package final class InputStream {
  private let descriptor: Int32
  private let owned: Bool
  package let path: String

  /// Opens `path` for reading; "-" is standard input.
  ///
  /// - Throws: FileError with strerror's text.
  package init(path: String) throws(FileError) {
    self.path = path
    if path == "-" {
      descriptor = 0
      owned = false
    } else {
      descriptor = open(path, O_RDONLY)
      if descriptor < 0 { throw FileError(errnoFor: path) }
      owned = true
    }
  }

  /// Reads up to `count` bytes into `buffer`; 0 at the end of the input.
  ///
  /// - Throws: FileError with strerror's text.
  package func read(
    into buffer: UnsafeMutableRawPointer, count: Int
  ) throws(FileError) -> Int {
    while true {
      #if canImport(Glibc)
        let n = Glibc.read(descriptor, buffer, count)
      #elseif canImport(Musl)
        let n = Musl.read(descriptor, buffer, count)
      #else
        let n = Darwin.read(descriptor, buffer, count)
      #endif
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw FileError(errnoFor: path)
    }
  }

  deinit { if owned { close(descriptor) } }
}
