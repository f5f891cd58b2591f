import FitlogitSystem

/// The CLI's reads of its input files, every failure a one-line data error
/// naming the file. (Writes go through ``StagedOutputs``.)
enum FileSystem {
  /// Whether `path` should be mapped: a regular file with a size. A pipe
  /// such as `<(command)`, or a /proc file (size 0, yet text), is read
  /// instead; anything else, or a path that cannot be opened, is a data
  /// error naming it.
  static func isRegularFile(_ path: String) throws(CommandError) -> Bool {
    if path == "-" { return false }
    do {
      let kind = try inputFileKind(path)
      return kind.regular && kind.size > 0
    } catch {
      throw .data("\(printable(path)): \(error.message)")
    }
  }

  /// The whole file, or a data error naming it; `-` is standard input.
  static func contents(of path: String) throws(CommandError) -> [UInt8] {
    do {
      return try readInputFile(path)
    } catch {
      throw .data("\(printable(path)): \(error.message)")
    }
  }

  enum Kind { case missing, file, directory }

  static func kind(of path: String) -> Kind {
    guard let status = pathStatus(path, followingLinks: true) else { return .missing }
    return status.kind == .directory ? .directory : .file
  }
}
