import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitData
import FitlogitSystem

/// The dataset, or the error text, that `mode` reads from `text`.
private func read(
  _ text: [UInt8], _ mode: Dataset.CSVParseMode, weight: String? = nil
) -> Result<Dataset, CSVError> {
  Result { () throws(CSVError) in
    try Dataset(csv: text, file: "f.csv", sampleWeight: weight, mode: mode)
  }
}

private func same(
  _ a: Result<Dataset, CSVError>, _ b: Result<Dataset, CSVError>
) -> Bool {
  switch (a, b) {
  case (.failure(let x), .failure(let y)): return x == y
  case (.success(let x), .success(let y)):
    return x.features == y.features && x.labels == y.labels
      && x.classes == y.classes && x.featureNames == y.featureNames
      && x.sampleWeights == y.sampleWeights
      && x.features.values.map(\.bitPattern)
        == y.features.values.map(\.bitPattern)
  default: return false
  }
}

/// A random CSV file: numbers in many spellings, labels of several kinds,
/// blank lines, CRLF, and (when `faults`) one or two broken fields or rows.
private func randomCSV(_ rng: inout SplitMix64, faults: Bool) -> [UInt8] {
  let columns = 1 + Int(rng.next() % 5)
  let crlf = rng.next() % 4 == 0
  let eol = crlf ? "\r\n" : "\n"
  var s = (0..<columns).map { "c\($0)" }.joined(separator: ",") + ",w,y" + eol
  let rows = 1 + Int(rng.next() % 60)
  let labelKinds = [
    ["0", "1"], ["a", "b", "c"], ["1", "1.0", "2", "10"],
    ["é", "e\u{301}", "z"],
  ]
  let labels = labelKinds[Int(rng.next() % 4)]
  let spellings = [
    "-0.8", ".2", "1e-3", "+4", "5.", " 7 ",
    "0.1000000000000000055511151231257827",
    "-2.643757951011084", "1.7976931348623157e308", "4.9e-324", "00012", "3E+2",
  ]
  for _ in 0..<rows {
    if rng.next() % 15 == 0 { s += eol }
    var fields: [String] = []
    for _ in 0..<columns {
      if rng.next() % 2 == 0 {
        fields.append(spellings[Int(rng.next() % UInt64(spellings.count))])
      } else {
        let v = Double(bitPattern: rng.next() >> 2).truncatingRemainder(
          dividingBy: 1e6)
        fields.append(v.isFinite ? "\(v)" : "1")
      }
    }
    fields.append(["1", "0.5", "2", "0"][Int(rng.next() % 4)])
    fields.append(labels[Int(rng.next() % UInt64(labels.count))])
    if faults, rng.next() % 40 == 0 {
      let j = Int(rng.next() % UInt64(fields.count))
      fields[j] =
        ["abc", "", "nan", "1e999", "1 2", "-1", "--1", "1e", "\r"][
          Int(rng.next() % 9)]
    }
    if faults, rng.next() % 80 == 0 { fields.removeLast() }
    if faults, rng.next() % 80 == 0 { fields.append("9") }
    s += fields.joined(separator: ",") + eol
  }
  if rng.next() % 3 == 0 { s.removeLast(crlf ? 2 : 1) }
  if rng.next() % 5 == 0 { s += eol + eol }
  return Array(s.utf8)
}

