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
  if fd < 0 { throw systemError(path) }
  defer { close(fd) }
  var info = stat()
  if fstat(fd, &info) != 0 { throw systemError(path) }
  if (info.st_mode & S_IFMT) == S_IFDIR {
    throw FileError(path: path, message: "is a directory")
  }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 {
      if errno == EINTR { continue }
      throw systemError(path)
    }
    if n == 0 { return bytes }
    bytes.append(contentsOf: chunk[0..<n])
  }
}

/// Writes `text` to `path` through a new temporary file beside it and a
/// rename, so that a failure never leaves `path` half-written.
///
/// - Throws: ``FileError`` naming `path`; the temporary is removed.
package func writeWholeFile(_ text: String, to path: String) throws(FileError) {
  let temporary = path + ".tmp-fitlogit-\(getpid())"
  let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
  if fd < 0 { throw systemError(path) }
  var failure: FileError?
  var utf8 = Array(text.utf8)
  utf8.withUnsafeMutableBytes { buffer in
    var written = 0
    while written < buffer.count {
      let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        failure = systemError(path)
        return
      }
      written += n
    }
  }
  if close(fd) != 0 && failure == nil { failure = systemError(path) }
  if failure == nil && rename(temporary, path) != 0 { failure = systemError(path) }
  if let failure {
    unlink(temporary)
    throw failure
  }
}

/// errno as a ``FileError``: strerror's text with a lowercase first letter.
private func systemError(_ path: String) -> FileError {
  var message = String(cString: strerror(errno))
  if let first = message.first { message = first.lowercased() + message.dropFirst() }
  return FileError(path: path, message: message)
}
