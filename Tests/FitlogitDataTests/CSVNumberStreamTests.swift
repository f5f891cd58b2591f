import FitlogitTestSupport
import Foundation
import Testing

@testable import FitlogitData

/// The block reader behind `fitlogit loss FILE.csv`.
@Suite struct CSVNumberStreamTests {
  static func write(_ text: String) -> String {
    let path = NSTemporaryDirectory() + "fitlogit-stream-\(UUID().uuidString).csv"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  /// Blocks of two rows; a quoted header name spanning two lines and a
  /// blank line shift the line numbers, which each row keeps.
  @Test func blocksKeepLinesAndColumns() throws {
    let path = Self.write("\"first\nname\",p,y\n1,0.5,1\n\n2,0.25,0\n3,0.75,1\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var blocks: [CSVNumberBlock] = []
    try CSVNumberStream.read(
      path: path, name: "f.csv", blockRows: 2,
      select: { header in
        #expect(header == ["first\nname", "p", "y"])
        return [2, 1]
      },
      body: { blocks.append($0) })
    #expect(blocks.map(\.rows) == [2, 1])
    #expect(blocks.map(\.offset) == [0, 2])
    #expect(blocks[0].values == [1, 0.5, 0, 0.25])
    #expect(blocks[0].lines == [3, 5])
    #expect(blocks[1].values == [1, 0.75])
    #expect(blocks[1].lines == [6])
  }

  /// A record longer than the 1 MiB read buffer grows the buffer.
  @Test func recordLongerThanTheBuffer() throws {
    let long = String(repeating: "x", count: 3 << 20)
    let path = Self.write("name,v\n\"\(long)\",2\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var values: [Double] = []
    try CSVNumberStream.read(
      path: path, name: "f.csv", select: { _ in [1] }, body: { values += $0.values })
    #expect(values == [2])
  }

  /// Past the first 1 MiB read, unquoted text takes the comma-splitting
  /// path: the same rows, CRLF and blank lines, and line numbers in errors.
  @Test func unquotedPathAfterTheFirstBuffer() throws {
    var text = "y,p\n"
    for _ in 0..<200_000 { text += "1,0.5\n" }  // 1.2 MB
    text += "0,0.25\r\n\n1,0.75"
    let path = Self.write(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var rows = 0
    var sum = 0.0
    var lastLine = 0
    try CSVNumberStream.read(
      path: path, name: "f.csv", select: { _ in [1, 0] },
      body: { block in
        rows += block.rows
        for i in 0..<block.rows { sum += block.values[2 * i] }
        lastLine = block.lines.last!
      })
    #expect(rows == 200_002)
    #expect(sum == 200_000 * 0.5 + 0.25 + 0.75)
    #expect(lastLine == 200_004)  // header 1, rows 2..200001, CRLF row, blank, last
    let bad = Self.write(text + "\n1,abc\n")
    defer { try? FileManager.default.removeItem(atPath: bad) }
    #expect(throws: CSVError(file: "f.csv", line: 200_005, column: 2, message: "expected a number, found \"abc\"")) {
      try CSVNumberStream.read(path: bad, name: "f.csv", select: { _ in [1] }, body: { _ in })
    }
    let short = Self.write(text + "\n1\n")
    defer { try? FileManager.default.removeItem(atPath: short) }
    #expect(throws: CSVError(file: "f.csv", line: 200_005, column: 2, message: "expected 2 fields as in the header, found 1")) {
      try CSVNumberStream.read(path: short, name: "f.csv", select: { _ in [1] }, body: { _ in })
    }
  }

  /// Random files with quoted fields (commas, doubled quotes, line ends
  /// inside quotes), CRLF and blank lines, read with buffers of 3 to 64
  /// bytes so that records are cut everywhere: the same numbers and lines
  /// as reading with the default buffer.
  @Test func tinyBuffersCutRecordsAnywhere() throws {
    var rng = SplitMix64(seed: 15)
    for trial in 0..<40 {
      var text = "\"a,\"\"b\"\"\",v\r\n"
      var expected: [Double] = []
      var lines: [Int] = []
      var line = 2
      for r in 0..<Int(1 + rng.next() % 30) {
        if rng.next() % 5 == 0 {
          text += "\n"
          line += 1
        }
        let label = rng.next() % 3 == 0 ? "\"x\ny,\"\"z\"\"\"" : "lab\(r)"
        let v = Double(rng.next() % 1000) / 8
        text += "\(label),\(v)" + (rng.next() % 2 == 0 ? "\r\n" : "\n")
        expected.append(v)
        lines.append(line)
        line += label.contains("\n") ? 2 : 1
      }
      let path = Self.write(text)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let size = 3 + trial % 62
      var values: [Double] = []
      var seen: [Int] = []
      try CSVNumberStream.read(
        path: path, name: "f.csv", blockRows: 4, bufferSize: size,
        select: { header in
          #expect(header == ["a,\"b\"", "v"])
          return [1]
        },
        body: { block in
          values += block.values
          seen += block.lines
        })
      #expect(values == expected, "trial \(trial), buffer \(size)")
      #expect(seen == lines, "trial \(trial), buffer \(size)")
    }
  }

  @Test func errorsNameTheLine() {
    let path = Self.write("p\n0.5\n\"x\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: CSVError(file: "f.csv", line: 3, column: 1, message: "unterminated quoted field")) {
      try CSVNumberStream.read(path: path, name: "f.csv", select: { _ in [0] }, body: { _ in })
    }
    #expect(throws: CSVError(file: "nope.csv", line: 1, column: 1, message: "no such file or directory")) {
      try CSVNumberStream.read(
        path: "/nonexistent/nope.csv", name: "nope.csv", select: { _ in [0] }, body: { _ in })
    }
  }
}
