import FitlogitTestSupport
import Testing

@testable import FitlogitData

/// The one-hot matrix written in the chunked parse itself: taken for clean
/// files with text columns, declined for anything else, and always the same
/// dataset (or error) as the record reader.
@Suite struct CSVEncodedBodyTests {
  /// The file `w,x,c,k,t,y`: numbers, two text columns (levels in an order
  /// that sorting must fix), a weight and a label, `extra` spliced in at
  /// row `at`.
  func file(rows: Int = 300, extra: String? = nil, at: Int = 250) -> String {
    var rng = SplitMix64(seed: 7)
    var text = "w,x,c,k,t,y\r\n"
    let colours = ["red", "Green", "blue", "teal", "10", "9"]
    for i in 0..<rows {
      if let extra, i == at {
        text += extra + "\r\n"
        continue
      }
      if i % 50 == 0 { text += "\r\n" }  // blank lines are skipped
      let c = colours[Int(rng.next() % 6)]
      let t = i % 3 == 0 ? "é" : "ü"
      text += "\(rng.next() % 4),\(Double(rng.next() % 1000) / 8),\(c),\(rng.next() % 9),"
        + "\(t),\(rng.next() % 2 == 0 ? "p" : "q")\r\n"
    }
    return text
  }

  func read(
    _ text: String, _ options: CSVReadOptions, mode: Dataset.CSVParseMode
  ) -> Result<Dataset, CSVError> {
    Result { () throws(CSVError) in
      try Dataset(csv: Array(text.utf8), file: "d.csv", options: options, mode: mode)
    }
  }

  /// Whether the encoding pass takes the file (columns w…t, weight w).
  func encodes(_ text: String, options: CSVReadOptions = CSVReadOptions()) -> Bool {
    let bytes = Array(text.utf8)
    let start = bytes.firstIndex(of: 0x0A)! + 1
    let roles = CSVColumnRoles(
      columnCount: 6, featureIndices: [1, 2, 3, 4], weightIndex: 0, targetIndex: 5)
    let forced = Set(options.categorical.map { ["x": 0, "c": 1, "k": 2, "t": 3][$0]! })
    return bytes.withUnsafeBufferPointer {
      CSVEncodedBody.read(
        $0, from: start, roles: roles, forced: forced, dropFirst: options.dropFirst,
        chunkCount: 3, releaser: .none)
    } != nil
  }

