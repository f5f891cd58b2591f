import Foundation
import Testing

@testable import FitlogitData
import FitlogitSystem

/// A CSV that another program truncates while fitlogit has it mapped: the
/// pages past the new end would raise SIGBUS and crash with a trace; the
/// read must end in one error instead.
@Suite struct TruncatedFileTests {
  /// 20,000 rows (about 260 KB, many pages), written to a fresh file.
  private func writeCSV() -> String {
    let path = NSTemporaryDirectory() + "fitlogit-truncated-\(UUID().uuidString).csv"
    var text = "x,z,y\n"
    for i in 0..<20_000 { text += "\(i % 97).25,\(i % 13),\(i % 2)\n" }
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  private func parseAfterTruncating(to size: off_t) throws -> String? {
    let path = writeCSV()
    defer { unlink(path) }
    let file = try MappedFile(path: path)
    #expect(truncate(path, size) == 0)
    do {
      _ = try Dataset(csv: file, name: "t.csv")
      return nil
    } catch {
      #expect(file.changedWhileRead)
      return error.description
    }
  }

  static let message =
    "t.csv: the file shrank while it was being read (another program is "
    + "writing it?); read it again when it is complete"

  @Test func truncatedToZeroBetweenMapAndParse() throws {
    #expect(try parseAfterTruncating(to: 0) == Self.message)
  }

  /// Truncated mid-row after a few pages: the first pages parse, the rest
  /// fault.
  @Test func truncatedMidFile() throws {
    #expect(try parseAfterTruncating(to: 3 * 4096 + 17) == Self.message)
  }

  @Test func untouchedFileParses() throws {
    let path = writeCSV()
    defer { unlink(path) }
    let file = try MappedFile(path: path)
    let data = try Dataset(csv: file, name: "t.csv")
    #expect(data.sampleCount == 20_000)
    #expect(!file.changedWhileRead)
  }
}
