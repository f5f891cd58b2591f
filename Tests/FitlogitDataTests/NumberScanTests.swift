import FitlogitKernels
import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitData
import FitlogitSystem

private let avx2 = "the vector number scanner needs AVX2"

/// What the vector scanner reads from `fields` (joined by `,`, then
/// `tail`), placed after 32 bytes of padding so that it may look back:
/// the values it took and the offset, within the fields' text, where it
/// stopped.
private func scan(
  _ fields: [String], tail: String = "\n", padding: Int = 32,
  delimiter: UInt8 = 0x2C, kernel: KernelPath = .avx2FMA
) -> (values: [Double], stop: Int) {
  let text = Array(fields.joined(separator: String(UnicodeScalar(delimiter))).utf8)
  let bytes =
    [UInt8](repeating: 0x2C, count: padding) + text + Array(tail.utf8)
    + [UInt8](repeating: 0x0A, count: 40)
  var out = [Double](repeating: .nan, count: fields.count)
  var stop = 0
  let k = bytes.withUnsafeBufferPointer { b in
    out.withUnsafeMutableBufferPointer { o in
      var next: UnsafePointer<UInt8>? = nil
      let k = fl_scan_numbers(
        kernel.code, b.baseAddress!, b.baseAddress! + padding,
        b.baseAddress! + b.count, delimiter, fields.count, powersOfFiveTable,
        o.baseAddress!, &next)
      stop = next! - b.baseAddress! - padding
      return k
    }
  }
  return (Array(out.prefix(k)), stop)
}

/// strtod's double for a literal.
private func strtod(_ s: String) -> Double {
  let b = Array(s.utf8)
  return b.withUnsafeBufferPointer { libcStrtod($0.baseAddress!, count: $0.count) }
}

@Suite struct NumberScanTests {
  /// It reads plain numbers up to the first field it is not sure of, and
  /// says where the last field it read ends (0 when it read none).
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func readsPlainNumbersAndStopsAtTheRest() {
    var r = scan(["12.5", "-0.25", "abc", "7"])
    #expect(r.values == [12.5, -0.25])
    #expect(r.stop == 10)  // the ',' after -0.25
    r = scan(["-0", "+3.", ".5", "5", "007", "-.125"])
    let signed: [Double] = [-0.0, 3, 0.5, 5, 7, -0.125]
    #expect(r.values.map(\.bitPattern) == signed.map(\.bitPattern))
    #expect(r.stop == 21)  // the line end
    // pandas' 17 significant digits: a fraction of 17 digits.
    r = scan(["-0.14003927017013393", "0.27718347064947446", "1e5"])
    #expect(r.values == [-0.14003927017013393, 0.27718347064947446])
    #expect(r.stop == 40)
    // 19 digits are read, 20 are not (the Swift parser truncates them).
    r = scan(["1234567890.123456789", "12345678901234567890"])
    #expect(r.values == [1234567890.123456789])
    #expect(r.stop == 20)
    // Fifteen digits before the point are read, sixteen are not.
    #expect(scan(["123456789012345.5"]).values == [123456789012345.5])
    #expect(scan(["1234567890123456.5"]).values.isEmpty)
    #expect(scan(["123456789012345"]).values == [123456789012345])
    #expect(scan(["1234567890123456"]).values.isEmpty)
    // Nothing it is unsure of: blanks, exponents, text, empty cells, signs
    // alone, a second point or sign.
    for field in [" 1", "1 ", "1e3", "1E-3", "", "-", ".", "-.", "nan", "inf", "1.2.3", "--1", "+-1", "1-", "0x1"] {
      let r = scan([field, "1"])
      #expect(r.values.isEmpty, "\(field)")
      #expect(r.stop == 0, "\(field)")
    }
    // A field ends at the delimiter, \n or \r (the caller checks \r\n).
    #expect(scan(["1.5"], tail: "\r\n").stop == 3)
    #expect(scan(["1", "2"], tail: "\r\n").values == [1, 2])
    #expect(scan(["1", "2"], delimiter: 0x3B).values == [1, 2])
    #expect(scan(["1,5", "2"], delimiter: 0x3B).values.isEmpty)
    // A line end stops a run before its count: the row is short.
    let short = scan(["1", "2\n3"])
    #expect(short.values == [1, 2] && short.stop == 3)
  }