  func expectSame(
    _ text: String, _ options: CSVReadOptions, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let record = read(text, options, mode: .recordReader)
    for chunks in [1, 2, 3, 7] {
      let chunked = read(text, options, mode: .chunks(chunks))
      switch (chunked, record) {
      case (.success(let a), .success(let b)):
        #expect(a.features == b.features, sourceLocation: sourceLocation)
        #expect(a.featureNames == b.featureNames, sourceLocation: sourceLocation)
        #expect(a.labels == b.labels && a.classes == b.classes, sourceLocation: sourceLocation)
        #expect(a.sampleWeights == b.sampleWeights, sourceLocation: sourceLocation)
        #expect(a.encoding == b.encoding, sourceLocation: sourceLocation)
        #expect(a.droppedRows == b.droppedRows, sourceLocation: sourceLocation)
      case (.failure(let a), .failure(let b)):
        #expect(a == b, sourceLocation: sourceLocation)
      default:
        Issue.record("chunked \(chunked) but record reader \(record)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func cleanFileIsEncodedInTheParse() throws {
    let weighted = CSVReadOptions(sampleWeight: "w")
    #expect(encodes(file()))
    try expectSame(file(), weighted)
    try expectSame(file(), CSVReadOptions(sampleWeight: "w", dropFirst: true))
    try expectSame(file(), CSVReadOptions(sampleWeight: "w", features: ["t", "x", "c"]))
    let d = try read(file(), weighted, mode: .chunks(3)).get()
    #expect(d.featureNames == [
      "x", "k", "c_10", "c_9", "c_Green", "c_blue", "c_red", "c_teal", "t_é", "t_ü",
    ])
    #expect(d.sampleCount == 300)
    // A --categorical column that is text anyway stays on this path.
    #expect(encodes(file(), options: CSVReadOptions(categorical: ["c"])))
  }

  /// Runs of full-precision numbers on both sides of a text column (the
  /// vector number scanner reads each run in one call where the CPU has
  /// AVX2), with an exponent and a 20-digit number in some rows that it
  /// leaves to the Swift parser: the same dataset as the record reader.
  @Test func numberRunsAroundTextColumns() throws {
    var rng = SplitMix64(seed: 12)
    var text = "a,b,c,colour,d,e,y\n"
    for i in 0..<400 {
      var cells = (0..<5).map { _ in
        "\(Double(Int64(bitPattern: rng.next()) >> 11) * 0x1p-50)"
      }
      if i % 37 == 0 { cells[Int(rng.next() % 5)] = "1.5e-07" }
      if i % 41 == 0 { cells[Int(rng.next() % 5)] = "12345678901234567890" }
      text += cells[0..<3].joined(separator: ",") + ",\(["red", "blue"][i % 2]),"
        + cells[3...].joined(separator: ",") + ",\(i % 3)\n"
    }
    let bytes = Array(text.utf8)
    let roles = CSVColumnRoles(
      columnCount: 7, featureIndices: [0, 1, 2, 3, 4, 5], weightIndex: nil, targetIndex: 6)
    let encoded = bytes.withUnsafeBufferPointer {
      CSVEncodedBody.read(
        $0, from: bytes.firstIndex(of: 0x0A)! + 1, roles: roles, forced: [], dropFirst: false,
        chunkCount: 3, releaser: .none)
    }
    #expect(encoded != nil)
    try expectSame(text, CSVReadOptions())
    let d = try read(text, CSVReadOptions(), mode: .chunks(2)).get()
    #expect(d.featureNames == ["a", "b", "c", "d", "e", "colour_blue", "colour_red"])
    #expect(d.sampleCount == 400)
  }

  /// Each of these leaves the file to the general reader, which gives the
  /// same dataset or error as the record reader.
  @Test func declinedCasesMatchTheRecordReader() throws {
    let extras = [
      "1,2.5,NA,3,é,p",  // a missing text cell
      "1,,red,3,é,p",  // a missing number
      "1,2.5,red,3,é,NA",  // a missing label
      "1,2.5,red,three,é,p",  // text in a numeric column: categorical
      "1,2.5,inf,3,é,p",  // not finite, in a column read as numbers at first
      "1,2.5,\"red\",3,é,p",  // a quote
      "1,2.5,red,3,é",  // too few fields
      "1,1e999,red,3,é,p",  // a number out of range
      "-1,2.5,red,3,é,p",  // a negative weight
    ]
    for extra in extras {
      #expect(!encodes(file(extra: extra)), "\(extra)")
      try expectSame(file(extra: extra), CSVReadOptions(sampleWeight: "w"))
      try expectSame(file(extra: extra), CSVReadOptions(sampleWeight: "w", dropMissing: true))
    }
    // A first row that cannot say which columns are text.
    #expect(!encodes(file(extra: "1,2.5,NA,3,é,p", at: 0)))
    // A numeric-coded --categorical column.
    #expect(!encodes(file(), options: CSVReadOptions(categorical: ["k"])))
    try expectSame(file(), CSVReadOptions(sampleWeight: "w", categorical: ["k"]))
  }

  /// A text column with an identifier's many levels is refused by the
  /// general reader, with its message.
  @Test func identifierColumnIsTheGeneralReadersCase() throws {
    var text = "w,x,c,k,t,y\n"
    for i in 0..<60 { text += "1,\(i),id\(i),\(i % 3),a,\(i % 2)\n" }
    #expect(!encodes(text))
    try expectSame(text, CSVReadOptions(sampleWeight: "w"))
    guard case .failure(let error) = read(text, CSVReadOptions(), mode: .chunks(2)) else {
      Issue.record("an identifier column was encoded")
      return
    }
    #expect(error.message.hasPrefix("column \"c\" holds 60 different texts in 60 rows"))
  }
}
