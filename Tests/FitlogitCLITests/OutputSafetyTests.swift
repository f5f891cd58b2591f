import Foundation
import FitlogitSystem
import Testing

@testable import FitlogitCLI
import FitlogitTestSupport

/// The names in a directory, sorted (hidden temporaries included).
private func listing(_ dir: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}

/// Linux's device number for a small major and minor (glibc's `makedev` is
/// a macro Swift cannot call): 1,3 is the kernel's null, 1,7 its full.
private func linuxDevice(_ major: UInt, _ minor: UInt) -> dev_t {
  dev_t((major << 8) | minor)
}

private func fileType(_ path: String) -> mode_t {
  var info = stat()
  return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

/// `--save` and `--plot` onto every kind of path: special files are written
/// through, never replaced; links are followed; the input is refused; a
/// failure anywhere leaves no new file.
@Suite struct OutputTargetTests {
  let points = dataFile("points.csv")

  @Test func characterDeviceIsWrittenThroughNotReplaced() throws {
    let dir = temporaryDirectory()
    try #require(mknod(dir + "/null", S_IFCHR | 0o666, linuxDevice(1, 3)) == 0)
    let r = cli(points, "--save", dir + "/null")
    #expect(r.status == 0)
    #expect(r.err == "")
    #expect(fileType(dir + "/null") == S_IFCHR)
    #expect(listing(dir) == ["null"])
  }

  /// A device that refuses the bytes (the kernel's "full") fails the
  /// command before its report, and the --plot beside it is not created.
  @Test func fullDeviceFailsTheWholeCommand() throws {
    let dir = temporaryDirectory()
    try #require(mknod(dir + "/full", S_IFCHR | 0o666, linuxDevice(1, 7)) == 0)
    let r = cli(points, "--save", dir + "/full", "--plot", dir + "/plots")
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(dir)/full: no space left on device\n")
    #expect(listing(dir) == ["full"])
  }

  @Test func fifoIsWrittenThroughToItsReader() throws {
    let dir = temporaryDirectory()
    let fifo = dir + "/fifo"
    try #require(mkfifo(fifo, 0o600) == 0)
    nonisolated(unsafe) var received = Data()
    let reader = Thread {
      received = FileHandle(forReadingAtPath: fifo)!.readDataToEndOfFile()
    }
    reader.start()
    let r = cli(points, "--save", fifo)
    while reader.isExecuting || !reader.isFinished { usleep(1000) }
    #expect(r.status == 0)
    #expect(fileType(fifo) == S_IFIFO)
    #expect(String(decoding: received, as: UTF8.self).hasPrefix(
      "{\"format\": \"fitlogit-model\", \"version\": 1,"))
    #expect(listing(dir) == ["fifo"])
  }

  @Test func directoryIsRefused() {
    let dir = temporaryDirectory()
    let r = cli(points, "--save", dir)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: \(dir): is a directory\n")
    #expect(listing(dir) == [])
  }

  /// `--save data.csv` used to overwrite the data silently; also through a
  /// link to it.
  @Test func inputIsNeverTheOutput() throws {
    let dir = temporaryDirectory()
    let csv = dir + "/points.csv"
    try FileManager.default.copyItem(atPath: points, toPath: csv)
    let r = cli(csv, "--save", csv)
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == """
      fitlogit: error: \(csv): is the same file as the input \(csv); fitlogit never \
      overwrites its input (choose another name)

      """)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: csv)
    #expect(cli(csv, "--save", dir + "/link.json").err == """
      fitlogit: error: \(dir)/link.json: is the same file as the input \(csv); fitlogit \
      never overwrites its input (choose another name)

      """)
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == articleCSVFile)
    #expect(listing(dir) == ["link.json", "points.csv"])
  }

  private var articleCSVFile: String {
    try! String(contentsOfFile: points, encoding: .utf8)
  }

  /// Re-saving a 0600 model used to make it 0644.
  @Test func replacedFileKeepsItsMode() throws {
    let dir = temporaryDirectory()
    let model = dir + "/model.json"
    #expect(cli(points, "--save", model).status == 0)
    #expect(chmod(model, 0o600) == 0)
    #expect(cli(points, "--save", model).status == 0)
    var info = stat()
    #expect(stat(model, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o600)
    #expect(listing(dir) == ["model.json"])
  }

  /// A link is followed (as `>` follows it): the file it names gets the
  /// model and the link stays a link.
  @Test func symbolicLinkIsFollowed() throws {
    let dir = temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: dir + "/v3", withIntermediateDirectories: false)
    #expect(FileManager.default.createFile(atPath: dir + "/v3/model.json", contents: Data("old".utf8)))
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/model.json", withDestinationPath: "v3/model.json")
    #expect(cli(points, "--save", dir + "/model.json").status == 0)
    #expect(fileType(dir + "/model.json") == S_IFLNK)
    #expect(try String(contentsOfFile: dir + "/v3/model.json", encoding: .utf8).hasPrefix(
      "{\"format\": \"fitlogit-model\""))
    #expect(listing(dir + "/v3") == ["model.json"])
  }

  @Test func danglingLinkIsRefused() throws {
    let dir = temporaryDirectory()
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/model.json", withDestinationPath: "nowhere.json")
    let r = cli(points, "--save", dir + "/model.json")
    #expect(r.status == 1)
    #expect(r.err == """
      fitlogit: error: \(dir)/model.json: is a symbolic link to a missing file; fitlogit \
      writes through a link only to an existing file

      """)
    #expect(listing(dir) == ["model.json"])
  }

  /// The temporary: beside the target, hidden, 64 random bits, created
  /// exclusively; renamed by the commit, removed by a discard.
  @Test func temporaryNamesAreUnpredictableAndExclusive() throws {
    let dir = temporaryDirectory()
    let outputs = StagedOutputs()
    try outputs.stageFile("first", at: dir + "/model.json")
    try outputs.stageFile("second", at: dir + "/other.json")
    let names = outputs.stagedTemporaries
    #expect(names.count == 2)
    let pattern = /.*\/\.model\.json\.fitlogit-[0-9a-f]{16}/
    #expect(names[0].wholeMatch(of: pattern) != nil)
    #expect(try String(contentsOfFile: names[0], encoding: .utf8) == "first")
    #expect(!listing(dir).contains("model.json"))
    try outputs.commit()
    #expect(listing(dir) == ["model.json", "other.json"])
    #expect(try String(contentsOfFile: dir + "/model.json", encoding: .utf8) == "first")

    let again = StagedOutputs()
    try again.stageFile("third", at: dir + "/model.json")
    #expect(again.stagedTemporaries[0] != names[0])
    again.discard()
    #expect(listing(dir) == ["model.json", "other.json"])
  }

  /// A link planted at a temporary's name (by another user guessing it)
  /// makes the exclusive create fail; the link's target is not written.
  @Test func plantedLinkIsNotFollowed() throws {
    let dir = temporaryDirectory()
    let victim = dir + "/victim"
    #expect(FileManager.default.createFile(atPath: victim, contents: Data("keep".utf8)))
    for target in [victim, dir + "/absent"] {
      let planted = dir + "/.model.json.fitlogit-0123456789abcdef"
      try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: target)
      #expect(createExclusive(planted, mode: 0o644) == -1)
      #expect(errno == EEXIST)
      unlink(planted)
    }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
    #expect(listing(dir) == ["victim"])
  }

  /// A --plot that fails after the model is staged leaves neither the
  /// model nor any figure.
  @Test func failingPlotLeavesNeitherModelNorFigures() throws {
    let dir = temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: dir + "/plots/index.html", withIntermediateDirectories: true)
    let r = cli(points, "--save", dir + "/model.json", "--plot", dir + "/plots")
    #expect(r.status == 1)
    #expect(r.out == "")
    #expect(r.err == "fitlogit: error: \(dir)/plots/index.html: is a directory\n")
    #expect(listing(dir) == ["plots"])
    #expect(listing(dir + "/plots") == ["index.html"])
  }

  /// A --plot directory with missing parents is built under a temporary
  /// name and appears whole; a failure afterwards (here: standard output
  /// full) removes it and the model.
  @Test func plotDirectoryAppearsWholeOrNotAtAll() throws {
    let dir = temporaryDirectory()
    let r = cli(points, "--plot", dir + "/a/b")
    #expect(r.status == 0)
    #expect(listing(dir) == ["a"])
    #expect(listing(dir + "/a/b").contains("index.html"))

    var out = ""
    var err = ""
    let status = FitlogitCLI.run(
      [points, "--save", dir + "/model.json", "--plot", dir + "/c/d"],
      stdout: &out, stderr: &err
    ) { .failed(ENOSPC) }
    #expect(status == 1)
    #expect(err == "fitlogit: error: writing standard output: No space left on device\n")
    #expect(listing(dir) == ["a"])
  }
}

/// The built `fitlogit`, beside the test bundle.
private let executable: String = {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent().appendingPathComponent("fitlogit").path
  if FileManager.default.isExecutableFile(atPath: beside) { return beside }
  return packageRoot.appendingPathComponent(".build/debug/fitlogit").path
}()

/// A shell line run with `fitlogit` as `$F`, in `dir`; its standard error
/// (through a pipe, so `ulimit -f` does not apply to it).
private func shell(
  _ line: String, in dir: String
) throws -> (status: Int32, signaled: Bool, err: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", line]
  process.currentDirectoryURL = URL(fileURLWithPath: dir)
  process.environment = ["F": executable, "PATH": "/usr/bin:/bin"]
  let err = Pipe()
  process.standardError = err
  process.standardOutput = FileHandle.nullDevice
  try process.run()
  let bytes = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, process.terminationReason == .uncaughtSignal,
    String(decoding: bytes, as: UTF8.self)
  )
}

/// The real process: standard output checked, signals, file-size limits.
@Suite struct ProcessOutputTests {
  let points = dataFile("points.csv")

  @Test func fullStandardOutputIsAnError() throws {
    let dir = temporaryDirectory()
    let r = try shell("\"$F\" '\(points)' --json > /dev/full", in: dir)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: writing standard output: No space left on device\n")
  }

  /// predict used to write 2,043 of 200,001 lines into a full disk and
  /// exit 0; now every row goes through one buffer, checked.
  @Test func predictIntoFullDiskFails() throws {
    let dir = temporaryDirectory()
    var csv = "x,y\n"
    for i in 0..<30_000 { csv += "\(i % 7),\(i % 2)\n" }
    #expect(FileManager.default.createFile(atPath: dir + "/big.csv", contents: Data(csv.utf8)))
    let r = try shell(
      "\"$F\" big.csv --save m.json && \"$F\" predict m.json big.csv > /dev/full", in: dir)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: writing standard output: No space left on device\n")
  }

  /// A reader that stops early ends the output quietly, and the files of
  /// the command are still saved.
  @Test func closedPipeEndsQuietly() throws {
    let dir = temporaryDirectory()
    var csv = "x,y\n"
    for i in 0..<30_000 { csv += "\(i % 7),\(i % 2)\n" }
    #expect(FileManager.default.createFile(atPath: dir + "/big.csv", contents: Data(csv.utf8)))
    let r = try shell(
      """
      "$F" big.csv --save m.json > /dev/null
      { "$F" predict --proba m.json big.csv; echo $? > status; } | head -c 10 > /dev/null
      exit $(cat status)
      """, in: dir)
    #expect(r.status == 0)
    #expect(r.err == "")
  }

  /// Under `ulimit -f`, SIGXFSZ used to kill the save and leave a truncated
  /// temporary; now the write fails with EFBIG and nothing is left.
  @Test func fileSizeLimitIsAnErrorAndLeavesNothing() throws {
    let dir = temporaryDirectory()
    let r = try shell("ulimit -f 1; exec \"$F\" '\(points)' --plot plots", in: dir)
    #expect(r.status == 1)
    #expect(r.err == "fitlogit: error: plots/1-data.svg: file too large\n")
    #expect(listing(dir) == [])
  }

  /// INT, TERM, HUP and QUIT arriving while the files are staged (here the
  /// process waits to open a FIFO with no reader, its --plot directory
  /// staged) remove the staging directory; QUIT prints no crash report.
  @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
  func signalLeavesNoTemporary(_ signal: Int32) throws {
    let dir = temporaryDirectory()
    try #require(mkfifo(dir + "/fifo", 0o600) == 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "ulimit -c 0; exec \"$F\" '\(points)' --plot plots --save fifo",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: dir)
    process.environment = ["F": executable]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var staged = false
    for _ in 0..<2000 where !staged {
      staged = listing(dir).contains { $0.hasPrefix(".plots.fitlogit-") }
      if !staged { usleep(5000) }
    }
    #expect(staged)
    kill(process.processIdentifier, signal)
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(text == "")
    #expect(listing(dir) == ["fifo"])
  }
}

/// The smaller defects: a /proc file read as empty, CR-only line ends
/// reported as "no data rows", `--save dir/`.
@Suite struct FileFormDefectTests {
  /// /proc files report size 0 yet have text: read, not mapped. (This one
  /// holds "Linux\n": a header with one column.)
  @Test func procFileIsReadNotEmpty() {
    let r = cli("/proc/sys/kernel/ostype")
    #expect(r.status == 1)
    #expect(r.err == """
      fitlogit: error: /proc/sys/kernel/ostype:1:1: no feature column: the file needs at \
      least one column besides the target "Linux"

      """)
  }

  @Test func carriageReturnOnlyLineEndsAreNamed() throws {
    let dir = temporaryDirectory()
    let path = dir + "/mac.csv"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("x,y\r1,0\r2,1\r3,0\r".utf8)))
    let r = cli(path)
    #expect(r.status == 1)
    #expect(r.err == """
      fitlogit: error: \(path):1:1: the lines end with a carriage return alone (classic Mac OS); \
      convert them to newlines, e.g. with tr '\\r' '\\n'

      """)
  }

  @Test func saveToADirectoryName() {
    let dir = temporaryDirectory()
    let r = cli(dataFile("points.csv"), "--save", dir + "/models/")
    #expect(r.status == 1)
    #expect(r.err == """
      fitlogit: error: \(dir)/models/: names a directory; --save writes a file (such as \
      \(dir)/models/model.json)

      """)
    #expect(listing(dir) == [])
  }
}