  /// It never reads outside the buffer: a field fewer than 16 bytes after
  /// the buffer's start, or fewer than 32 before its end, is left alone.
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func leavesFieldsNearTheBufferEnds() {
    #expect(scan(["1.5", "2"], padding: 15).values.isEmpty)
    #expect(scan(["1.5", "2"], padding: 16).values == [1.5, 2])
    // The fields start at 40; the buffer goes on, but `end` is put 32 or
    // 31 bytes after the first field's start.
    let bytes =
      [UInt8](repeating: 0x30, count: 40) + Array("1.25,2.5\n".utf8)
      + [UInt8](repeating: 0x0A, count: 40)
    for (room, expected) in [(32, 1), (31, 0)] {
      var out = [Double](repeating: 0, count: 2)
      let k = bytes.withUnsafeBufferPointer { b in
        out.withUnsafeMutableBufferPointer { o in
          var next: UnsafePointer<UInt8>? = nil
          return fl_scan_numbers(
            KernelPath.avx2FMA.code, b.baseAddress!, b.baseAddress! + 40,
            b.baseAddress! + 40 + room, 0x2C, 2, powersOfFiveTable, o.baseAddress!, &next)
        }
      }
      #expect(k == expected, "\(room) bytes")
    }
  }

  /// Where most calls of a window of 4,096 read nothing (numbers in
  /// exponent form), the runs stop calling the scanner, which would only
  /// classify each field before the Swift parser reads it; where calls
  /// read, they keep calling it. Runs follow consecutive outputs only.
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func runsStepAsideWhenTheScannerMostlyDeclines() {
    func runs(after calls: Int, field: String) -> (active: Bool, read: Int) {
      let bytes =
        [UInt8](repeating: 0x2C, count: 32) + Array((field + "\n").utf8)
        + [UInt8](repeating: 0x0A, count: 40)
      var runs = NumberRuns(columnRoles: [0], output: { $0 }, kernel: .avx2FMA)
      var read = 0
      var out = 0.0
      bytes.withUnsafeBufferPointer { b in
        for _ in 0..<calls {
          read += runs.scan(
            b.baseAddress!, from: 32, count: b.count, column: 0, delimiter: 0x2C, into: &out
          ).read
        }
      }
      return (runs.starts(at: 0), read)
    }
    #expect(runs(after: NumberRuns.window - 1, field: "1.5e-07") == (true, 0))
    #expect(runs(after: NumberRuns.window, field: "1.5e-07") == (false, 0))
    #expect(runs(after: 2 * NumberRuns.window, field: "1.5") == (true, 2 * NumberRuns.window))
    let layout = NumberRuns(
      columnRoles: [0, 1, CSVColumnRoles.target, 2, 4, 3], output: { $0 }, kernel: .avx2FMA)
    #expect(layout.lengths == [2, 1, 0, 1, 1, 1])
    let baseline = NumberRuns(columnRoles: [0, 1], output: { $0 }, kernel: .baseline)
    #expect(baseline.lengths == [0, 0] && !baseline.starts(at: 0))
  }

  /// The baseline path (and any CPU without AVX2) reads nothing, so the
  /// Swift scanner reads every field.
  @Test func baselineReadsNothing() {
    #expect(fl_scan_numbers_supported(KernelPath.baseline.code) == 0)
    #expect(fl_scan_numbers_supported(KernelPath.neon.code) == 0)
    #expect(scan(["1.5", "2"], kernel: .baseline).values.isEmpty)
    #if arch(x86_64)
      #expect(fl_scan_numbers_supported(KernelPath.avx2FMA.code) == 1)
    #else
      #expect(fl_scan_numbers_supported(KernelPath.avx2FMA.code) == 0)
    #endif
  }

