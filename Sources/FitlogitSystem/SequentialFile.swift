// A file written front to back in pieces, too large to build in memory
// first (the benchmark's generated CSV).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

package final class SequentialFile {
  private let descriptor: Int32

  /// Creates or truncates `path`.
  ///
  /// - Throws: FileError with strerror's text.
  package init(creating path: String) throws(FileError) {
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if descriptor < 0 { throw FileError(errnoFor: path) }
  }

  package func write(_ text: String) {
    writeAll(text, toDescriptor: descriptor)
  }

  deinit { close(descriptor) }
}
