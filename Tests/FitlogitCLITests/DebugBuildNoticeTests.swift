import Foundation
import Testing

@testable import FitlogitCLI

/// The debug build's note on large files ("a debug build that reads a file
/// over 10 MB says on stderr, once, that it is a debug build and how to get
/// the fast one"). The tests run in a debug build, where the note is on.
@Suite struct DebugBuildNoticeTests {
  /// A sparse file of `size` bytes: no disk and no time spent writing it.
  func sparseFile(size: Int) -> String {
    let path = temporaryDirectory() + "/big.csv"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = FileHandle(forWritingAtPath: path)!
    try! handle.truncate(atOffset: UInt64(size))
    try! handle.close()
    return path
  }

  #if DEBUG
    @Test func largeFileGetsTheNoteOnce() {
      let big = sparseFile(size: 10_000_001)
      let r = cli("predict", big, big)
      let note =
        "fitlogit: note: this is a debug build, about 100 times slower on large files;"
        + " for real data build the release binary with 'swift build -c release'"
        + " and run .build/release/fitlogit\n"
      #expect(r.status == 1)
      #expect(r.err.hasPrefix(note))
      #expect(r.err.components(separatedBy: "fitlogit: note:").count == 2)
    }

    @Test func tenMegabytesExactlyGetNoNote() {
      let path = sparseFile(size: 10_000_000)
      #expect(DebugBuildNotice.text(arguments: ["fit", path]) == nil)
    }
  #endif

  @Test func articleFileGetsNoNote() {
    let r = cli(dataFile("points.csv"))
    #expect(r.status == 0)
    #expect(r.err == "")
  }
}
