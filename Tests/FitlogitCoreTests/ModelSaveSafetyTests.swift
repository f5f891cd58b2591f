import Foundation
import Testing

import FitlogitCore
import FitlogitData
import FitlogitSystem

/// The library's ``LogisticModel/save(to:targetName:)`` writes as the CLI's
/// `--save` does (one mechanism, ``StagedFiles``): before, it used the
/// predictable `PATH.tmp-fitlogit-PID` (a link planted there made every
/// save fail), renamed over devices and links, and never `fsync`ed.
@Suite struct ModelSaveSafetyTests {
  private func directory() -> String {
    let path = NSTemporaryDirectory() + "fitlogit-savesafety-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func listing(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
  }

  private func fileType(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  private func model() throws -> LogisticModel {
    try LogisticModel(
      classes: ["a", "b"], featureNames: ["x"],
      coef: Matrix(rows: 1, columns: 1, values: [1.5]), intercept: [-0.25])
  }

  /// A link planted at the old predictable temporary name (and at every
  /// PID's) is neither followed nor in the way; the victim is untouched.
  @Test func aPlantedLinkAtTheOldTemporaryNameIsNotFollowed() throws {
    let dir = directory()
    let victim = dir + "/victim"
    try "keep".write(toFile: victim, atomically: false, encoding: .utf8)
    let planted = dir + "/model.json.tmp-fitlogit-\(getpid())"
    try #require(symlink(victim, planted) == 0)
    try model().save(to: dir + "/model.json")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
    #expect(try LogisticModel(contentsOf: dir + "/model.json") == model())
    #expect(listing(dir) == ["model.json", "model.json.tmp-fitlogit-\(getpid())", "victim"])
  }

  /// A device is written through, not replaced by a regular file.
  @Test func aDeviceIsWrittenThroughNotReplaced() throws {
    let dir = directory()
    try #require(mknod(dir + "/null", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
    try model().save(to: dir + "/null")
    #expect(fileType(dir + "/null") == S_IFCHR)
    #expect(listing(dir) == ["null"])
  }

  /// A link to an existing file: the file is replaced, the link stays.
  @Test func aLinkIsFollowedToItsFile() throws {
    let dir = directory()
    try "old".write(toFile: dir + "/real.json", atomically: false, encoding: .utf8)
    try #require(symlink(dir + "/real.json", dir + "/model.json") == 0)
    try model().save(to: dir + "/model.json")
    #expect(fileType(dir + "/model.json") == S_IFLNK)
    #expect(try LogisticModel(contentsOf: dir + "/real.json") == model())
    #expect(listing(dir) == ["model.json", "real.json"])
  }

  @Test func refusals() throws {
    let dir = directory()
    try #require(symlink(dir + "/absent", dir + "/dangling.json") == 0)
    #expect(throws: ModelFileError(
      kind: .file, path: dir + "/dangling.json",
      message: "is a symbolic link to a missing file; fitlogit writes through a link only "
        + "to an existing file")
    ) { try model().save(to: dir + "/dangling.json") }
    try FileManager.default.createDirectory(
      atPath: dir + "/sub", withIntermediateDirectories: false)
    #expect(throws: ModelFileError(kind: .file, path: dir + "/sub", message: "is a directory")) {
      try model().save(to: dir + "/sub")
    }
    #expect(throws: ModelFileError(
      kind: .file, path: dir + "/sub/", message: "names a directory, not a file")
    ) { try model().save(to: dir + "/sub/") }
    #expect(listing(dir) == ["dangling.json", "sub"])
    #expect(listing(dir + "/sub") == [])
  }

  /// A private model stays private when saved again.
  @Test func theModeOfAnExistingFileIsKept() throws {
    let dir = directory()
    let path = dir + "/model.json"
    try "{}".write(toFile: path, atomically: false, encoding: .utf8)
    try #require(chmod(path, 0o600) == 0)
    try model().save(to: path)
    var info = stat()
    try #require(stat(path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o600)
    #expect(listing(dir) == ["model.json"])
  }
}
