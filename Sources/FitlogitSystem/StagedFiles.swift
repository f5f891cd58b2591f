// Every file one command writes, staged under unpredictable temporary names
// and committed together: the one staged-write mechanism, used by the CLI
// (StagedOutputs: --save, --plot) and by the library's model save
// (writeWholeFile), so both refuse and follow the same things.
/// Every file one command writes (`--save`, `--plot`, a library save),
/// staged first and committed together once the command has succeeded, so
/// that a failure anywhere (a figure, standard output, a signal) leaves no
/// new file.
///
/// What each kind of target gets:
/// - a missing path or a regular file: the text goes to a new temporary
///   beside it, named `.NAME.fitlogit-<16 random hex digits>` and created
///   with `O_CREAT|O_EXCL|O_NOFOLLOW` (no one can plant a file or a link
///   there in advance), written, `fsync`ed (a crash after the rename finds
///   the whole text, not an empty file), then renamed over the target at
///   commit, and the target's directory is synced after the rename (a
///   crash then finds the new name, not the old file or none); a replaced
///   file keeps its permission bits (a 0600 model stays 0600);
/// - a device or a FIFO (`/dev/null`, `mkfifo`), or a descriptor's name
///   (`/dev/stdout`, `/dev/fd/N`): written through at commit, never replaced;
/// - a symbolic link: followed, as `>` and `cp` follow it: the file it names
///   is written (through, or by a rename in that file's own directory) and
///   the link stays. `/dev/stdout` is such a link, and a user's
///   `model.json → v3/model.json` means "this name stands for that file". A
///   link to nothing is refused rather than guessed at;
/// - a directory, a socket, or a file the command reads: refused.
///
/// A `--plot` directory that does not exist is built under a temporary name
/// beside its first missing ancestor, each new directory synced once its
/// files are, and renamed into place at commit.
///
/// A failed sync is an error, as the file's own: before the rename it
/// fails the command and leaves nothing; a failed sync of the directory
/// after the rename leaves the files in place (they are complete, and there
/// is no older state to go back to) and is reported as the error that
/// their names may not survive a power loss.
///
/// Errors are ``FileError`` values whose `path` is the target as a message
/// shows it (``printable(_:limit:)``).
package final class StagedFiles {
  private enum Step {
    /// Rename `temporary` to `target` (a file or a whole new directory).
    case rename(temporary: String, target: String, shown: String)
    /// Write `bytes` into an existing device or FIFO.
    case writeThrough(target: String, bytes: [UInt8], shown: String)
  }

  private var steps: [Step] = []
  /// Temporaries created so far, oldest first (directories before the
  /// files inside them), removed newest first by ``discard()``.
  private var temporaries: [String] = []
  /// Files the command reads: never an output.
  private var inputs: [(status: PathStatus, shown: String)] = []
  /// Whether INT, TERM, HUP and QUIT remove the temporaries
  /// (``SignalCleanup``). The CLI owns its process and says yes; a library
  /// save says no, since installing signal handlers in someone else's
  /// program is not a save's business.
  private let cleansUpOnSignal: Bool
  /// Syncs a directory, returning `errno` on failure:
  /// ``syncDirectoryReportingError(_:)``, or a test's stand-in that records
  /// the calls or fails them.
  private let syncDirectory: (String) -> Int32?

  package init(
    cleansUpOnSignal: Bool,
    syncDirectory: @escaping (String) -> Int32? = syncDirectoryReportingError
  ) {
    self.cleansUpOnSignal = cleansUpOnSignal
    self.syncDirectory = syncDirectory
  }

  /// Records a file the command reads, so that no output replaces it.
  package func addInput(_ path: String) {
    if let status = pathStatus(path, followingLinks: true), status.kind == .regular {
      inputs.append((status, printable(path)))
    }
  }

  /// Stages `text` as the contents of the file at `path`.
  package func stageFile(_ text: String, at path: String) throws(FileError) {
    if path.hasSuffix("/") {
      throw FileError(path: printable(path), message: "names a directory, not a file")
    }
    switch try target(of: path) {
    case .writeThrough(let resolved):
      steps.append(.writeThrough(target: resolved, bytes: Array(text.utf8), shown: printable(path)))
    case .replace(let resolved, let existing):
      let temporary = try writeTemporary(
        text, beside: resolved, keeping: existing, shown: printable(path))
      steps.append(.rename(temporary: temporary, target: resolved, shown: printable(path)))
    }
  }

  /// Stages the files of a `--plot` directory: `files` inside `directory`,
  /// which is created (with its missing parents) if it does not exist.
  package func stageDirectory(
    _ files: [(name: String, text: String)], at directory: String
  ) throws(FileError) {
    var path = directory
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    guard pathStatus(path, followingLinks: true) == nil else {
      for file in files { try stageFile(file.text, at: path + "/" + file.name) }
      return
    }
    // The first missing ancestor is built under a temporary name beside
    // it, with the rest of the path and every file inside, then renamed.
    var missing = [path]
    while let parent = parentDirectory(of: missing[0]), parent != missing[0],
      pathStatus(parent, followingLinks: true) == nil
    {
      missing.insert(parent, at: 0)
    }
    let top = missing[0]
    let temporary = try createTemporaryDirectory(beside: top, shown: printable(top))
    var inside = temporary
    for component in missing.dropFirst() {
      inside += "/" + baseName(of: component)
      register(inside)
      temporaries.append(inside)
      if !createDirectory(inside, mode: 0o777) {
        throw FileError(errnoFor: printable(component))
      }
    }
    for file in files {
      let shown = printable(path + "/" + file.name)
      let fd = try createRegistered(inside + "/" + file.name, shown: shown)
      try writeAndClose(fd, file.text, shown: shown, sync: true)
    }
    // The files' names live in the new directories: synced before the
    // rename publishes them, deepest first.
    var directory = inside
    for component in missing.reversed() {
      if let code = syncDirectory(directory) {
        throw FileError(errnoFor: printable(component), code: code)
      }
      directory = parentDirectory(of: directory) ?? directory
    }
    steps.append(.rename(temporary: temporary, target: top, shown: printable(top)))
  }

  /// Writes the devices, FIFOs and descriptors: the first half of the
  /// commit, done before standard output is flushed, so that a device that
  /// fails (`/dev/full`) fails the command before its report is printed.
  package func writeThrough() throws(FileError) {
    for case .writeThrough(let target, let bytes, let shown) in steps {
      let descriptor = descriptorNamed(target)
      let fd = descriptor ?? openForWritingThrough(target)
      if fd < 0 { return try failAll(FileError(errnoFor: shown)) }
      let failure = bytes.withUnsafeBytes { writeBytes(fd, $0) }
      let closeFailure = descriptor == nil ? closeReportingError(fd) : nil
      if let code = failure ?? closeFailure {
        return try failAll(FileError(errnoFor: shown, code: code))
      }
    }
  }

  /// Renames every temporary into place, then syncs each directory a
  /// rename changed, once: the second half of the commit, once everything
  /// else has succeeded. Staging has already done all that can reasonably
  /// fail.
  package func commit() throws(FileError) {
    defer { forgetRegistered() }
    for case .rename(let temporary, let target, let shown) in steps {
      if let code = renamePath(temporary, target) {
        return try failAll(FileError(errnoFor: shown, code: code))
      }
    }
    var synced: Set<String> = []
    var failure: FileError?
    for case .rename(_, let target, let shown) in steps {
      let directory = parentDirectory(of: target) ?? "."
      guard synced.insert(directory).inserted, let code = syncDirectory(directory) else {
        continue
      }
      failure = failure
        ?? FileError(
          path: shown,
          message: "saved, but its directory could not be synced (\(errorText(code))), so "
            + "the new name may not survive a power loss")
    }
    // The files are in place either way: nothing is left to discard.
    steps = []
    temporaries = []
    if let failure { throw failure }
  }

  /// The temporaries staged so far (for tests).
  package var stagedTemporaries: [String] { temporaries }

  /// Removes every temporary (the command failed).
  package func discard() {
    for path in temporaries.reversed() { removePath(path) }
    temporaries = []
    steps = []
    forgetRegistered()
  }

  private func failAll(_ error: FileError) throws(FileError) {
    discard()
    throw error
  }

  private func register(_ path: String) {
    if cleansUpOnSignal { SignalCleanup.register(path) }
  }

  private func forgetRegistered() {
    if cleansUpOnSignal { SignalCleanup.forgetAll() }
  }

  // MARK: - Targets

  private enum Target {
    case writeThrough(String)
    /// Rename over this path (following links); the existing file's status.
    case replace(String, PathStatus?)
  }

  private func target(of path: String) throws(FileError) -> Target {
    let shown = printable(path)
    guard let own = pathStatus(path, followingLinks: false) else {
      if currentErrno == errnoNoEntry { return .replace(path, nil) }
      throw FileError(errnoFor: shown)
    }
    var resolved = path
    var status = own
    if isDescriptorName(path) { return .writeThrough(path) }
    if own.kind == .symbolicLink {
      guard let followed = pathStatus(path, followingLinks: true) else {
        throw FileError(
          path: shown,
          message: "is a symbolic link to a missing file; fitlogit writes through "
            + "a link only to an existing file")
      }
      status = followed
      // /dev/stdout → /proc/self/fd/1 → "pipe:[…]" has no name to resolve;
      // opening the link reaches it, and only a regular file is renamed.
      if followed.kind == .regular {
        guard let real = resolvedPath(path) else {
          throw FileError(errnoFor: shown)
        }
        resolved = real
      }
    }
    switch status.kind {
    case .regular:
      if let input = inputs.first(where: {
        $0.status.device == status.device && $0.status.inode == status.inode
      }) {
        throw FileError(
          path: shown,
          message: "is the same file as the input \(input.shown); fitlogit never "
            + "overwrites its input (choose another name)")
      }
      return .replace(resolved, status)
    case .device, .fifo: return .writeThrough(resolved)
    case .directory: throw FileError(path: shown, message: "is a directory")
    case .socket, .symbolicLink:
      throw FileError(path: shown, message: "is a socket; fitlogit writes files, devices and FIFOs")
    }
  }

  // MARK: - Temporaries

  /// A fresh name beside `path`; 64 random bits, so it cannot be guessed.
  private func temporaryName(beside path: String) -> String {
    let parent = parentDirectory(of: path).map { $0 == "/" ? "/" : $0 + "/" } ?? ""
    let random = String(UInt64.random(in: .min ... .max), radix: 16)
    let digits = String(repeating: "0", count: 16 - random.count) + random
    return parent + "." + baseName(of: path) + ".fitlogit-" + digits
  }

  private func writeTemporary(
    _ text: String, beside target: String, keeping existing: PathStatus?, shown: String
  ) throws(FileError) -> String {
    var attempts = 0
    while true {
      let temporary = temporaryName(beside: target)
      do throws(FileError) {
        let fd = try createRegistered(temporary, shown: shown)
        if let existing, let code = copyPermissions(fd, from: existing) {
          _ = closeReportingError(fd)
          throw FileError(errnoFor: shown, code: code)
        }
        try writeAndClose(fd, text, shown: shown, sync: true)
        return temporary
      } catch let error where error == Self.nameTaken && attempts < 8 {
        attempts += 1
      }
    }
  }

  private static let nameTaken = FileError(path: "", message: "(temporary name taken)")

  /// Creates `path` exclusively, registered with the signal handlers first
  /// (a signal between the two would otherwise leave it behind).
  private func createRegistered(_ path: String, shown: String) throws(FileError) -> Int32 {
    register(path)
    let fd = createExclusive(path, mode: 0o666)
    if fd < 0 {
      let code = currentErrno
      if code == errnoExists { throw Self.nameTaken }
      throw FileError(errnoFor: shown, code: code)
    }
    temporaries.append(path)
    return fd
  }

  private func createTemporaryDirectory(
    beside path: String, shown: String
  ) throws(FileError) -> String {
    for _ in 0..<8 {
      let temporary = temporaryName(beside: path)
      register(temporary)
      if createDirectory(temporary, mode: 0o777) {
        temporaries.append(temporary)
        return temporary
      }
      if currentErrno != errnoExists { throw FileError(errnoFor: shown) }
    }
    throw FileError(errnoFor: shown, code: errnoExists)
  }

  /// Writes a new temporary whole, then `fsync`s it (`sync`) so that its
  /// rename never publishes a file whose bytes are not yet on disk.
  private func writeAndClose(
    _ fd: Int32, _ text: String, shown: String, sync: Bool
  ) throws(FileError) {
    var utf8 = Array(text.utf8)
    var failure = utf8.withUnsafeMutableBytes { writeBytes(fd, UnsafeRawBufferPointer($0)) }
    utf8 = []
    if failure == nil && sync { failure = syncReportingError(fd) }
    let closeFailure = closeReportingError(fd)
    if let code = failure ?? closeFailure {
      throw FileError(errnoFor: shown, code: code)
    }
  }
}

/// `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names of descriptors this
/// process already has open, whatever file they reach. Written through (and
/// appended to), so `--save /dev/stdout > out.txt` puts the model after the
/// report in out.txt instead of renaming a file over out.txt's name.
private func isDescriptorName(_ path: String) -> Bool {
  ["/dev/stdout", "/dev/stderr"].contains(path)
    || ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"].contains {
      path.hasPrefix($0)
    }
}

/// The descriptor a name such as `/dev/stdout` or `/dev/fd/3` stands for:
/// written to directly (as `dup` would), so its output lands in order with
/// the report rather than at offset 0 of a file opened anew.
private func descriptorNamed(_ path: String) -> Int32? {
  switch path {
  case "/dev/stdout": return 1
  case "/dev/stderr": return 2
  default:
    for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
    where path.hasPrefix(prefix) {
      return Int32(path.dropFirst(prefix.count))
    }
    return nil
  }
}

/// "a/b/c" → "a/b", "/c" → "/", "c" → nil (the current directory).
private func parentDirectory(of path: String) -> String? {
  guard let slash = path.lastIndex(of: "/") else { return nil }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// "a/b/c" → "c".
private func baseName(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return path }
  return String(path[path.index(after: slash)...])
}