@Suite struct CSVChunkedTests {
  /// 600 random files: the record reader, one chunk, and 2–9 chunks give
  /// the same dataset bit for bit, or the same first error.
  @Test func chunkedEqualsRecordReader() {
    var rng = SplitMix64(seed: 99)
    var errors = 0
    for k in 0..<600 {
      let text = randomCSV(&rng, faults: k % 2 == 1)
      let weight: String? = k % 3 == 0 ? "w" : nil
      let reference = read(text, .recordReader, weight: weight)
      if case .failure = reference { errors += 1 }
      for mode in [
        Dataset.CSVParseMode.chunks(1), .chunks(2 + k % 8), .automatic,
      ] {
        let other = read(text, mode, weight: weight)
        #expect(
          same(reference, other),
          "file \(k): \(String(decoding: text, as: UTF8.self))")
      }
    }
    // Both outcomes are exercised.
    #expect(errors > 100 && errors < 500)
  }

  /// Prediction's reader (model columns in any order, other columns
  /// skipped) gives the same matrix or error chunked as record by record.
  @Test func matrixChunkedEqualsRecordReader() {
    var rng = SplitMix64(seed: 123)
    for k in 0..<300 {
      let text = randomCSV(&rng, faults: k % 2 == 1)
      let names = k % 3 == 0 ? ["w", "c0"] : k % 3 == 1 ? ["c0"] : ["c0", "c0"]
      func matrix(_ mode: Dataset.CSVParseMode) -> Result<Matrix, CSVError> {
        Result { () throws(CSVError) in
          try text.withUnsafeBufferPointer { (b) throws(CSVError) in
            try Matrix.parse(b, file: "m.csv", columns: names, mode: mode)
          }
        }
      }
      let reference = matrix(.recordReader)
      for mode in [Dataset.CSVParseMode.chunks(1), .chunks(2 + k % 5)] {
        let other = matrix(mode)
        switch (reference, other) {
        case (.success(let a), .success(let b)):
          #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
          #expect(a.rows == b.rows && a.columns == b.columns)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("file \(k): \(reference) vs \(other)")
        }
      }
    }
  }

  /// A missing cell only in the last of four chunks, one a token the fast
  /// path declines (`NA`) and one an empty field, is still found: the
  /// chunks count the missing cells they write, and only a count of zero
  /// skips the sweep that looks for them. With none, the same rows read.
  @Test func missingCellsInALateChunk() throws {
    var text = "a,b,y\n"
    for i in 0..<40 { text += "\(i).5,\(i),\(i % 2)\n" }
    let complete = Array(text.utf8)
    text += "NA,1,0\n1,,1\n"
    guard case .failure(let e) = read(Array(text.utf8), .chunks(4)) else {
      Issue.record("missing cells must be refused")
      return
    }
    #expect(
      e.description == "f.csv: 2 rows have missing values (a: 1, b: 1); drop them with --dropna")
    let data = try read(complete, .chunks(4)).get()
    #expect(data.sampleCount == 40)
    #expect(data.features[39, 0] == 39.5 && data.features[39, 1] == 39)
  }

  /// A body above the parallel threshold is split across cores; an error
  /// late in it is reported at its own line.
  @Test func largeBodyInParallel() throws {
    var text = Array("a,b,y\n".utf8)
    var rng = SplitMix64(seed: 5)
    let rows = 120_000
    for i in 0..<rows {
      let v = Double(rng.next() >> 11) * 0x1p-53 - 0.5
      text += Array(
        "\(v),\(Double(i) * 1e-7),\(i % 3 == 0 ? "yes" : "no")\n".utf8)
    }
    #expect(text.count > CSVChunkedBody.parallelThreshold)
    let serial = read(text, .recordReader)
    let parallel = read(text, .automatic)
    #expect(same(serial, parallel))
    #expect(try parallel.get().classes == ["no", "yes"])
    #expect(try parallel.get().sampleCount == rows)
    var broken = text
    // Line 100,002 is data row 100,001; give it a fourth field.
    let lineStarts = broken.indices.filter { broken[$0] == 0x0A }
    let at = lineStarts[100_000] + 1
    let comma = broken[at...].firstIndex(of: 0x2C)!
    broken.insert(0x2C, at: comma + 1)
    let error = read(broken, .automatic)
    #expect(same(read(broken, .recordReader), error))
    if case .failure(let e) = error {
      #expect(e.line == 100_002 && e.column == 4)
    } else {
      Issue.record("expected an error")
    }
  }

  /// Reading the mapped file (pages released as parsed) gives what
  /// reading its bytes gives, datasets and errors alike, also for a body
  /// of several release steps.
  @Test func mappedFileEqualsBytes() throws {
    var rng = SplitMix64(seed: 17)
    var texts = (0..<40).map { k in randomCSV(&rng, faults: k % 2 == 1) }
    var big = Array("a,b,y\n".utf8)
    for i in 0..<400_000 {
      big += Array("\(Double(i) * 0.37),\(i % 11),\(i % 3)\n".utf8)
    }
    #expect(big.count > PageReleaser.step)
    texts.append(big)
    big += Array("1,2\n".utf8)
    texts.append(big)
    let path = NSTemporaryDirectory()
      + "fitlogit-mapped-test-\(ProcessInfo.processInfo.processIdentifier).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    for text in texts {
      #expect(FileManager.default.createFile(atPath: path, contents: Data(text)))
      let fromBytes = Result { () throws(CSVError) in
        try Dataset(csv: text, file: path)
      }
      let fromFile = Result { () throws(CSVError) in try Dataset(csvFile: path)
      }
      #expect(same(fromBytes, fromFile))
    }
    if case .failure(let e) = Result(catching: { () throws(CSVError) in
      try Dataset(csvFile: path + ".missing")
    }) {
      #expect(e.description == path + ".missing: no such file or directory")
    } else {
      Issue.record("a missing file must throw")
    }
  }

  /// The sixteen-bytes-at-a-time line count (and its quote and plain-ASCII
  /// flags) equals a byte loop, also when every byte is a newline (each
  /// counter lane fills up, 1,250 vectors of them) and at odd tails.
  @Test func countLinesMatchesByteLoop() {
    var rng = SplitMix64(seed: 8)
    var buffers: [[UInt8]] = [
      Array(String(repeating: "1.5,2,0\n", count: 5_000).utf8),
      [UInt8](repeating: 0x0A, count: 20_003),
    ]
    for _ in 0..<50 {
      let n = Int(rng.next() % 40_000)
      buffers.append(
        (0..<n).map { _ in
          let r = rng.next() % 10
          return r < 3 ? 0x0A : r == 3 ? 0x22 : 0x31
        })
    }
    // One byte that is not plain ASCII (or is NUL) at every place of a
    // 40-byte buffer: two vectors and the byte tail.
    for place in 0..<40 {
      for odd: UInt8 in [0x80, 0xC3, 0xFF, 0x00] {
        var b = Array("1.5,2,0\n".utf8) + Array("1.5,2,0\n".utf8) + Array("1.5,2,0\n".utf8)
          + Array("1.5,2,0\n".utf8) + Array("1.5,2,0\n".utf8)
        b[place] = odd
        buffers.append(b)
      }
    }
    for b in buffers {
      for offset in 0..<3 where offset < b.count {
        let part = Array(b[offset...])
        let (lines, quote, plain) = part.withUnsafeBufferPointer {
          CSVChunkedBody.countLines($0.baseAddress!, count: $0.count)
        }
        #expect(lines == part.filter { $0 == 0x0A }.count)
        #expect(quote == part.contains(0x22))
        #expect(plain == !part.contains { $0 == 0 || $0 >= 0x80 })
      }
    }
  }

  /// A quote anywhere in the body sends the file to the record reader,
  /// which handles a newline inside a quoted label.
  @Test func quotedBodyFallsBack() throws {
    let text = Array("x,y\n1,\"a\nb\"\n2,c\n".utf8)
    let d = try read(text, .chunks(3)).get()
    #expect(d.classes == ["a\nb", "c"])
    #expect(d.features.values == [1, 2])
  }
}
