import Foundation
import FitlogitSystem
import Testing

@testable import FitlogitCLI
import FitlogitTestSupport

/// The directory sync after a staged write's rename: which directories are
/// synced (seen through ``StagedFiles``' sync stand-in, which then calls the
/// real sync), what a failed sync reports, and that the real one leaves
/// saving and its errors as they were.
@Suite struct DirectorySyncTests {
  /// Records each directory synced, then syncs it for real.
  final class Recorder: @unchecked Sendable {
    var synced: [String] = []
    func sync(_ directory: String) -> Int32? {
      synced.append(directory)
      return syncDirectoryReportingError(directory)
    }
  }

  @Test func savedFileSyncsItsDirectoryOnceAfterTheRename() throws {
    let dir = temporaryDirectory()
    let recorder = Recorder()
    let files = StagedFiles(cleansUpOnSignal: false, syncDirectory: recorder.sync)
    try files.stageFile("{}\n", at: dir + "/model.json")
    try files.stageFile("<svg/>\n", at: dir + "/figure.svg")
    #expect(recorder.synced.isEmpty)
    try files.writeThrough()
    try files.commit()
    #expect(recorder.synced == [dir])
    #expect(try String(contentsOfFile: dir + "/model.json", encoding: .utf8) == "{}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
      "figure.svg", "model.json",
    ])
  }

  /// A new `--plot` directory (two levels missing): each new directory is
  /// synced, deepest first, before the rename publishes it; then the
  /// directory it was renamed into.
  @Test func newPlotDirectorySyncsEachLevelThenItsParent() throws {
    let dir = temporaryDirectory()
    let recorder = Recorder()
    let files = StagedFiles(cleansUpOnSignal: false, syncDirectory: recorder.sync)
    try files.stageDirectory([("a.svg", "<svg/>\n")], at: dir + "/plots/run1")
    let temporary = try #require(files.stagedTemporaries.first)
    #expect(recorder.synced == [temporary + "/run1", temporary])
    try files.commit()
    #expect(recorder.synced == [temporary + "/run1", temporary, dir])
    #expect(try String(contentsOfFile: dir + "/plots/run1/a.svg", encoding: .utf8) == "<svg/>\n")
  }

  /// After the rename the file is complete and in place; a failed sync of
  /// its directory is an error that says so, and nothing is removed.
  @Test func failedDirectorySyncIsAnErrorWithTheFileInPlace() throws {
    let dir = temporaryDirectory()
    let files = StagedFiles(cleansUpOnSignal: false, syncDirectory: { _ in EIO })
    try files.stageFile("{}\n", at: dir + "/model.json")
    #expect(throws: FileError(
      path: dir + "/model.json",
      message: "saved, but its directory could not be synced (input/output error), so the "
        + "new name may not survive a power loss")
    ) { try files.commit() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.json"])
    #expect(try String(contentsOfFile: dir + "/model.json", encoding: .utf8) == "{}\n")
  }

  /// Before the rename a failed sync of a new directory fails the staging
  /// and, discarded, leaves nothing.
  @Test func failedSyncOfANewDirectoryLeavesNothing() throws {
    let dir = temporaryDirectory()
    let files = StagedFiles(cleansUpOnSignal: false, syncDirectory: { _ in EIO })
    #expect(throws: FileError(path: dir + "/plots", message: "input/output error")) {
      try files.stageDirectory([("a.svg", "<svg/>\n")], at: dir + "/plots")
    }
    files.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
  }

  /// The real sync: `--save` into a directory works as before.
  @Test func saveIntoADirectory() throws {
    let dir = temporaryDirectory()
    let r = cli(dataFile("points.csv"), "--save", dir + "/model.json", "--plot", dir + "/plots")
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
      "model.json", "plots",
    ])
  }

  /// A directory that refuses new files still gives the one-line error and
  /// leaves nothing. As root permissions do not bind, so sysfs (which
  /// refuses new files to root too) stands in for a read-only directory.
  @Test func readOnlyDirectoryIsTheOneLineError() throws {
    let target: String
    if geteuid() == 0 {
      target = "/sys/model.json"
    } else {
      let dir = temporaryDirectory()
      try #require(chmod(dir, 0o555) == 0)
      target = dir + "/model.json"
    }
    let r = cli(dataFile("points.csv"), "--save", target)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(target): permission denied\n")
    #expect(!FileManager.default.fileExists(atPath: target))
  }
}
