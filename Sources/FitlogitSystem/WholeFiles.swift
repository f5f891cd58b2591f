// Whole-file reads and writes for the library (a saved model), so that a
// Swift user of FitlogitCore needs no file code of their own. The write is
// StagedFiles, the same staged write the CLI's --save goes through.
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

/// Writes `text` to `path` with ``StagedFiles``, the mechanism the CLI's
/// `--save` uses: an unpredictable temporary beside the target created
/// with `O_CREAT|O_EXCL|O_NOFOLLOW`, written, `fsync`ed and renamed; a
/// device or FIFO is written through, never replaced; a link is followed
/// to an existing file; a directory or socket is refused. A failure never
/// leaves `path` half-written nor a temporary behind. No signal handler is
/// installed (the process is the caller's).
///
/// - Throws: ``FileError`` whose message is what went wrong (the caller
///   knows the path).
package func writeWholeFile(_ text: String, to path: String) throws(FileError) {
  let staged = StagedFiles(cleansUpOnSignal: false)
  do {
    try staged.stageFile(text, at: path)
    try staged.writeThrough()
    try staged.commit()
  } catch {
    staged.discard()
    throw FileError(path: path, message: error.message)
  }
}

/// The size in bytes of the file at `path` (`stat`), or nil.
package func fileSize(_ path: String) -> Int? {
  var info = stat()
  return stat(path, &info) == 0 ? Int(info.st_size) : nil
}
