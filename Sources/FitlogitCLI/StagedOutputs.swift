import FitlogitSystem

/// Every file one command writes (`--save`, `--plot`), staged first and
/// committed together once the command has succeeded: FitlogitSystem's
/// ``StagedFiles`` (the same mechanism the library's model save uses),
/// with temporaries that a signal removes and errors as ``CommandError``.
/// What each kind of target gets (a file, a device, a link, a directory)
/// is said there.
final class StagedOutputs {
  private let files = StagedFiles(cleansUpOnSignal: true)

  /// Records a file the command reads, so that no output replaces it.
  func addInput(_ path: String) { files.addInput(path) }

  /// Stages `text` as the contents of the file at `path`.
  func stageFile(_ text: String, at path: String) throws(CommandError) {
    if path.hasSuffix("/") {
      throw .data(
        "\(printable(path)): names a directory; --save writes a file (such as "
          + "\(printable(path))model.json)")
    }
    do { try files.stageFile(text, at: path) } catch { throw Self.error(error) }
  }

  /// Stages the files of a `--plot` directory: `files` inside `directory`,
  /// which is created (with its missing parents) if it does not exist.
  func stageDirectory(
    _ contents: [(name: String, text: String)], at directory: String
  ) throws(CommandError) {
    do { try files.stageDirectory(contents, at: directory) } catch { throw Self.error(error) }
  }

  /// Writes the devices, FIFOs and descriptors, before standard output is
  /// flushed, so that a device that fails (`/dev/full`) fails the command
  /// before its report is printed.
  func writeThrough() throws(CommandError) {
    do { try files.writeThrough() } catch { throw Self.error(error) }
  }

  /// Renames every temporary into place, once everything else succeeded.
  func commit() throws(CommandError) {
    do { try files.commit() } catch { throw Self.error(error) }
  }

  /// The temporaries staged so far (for tests).
  var stagedTemporaries: [String] { files.stagedTemporaries }

  /// Removes every temporary (the command failed).
  func discard() { files.discard() }

  private static func error(_ e: FileError) -> CommandError {
    .data("\(e.path): \(e.message)")
  }
}
