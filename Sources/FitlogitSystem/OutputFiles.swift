// The libc calls behind the CLI's output layer: what a path is, temporary
// files and directories created so that no one else's file or link can be
// taken for ours, and whole-buffer writes.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a path names, as `lstat` or `stat` sees it.
package struct PathStatus: Equatable, Sendable {
  package enum Kind: Equatable, Sendable {
    case regular, directory, symbolicLink
    /// Character or block devices and FIFOs: written through, never replaced.
    case device, fifo
    case socket
  }
  package var kind: Kind
  /// Permission bits (`st_mode & 0o7777`).
  package var mode: UInt32
  package var owner: UInt32
  package var group: UInt32
  /// Device and inode: the file's identity, whatever name reaches it.
  package var device: UInt64
  package var inode: UInt64
}

/// The status of `path`, following a final symbolic link when
/// `followingLinks`; `nil` (with `errno` set) when it cannot be had.
package func pathStatus(_ path: String, followingLinks: Bool) -> PathStatus? {
  var info = stat()
  let result = followingLinks ? stat(path, &info) : lstat(path, &info)
  if result != 0 { return nil }
  return PathStatus(info)
}

/// The status of an open descriptor (`fstat`).
package func descriptorStatus(_ fd: Int32) -> PathStatus? {
  var info = stat()
  if fstat(fd, &info) != 0 { return nil }
  return PathStatus(info)
}

extension PathStatus {
  init(_ info: stat) {
    let kind: Kind
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symbolicLink
    case S_IFCHR, S_IFBLK: kind = .device
    case S_IFIFO: kind = .fifo
    default: kind = .socket
    }
    self.init(
      kind: kind, mode: UInt32(info.st_mode) & 0o7777, owner: UInt32(info.st_uid),
      group: UInt32(info.st_gid), device: UInt64(info.st_dev),
      inode: UInt64(info.st_ino))
  }
}

/// The absolute path with every symbolic link resolved (`realpath`), or
/// `nil` with `errno` set.
package func resolvedPath(_ path: String) -> String? {
  guard let resolved = realpath(path, nil) else { return nil }
  defer { free(resolved) }
  return String(cString: resolved)
}

/// Creates `path` as a new, empty file open for writing: `O_CREAT|O_EXCL|
/// O_NOFOLLOW`, so an existing file, or a link planted at that name by
/// someone else, makes it fail (`EEXIST`, `ELOOP`) rather than be written.
/// Returns the descriptor, or -1 with `errno` set.
package func createExclusive(_ path: String, mode: UInt32) -> Int32 {
  open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
}

/// Creates `path` as a new directory (fails if anything exists there).
package func createDirectory(_ path: String, mode: UInt32) -> Bool {
  mkdir(path, mode_t(mode)) == 0
}

/// Opens an existing device, FIFO or descriptor name for appending,
/// following links as the shell's `>>` does; -1 with `errno` set on
/// failure. (Opening a FIFO waits for a reader, as `echo > fifo` does.)
package func openForWritingThrough(_ path: String) -> Int32 {
  open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
}

/// Gives an open file the permission bits and, where allowed, the owner of
/// the file it will replace, so re-saving keeps a 0600 model private.
/// Returns `errno` when the mode cannot be set; a refused change of owner
/// (only root may give a file away) is not an error.
package func copyPermissions(_ fd: Int32, from status: PathStatus) -> Int32? {
  _ = fchown(fd, uid_t(status.owner), gid_t(status.group))
  return fchmod(fd, mode_t(status.mode)) == 0 ? nil : errno
}

/// `fsync`, returning `errno` when the data cannot be made durable (an NFS
/// or full-disk error reported only now). EINVAL (a FIFO or device cannot
/// be synced) is not an error.
package func syncReportingError(_ fd: Int32) -> Int32? {
  while fsync(fd) != 0 {
    if errno == EINTR { continue }
    return errno == EINVAL ? nil : errno
  }
  return nil
}

/// Makes the names in `directory` durable: opens it (`O_RDONLY|O_DIRECTORY`)
/// and syncs it, so that a file just renamed into it is still there under
/// its new name after a power loss (ext4 and xfs keep a rename in memory
/// until the directory itself is synced). Returns `errno` when the sync
/// fails; a directory that may be written but not read (mode 0333) cannot be
/// opened to be synced by anyone, and is not an error.
///
/// On Darwin `fsync` leaves the data in the drive's cache; `F_FULLFSYNC`
/// also asks the drive to flush that cache, which carries the files synced
/// just before the rename with it, so one such call per directory makes the
/// whole save durable. File systems that do not support it (some network
/// and FUSE ones answer ENOTSUP or EINVAL) get the plain `fsync`.
package func syncDirectoryReportingError(_ directory: String) -> Int32? {
  let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  if fd < 0 { return errno == EACCES ? nil : errno }
  defer { close(fd) }
  #if canImport(Darwin)
    if fcntl(fd, F_FULLFSYNC) == 0 { return nil }
  #endif
  return syncReportingError(fd)
}

/// `close`, returning `errno` when it reports a (delayed) write error.
package func closeReportingError(_ fd: Int32) -> Int32? {
  close(fd) == 0 ? nil : errno
}

/// `rename`: `nil` on success, else `errno`.
package func renamePath(_ from: String, _ to: String) -> Int32? {
  rename(from, to) == 0 ? nil : errno
}

/// Removes a file, or an empty directory; errors are ignored (used when
/// cleaning up after a failure that is already being reported).
package func removePath(_ path: String) {
  if unlink(path) != 0 { rmdir(path) }
}

/// The current `errno`.
package var currentErrno: Int32 { errno }

/// strerror's text for `code` with a lowercase first letter, as the CLI
/// prints it: "No space left on device" → "no space left on device".
package func errorText(_ code: Int32) -> String {
  let message = String(cString: strerror(code))
  guard let first = message.first else { return message }
  return first.lowercased() + message.dropFirst()
}

package let errnoNoSpace = ENOSPC
package let errnoBrokenPipe = EPIPE
package let errnoExists = EEXIST
package let errnoNoEntry = ENOENT

/// strerror's text for `code` as it is ("No space left on device").
package func systemErrorText(_ code: Int32) -> String {
  String(cString: strerror(code))
}
