// Whole-file reads and writes for the library (a saved model), so that a
// Swift user of FitlogitCore needs no file code of their own. The CLI keeps
// its own writer (FitlogitCLI/FileSystem.swift), which also removes the
// temporary on Ctrl-C and refuses special files.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of the file at `path`.
///
/// - Throws: ``FileError`` with strerror's text (lowercase first letter), or
///   "is a directory" for a directory.
package func readWholeFile(_ path: String) throws(FileError) -> [UInt8] {
  let fd = open(path, O_RDONLY)
  if fd < 0 { throw FileError(errnoFor: path) }
  defer { close(fd) }
  var info = stat()
  if fstat(fd, &info) != 0 { throw FileError(errnoFor: path) }
  if (info.st_mode & S_IFMT) == S_IFDIR {
    throw FileError(path: path, message: "is a directory")
  }
  return try readToEnd(fd, path, expecting: Int(info.st_size))
}

/// Writes `text` to `path` through a new temporary file beside it and a
/// rename, so that a failure never leaves `path` half-written.
///
/// - Throws: ``FileError`` naming `path`; the temporary is removed.
package func writeWholeFile(_ text: String, to path: String) throws(FileError) {
  let temporary = path + ".tmp-fitlogit-\(getpid())"
  let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
  if fd < 0 { throw FileError(errnoFor: path) }
  var failure: FileError?
  var utf8 = Array(text.utf8)
  if let code = utf8.withUnsafeMutableBytes({ writeBytes(fd, UnsafeRawBufferPointer($0)) }) {
    failure = FileError(errnoFor: path, code: code)
  }
  if close(fd) != 0 && failure == nil { failure = FileError(errnoFor: path) }
  if failure == nil && rename(temporary, path) != 0 { failure = FileError(errnoFor: path) }
  if let failure {
    unlink(temporary)
    throw failure
  }
}

/// The size in bytes of the file at `path` (`stat`), or nil.
package func fileSize(_ path: String) -> Int? {
  var info = stat()
  return stat(path, &info) == 0 ? Int(info.st_size) : nil
}