  /// 200,000 random plain literals of every shape it takes (0–20 digits
  /// before the point, 0–21 after, signs, runs of 0s and 9s near halfway
  /// cases), 20 to a row: each field it reads is strtod's double bit for
  /// bit, and it reads exactly the fields its contract promises (plain,
  /// at most 15 digits before the point and 19 in all, decided by
  /// Eisel–Lemire: where ``parseDoublePrefix(_:from:end:)`` gives a value).
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func randomLiteralsMatchStrtodAndTheContract() {
    let r = Self.randomRows(10_000, seed: 2026_12_07)
    #expect(r.mismatches.isEmpty, "\(r.mismatches.prefix(5))")
    #expect(r.read == r.promised)
    #expect(r.promised > 90_000 && r.promised < 120_000)  // about half of them
  }

  /// `FITLOGIT_FUZZ_COUNT=5000000 swift test -c release --filter
  /// NumberScanTests` (scripts/fuzz_float.sh) runs that many more fields.
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func manyMoreOnDemand() {
    let environment = ProcessInfo.processInfo.environment
    guard let env = environment["FITLOGIT_FUZZ_COUNT"], let count = Int(env)
    else { return }
    let seed = environment["FITLOGIT_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1
    let r = Self.randomRows(max(count / 20, 1), seed: seed)
    #expect(r.mismatches.isEmpty, "\(r.mismatches.prefix(5))")
    #expect(r.read == r.promised)
  }

  /// `rows` rows of 20 random literals read by the vector scanner: the
  /// fields it read, those its contract promises, and every field it read
  /// to another double than strtod's (or, prefixed "declined", one it
  /// promised and left).
  static func randomRows(_ rows: Int, seed: UInt64) -> (
    read: Int, promised: Int, mismatches: [String]
  ) {
    var rng = SplitMix64(seed: seed)
    var read = 0
    var promised = 0
    var mismatches: [String] = []
    for _ in 0..<rows {
      var fields: [String] = []
      for _ in 0..<20 {
        var s = ""
        switch rng.next() % 6 {
        case 0: s = "-"
        case 1: s = "+"
        default: break
        }
        let integer = Int(rng.next() % 21)
        let fraction = Int(rng.next() % 22)
        let point = rng.next() % 4 != 0
        func digit() -> Character {
          let r = rng.next() % 10
          return Character(String(r < 2 ? 0 : r < 4 ? 9 : rng.next() % 10))
        }
        for _ in 0..<integer { s.append(digit()) }
        if point { s += "." }
        for _ in 0..<(point ? fraction : 0) { s.append(digit()) }
        fields.append(s)
      }
      // Read the row from its start, and again after each field it
      // stops at, so that every field is tried once.
      var start = 0
      while start < fields.count {
        let rest = Array(fields[start...])
        let r = scan(rest)
        for (k, v) in r.values.enumerated() where v.bitPattern != strtod(rest[k]).bitPattern {
          mismatches.append(rest[k])
        }
        read += r.values.count
        if start + r.values.count < fields.count, Self.promised(fields[start + r.values.count]) {
          mismatches.append("declined " + fields[start + r.values.count])
        }
        start += r.values.count + 1
      }
      promised += fields.filter(Self.promised).count
    }
    return (read, promised, mismatches)
  }

  /// The fields the scanner promises to read: `[+-]digits[.digits]`, at
  /// least one digit, at most 15 before the point and 19 in all, decided
  /// by Eisel–Lemire (where the Swift prefix reader gives a value).
  static func promised(_ field: String) -> Bool {
    let body = field.drop(while: { $0 == "-" || $0 == "+" })
    guard field.count - body.count <= 1 else { return false }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    let digits = body.filter { ("0"..."9").contains($0) }.count
    guard parts.count <= 2, digits == body.count - (parts.count - 1),
      digits > 0, digits <= 19, parts[0].count <= 15
    else { return false }
    let b = Array(field.utf8)
    return b.withUnsafeBufferPointer {
      parseDoublePrefix($0.baseAddress!, from: 0, end: $0.count)?.end == b.count
    }
  }

  /// The real files in `data/` (penguins, spam, titanic, mtcars, ...),
  /// every column read as a feature: the vector and Swift scanners give the
  /// same matrix bit for bit, text cells included (as level codes).
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func realFilesReadTheSameWithBothScanners() throws {
    var files = 0
    for name in [
      "anes96", "infert", "iris", "mtcars", "penguins", "points", "separated", "spam",
      "spector", "synthetic", "titanic", "weighted",
    ] {
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dataPath(name + ".csv"))))
      let header = bytes.firstIndex(of: 0x0A)! + 1
      let columns = bytes[..<header].filter { $0 == 0x2C }.count + 1
      let roles = CSVColumnRoles(
        columnCount: columns, featureIndices: Array(0..<columns), weightIndex: nil,
        targetIndex: nil)
      func body(_ kernel: KernelPath) throws -> CSVBody? {
        try bytes.withUnsafeBufferPointer { (b) throws(CSVError) in
          try CSVChunkedBody.read(
            b, from: header, line: 2, file: name, roles: roles, chunkCount: 2, kernel: kernel)
        }
      }
      // A file with a quoted field is the record reader's (nil either way).
      guard let swift = try body(.baseline) else {
        #expect(try body(.avx2FMA) == nil, "\(name)")
        continue
      }
      let vector = try #require(try body(.avx2FMA))
      #expect(vector.values.map(\.bitPattern) == swift.values.map(\.bitPattern), "\(name)")
      #expect(vector.levels == swift.levels, "\(name)")
      files += 1
    }
    #expect(files >= 10)
  }

  /// Whole files read with the vector scanner equal the Swift scanner's,
  /// bit for bit, rows of plain numbers mixed with cells it leaves to the
  /// Swift parser (exponents, blanks, long numbers, text) at every column.
  @Test(.enabled(if: KernelPath.avx2FMAAvailable, Comment(rawValue: avx2)))
  func vectorAndSwiftScannersReadTheSameFiles() throws {
    var rng = SplitMix64(seed: 31)
    let odd = ["1e-05", " 2.5", "123456789012345678901", "0.1000000000000000055511151231257827", "-7", "8."]
    for columns in [1, 2, 7, 20, 64] {
      var text = (0..<columns).map { "x\($0)" }.joined(separator: ",") + ",y\n"
      for i in 0..<300 {
        var row: [String] = []
        for _ in 0..<columns {
          if rng.next() % 9 == 0 {
            row.append(odd[Int(rng.next() % UInt64(odd.count))])
          } else {
            let v = Double(bitPattern: rng.next() >> 2).truncatingRemainder(dividingBy: 100)
            row.append(v.isFinite ? "\(v)" : "0")
          }
        }
        text += row.joined(separator: ",") + ",\(i % 2)" + (i % 7 == 0 ? "\r\n" : "\n")
      }
      let bytes = Array(text.utf8)
      let header = bytes.firstIndex(of: 0x0A)! + 1
      let roles = CSVColumnRoles(
        columnCount: columns + 1, featureIndices: Array(0..<columns), weightIndex: nil,
        targetIndex: columns)
      func body(_ kernel: KernelPath, chunks: Int) throws -> CSVBody? {
        try bytes.withUnsafeBufferPointer { (b) throws(CSVError) in
          try CSVChunkedBody.read(
            b, from: header, line: 2, file: "f.csv", roles: roles, chunkCount: chunks,
            kernel: kernel)
        }
      }
      for chunks in [1, 3] {
        let swift = try #require(try body(.baseline, chunks: chunks))
        let vector = try #require(try body(.avx2FMA, chunks: chunks))
        #expect(swift.values.count == 300 * columns)
        #expect(vector.values.count == swift.values.count)
        let differ = swift.values.indices.first {
          vector.values[$0].bitPattern != swift.values[$0].bitPattern
        }
        #expect(differ == nil, "\(columns) columns: first difference at \(differ ?? -1)")
        #expect(vector.rowLabels == swift.rowLabels)
      }
    }
  }
}
