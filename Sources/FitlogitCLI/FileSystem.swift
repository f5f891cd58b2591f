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

  /// Writes `text` to `path` through a temporary file and a rename, so a
  /// failure never leaves a half-written file behind, and an interrupt
  /// (Ctrl-C) no temporary either (``PendingTemporaryFile``).
  static func save(_ text: String, to path: String) throws(CommandError) {
    let temporary = path + ".tmp-fitlogit-\(getpid())"
    try PendingTemporaryFile.shared.whileWriting(temporary) { () throws(CommandError) in
      let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      if fd < 0 { throw .data("\(printable(path)): \(errnoText())") }
      var utf8 = Array(text.utf8)
      var written = 0
      var failure: String?
      utf8.withUnsafeMutableBytes { buffer in
        while written < buffer.count {
          let n = write(
            fd, buffer.baseAddress! + written, buffer.count - written)
          if n < 0 {
            if errno == EINTR { continue }
            failure = errnoText()
            return
          }
          written += n
        }
      }
      utf8 = []
      if close(fd) != 0 && failure == nil { failure = errnoText() }
      if failure == nil && rename(temporary, path) != 0 {
        failure = errnoText()
      }
      if let failure {
        unlink(temporary)
        throw .data("\(printable(path)): \(failure)")
      }
    }
  }

  /// Writes `text` to an open descriptor (1 = stdout, 2 = stderr); a closed
  /// pipe ends the output quietly, as `head` expects.
  static func writeAll(_ text: String, toDescriptor fd: Int32) {
    var utf8 = Array(text.utf8)
    utf8.withUnsafeMutableBytes { buffer in
      var written = 0
      while written < buffer.count {
        let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        written += n
      }
    }
  }

  enum Kind { case missing, file, directory }

  static func kind(of path: String) -> Kind {
    var info = stat()
    if stat(path, &info) != 0 { return .missing }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  /// Creates `path` and its missing parents (`mkdir -p`).
  static func makeDirectory(_ path: String) throws(CommandError) {
    switch kind(of: path) {
    case .directory: return
    case .file: throw .data("\(printable(path)): exists and is not a directory")
    case .missing: break
    }
    var parent = path
    while parent.hasSuffix("/") && parent.count > 1 { parent.removeLast() }
    if let slash = parent.lastIndex(of: "/"), slash != parent.startIndex {
      try makeDirectory(String(parent[..<slash]))
    }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw .data("\(printable(path)): \(errnoText())")
    }
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
