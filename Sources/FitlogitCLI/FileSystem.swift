// Reading and writing files through libc: the CLI's only contact with the
// file system, so every failure becomes a one-line message here.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

enum FileSystem {
  /// Whether `path` is a regular file (true) or a pipe such as
  /// `<(command)` (false); anything else, or a path that cannot be opened,
  /// is a data error naming it.
  static func isRegularFile(_ path: String) throws(CommandError) -> Bool {
    if path == "-" { return false }
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    if fd < 0 { throw .data("\(printable(path)): \(errnoText())") }
    defer { close(fd) }
    return try readable(fd, path).regular
  }

  /// Refuses directories and devices; returns whether `fd` is a regular file
  /// and its size (0 for a pipe).
  private static func readable(
    _ fd: Int32, _ path: String
  ) throws(CommandError) -> (regular: Bool, size: Int) {
    var info = stat()
    if fstat(fd, &info) != 0 { throw .data("\(printable(path)): \(errnoText())") }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw .data("\(printable(path)): is a directory, not a CSV file")
    case S_IFREG: return (true, Int(info.st_size))
    case S_IFIFO: return (false, 0)
    default: throw .data("\(printable(path)): is a device or socket, not a file")
    }
  }

  /// The whole file, or a data error naming it.
  /// `-` is standard input, as for most Unix tools.
  static func contents(of path: String) throws(CommandError) -> [UInt8] {
    let fd = path == "-" ? dup(0) : open(path, O_RDONLY)
    if fd < 0 { throw .data("\(printable(path)): \(errnoText())") }
    defer { close(fd) }
    let size = try readable(fd, path).size
    var bytes: [UInt8] = []
    if size > 0 { bytes.reserveCapacity(size) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .data("\(printable(path)): \(errnoText())")
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  enum Kind { case missing, file, directory }

  static func kind(of path: String) -> Kind {
    var info = stat()
    if stat(path, &info) != 0 { return .missing }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  static func errnoText() -> String {
    String(cString: strerror(errno)).lowercasedFirst
  }
}

extension String {
  /// "No such file or directory" → "no such file or directory".
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
