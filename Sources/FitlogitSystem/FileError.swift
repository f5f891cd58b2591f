// What goes wrong with a file, in the words the CLI prints.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A problem with a whole file (open, stat, map), in the words the CLI prints.
package struct FileError: Error, Equatable {
  package var path: String
  package var message: String
  package init(path: String, message: String) {
    self.path = path
    self.message = message
  }
}

extension FileError {
  /// errno's strerror text with a lowercase first letter ("no such file or
  /// directory"), as the CLI prints it after the path.
  package init(errnoFor path: String, code: Int32 = errno) {
    self.init(path: path, message: errorText(code))
  }
}
