// Reading the CLI's input files (CSV and model) through libc: what the path
// is, and its whole contents through read(2) for what cannot be mapped.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What an input path is: a regular file (mapped when it has a size) or a
/// pipe such as `<(command)` (read). Directories, devices and sockets are
/// refused with the CLI's words.
///
/// - Returns: whether it is a regular file, and its size (0 for a pipe,
///   and for the files of /proc and /sys, which report 0 yet have text).
/// - Throws: ``FileError`` naming `path`.
package func inputFileKind(_ path: String) throws(FileError) -> (regular: Bool, size: Int) {
  let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
  if fd < 0 { throw FileError(errnoFor: path) }
  defer { close(fd) }
  return try readableKind(fd, path)
}

private func readableKind(_ fd: Int32, _ path: String) throws(FileError) -> (regular: Bool, size: Int) {
  var info = stat()
  if fstat(fd, &info) != 0 { throw FileError(errnoFor: path) }
  switch info.st_mode & S_IFMT {
  case S_IFDIR: throw FileError(path: path, message: "is a directory, not a CSV file")
  case S_IFREG: return (true, Int(info.st_size))
  case S_IFIFO: return (false, 0)
  default: throw FileError(path: path, message: "is a device or socket, not a file")
  }
}

/// The whole input file through read(2), refusing what ``inputFileKind(_:)``
/// refuses. `-` is standard input, as for most Unix tools.
package func readInputFile(_ path: String) throws(FileError) -> [UInt8] {
  let fd = path == "-" ? dup(0) : open(path, O_RDONLY | O_CLOEXEC)
  if fd < 0 { throw FileError(errnoFor: path) }
  defer { close(fd) }
  let size = try readableKind(fd, path).size
  return try readToEnd(fd, path, expecting: size)
}

/// Every byte left on `fd`, in 1 MB reads (retried on EINTR), with room for
/// `size` bytes reserved first: the one read loop for whole files.
func readToEnd(_ fd: Int32, _ path: String, expecting size: Int)
  throws(FileError) -> [UInt8]
{
  var bytes: [UInt8] = []
  if size > 0 { bytes.reserveCapacity(size) }
  var chunk = [UInt8](repeating: 0, count: 1 << 20)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 {
      if errno == EINTR { continue }
      throw FileError(errnoFor: path)
    }
    if n == 0 { return bytes }
    bytes.append(contentsOf: chunk[0..<n])
  }
}
