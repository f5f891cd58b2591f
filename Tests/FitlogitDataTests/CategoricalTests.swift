import FitlogitTestSupport
import Testing

@testable import FitlogitData

/// Text columns, missing values and column choice, as pandas reads them.
@Suite struct CategoricalTests {
  func read(
    _ text: String, _ options: CSVReadOptions = CSVReadOptions(),
    mode: Dataset.CSVParseMode = .automatic
  ) throws(CSVError) -> Dataset {
    try Dataset(csv: Array(text.utf8), file: "d.csv", options: options, mode: mode)
  }

  /// `get_dummies` order: numbers first, then each text column's levels,
  /// sorted by code point ("B" < "a"), whatever order the rows give.
  @Test func oneHotInGetDummiesOrder() throws {
    let d = try read("c,x,y\na,1,0\nB,2,1\na,3,1\nb,4,0\n")
    #expect(d.featureNames == ["x", "c_B", "c_a", "c_b"])
    #expect(d.features.values == [1, 0, 1, 0, 2, 1, 0, 0, 3, 0, 1, 0, 4, 0, 0, 1])
    let first = try read("c,x,y\na,1,0\nB,2,1\na,3,1\nb,4,0\n", CSVReadOptions(dropFirst: true))
    #expect(first.featureNames == ["x", "c_a", "c_b"])
  }

  /// A numeric-coded column made categorical sorts numerically, `1.0` and
  /// `1` being one level (np.unique on the float column); the `1.0` makes
  /// pandas read the column as float64, so get_dummies names `k_1.0`.
  @Test func numericCodesSortNumerically() throws {
    let d = try read("k,y\n10,0\n9,1\n2,1\n1.0,0\n1,1\n", CSVReadOptions(categorical: ["k"]))
    #expect(d.featureNames == ["k_1.0", "k_2.0", "k_9.0", "k_10.0"])
    #expect(d.features.row(0) == [0, 0, 0, 1])
    #expect(d.features.row(3) == [1, 0, 0, 0])
  }

  /// Level names follow the dtype pandas' read_csv gives the column, as
  /// pandas 2 + get_dummies name them: int64 (`k_1`) when every cell is an
  /// integer literal, float64 (`k_1.0`) after one missing cell, even once
  /// dropna() has removed its row, or one non-integer literal.
  @Test func numericCodeNamesFollowPandasDtype() throws {
    let options = CSVReadOptions(categorical: ["k"], dropMissing: true)
    let cases: [(String, [String])] = [
      ("k,y\n1,0\n2,1\n3,1\n1,0\n", ["k_1", "k_2", "k_3"]),
      ("k,y\n1,0\n2,1\nNA,1\n1,0\n", ["k_1.0", "k_2.0"]),
      ("k,y\n1,0\n2.5,1\n1e16,1\n1,0\n", ["k_1.0", "k_2.5", "k_1e+16"]),
      ("k,y\n-3,0\n+2,1\n\"1\",1\n1,0\n", ["k_-3", "k_1", "k_2"]),
    ]
    for (text, names) in cases {
      for mode in [Dataset.CSVParseMode.recordReader, .chunks(2)] {
        #expect(try read(text, options, mode: mode).featureNames == names, "\(text)")
      }
    }
  }

  /// A column mixing numbers and text is text throughout: "10" < "9" < "a".
  @Test func mixedColumnIsText() throws {
    let d = try read("m,y\n9,0\n10,1\na,1\n9,0\n")
    #expect(d.featureNames == ["m_10", "m_9", "m_a"])
  }

  /// Every pandas missing token is missing, in features and target; with
  /// dropna they go, and NA is never a class.
  @Test func missingTokens() throws {
    for token in MissingToken.all {
      let text = "x,y\n1,a\n\(token),b\n3,b\n4,a\n"
      #expect(throws: CSVError.self) { try read(text) }
      let d = try read(text, CSVReadOptions(dropMissing: true))
      #expect(d.sampleCount == 3 && d.droppedRows == 1)
    }
    let d = try read("x,y\n1,a\n2,NA\n3,b\n4,\n", CSVReadOptions(dropMissing: true))
    #expect(d.classes == ["a", "b"])
    #expect(d.droppedRows == 2)
  }

  /// The refusal counts rows once and each column's cells.
  @Test func missingCount() {
    #expect(throws: CSVError(
      file: "d.csv", line: 0, column: 0,
      message: "2 rows have missing values (x: 2, c: 1, y: 1); drop them with --dropna")
    ) {
      try read("x,c,y\nNA,,1\n2,a,0\n,b,\n4,a,1\n")
    }
  }

  /// The chunked parser (any chunking) and the record reader agree on
  /// levels, missing cells and dropped rows, level ids merged across chunks.
  @Test func chunkedAndRecordReaderAgree() throws {
    var rng = SplitMix64(seed: 3)
    var text = "x,c,n,y\n"
    let levels = ["red", "green", "blue", "NA", "teal"]
    for i in 0..<400 {
      let level = levels[Int(rng.next() % 5)]
      let x = i % 37 == 0 ? "" : "\(Double(rng.next() % 1000) / 10)"
      text += "\(x),\(level),\(rng.next() % 3),\(rng.next() % 2 == 0 ? "p" : "q")\n"
    }
    let options = CSVReadOptions(categorical: ["n"], dropMissing: true)
    let record = try read(text, options, mode: .recordReader)
    #expect(record.featureNames == [
      "x", "c_blue", "c_green", "c_red", "c_teal", "n_0", "n_1", "n_2",
    ])
    for chunks in [1, 2, 3, 7] {
      let chunked = try read(text, options, mode: .chunks(chunks))
      #expect(chunked.features == record.features)
      #expect(chunked.labels == record.labels && chunked.classes == record.classes)
      #expect(chunked.featureNames == record.featureNames)
      #expect(chunked.droppedRows == record.droppedRows)
    }
  }

  /// --standardize: StandardScaler on the numeric columns only; a constant
  /// column is centred, not divided by zero.
  @Test func standardizeNumericColumnsOnly() throws {
    let d = try read(
      "x,k,c,y\n1,5,a,0\n2,5,b,1\n3,5,a,1\n4,5,b,0\n", CSVReadOptions(standardize: true))
    let s = try #require(d.encoding.scaler)
    #expect(s.mean == [2.5, 5])
    // Population sd of 1...4 is sqrt(1.25); the constant column keeps 1.
    #expect(s.scale == [(1.25).squareRoot(), 1])
    #expect(d.features.column(0) == [1, 2, 3, 4].map { ($0 - 2.5) / (1.25).squareRoot() })
    #expect(d.features.column(1) == [0, 0, 0, 0])
    #expect(d.features.column(2) == [1, 0, 1, 0])
  }

  /// Column choice: the index column pandas writes, --features, --exclude.
  @Test func columnChoice() throws {
    let d = try read(",a,b,y\n0,1,2,0\n1,3,4,1\n")
    #expect(d.featureNames == ["a", "b"])
    #expect(d.notes.count == 1)
    let f = try read("a,b,c,y\n1,2,3,0\n4,5,6,1\n", CSVReadOptions(features: ["c", "a"]))
    #expect(f.featureNames == ["c", "a"])
    #expect(f.features.values == [3, 1, 6, 4])
    let e = try read("a,b,c,y\n1,2,3,0\n4,5,6,1\n", CSVReadOptions(exclude: ["b"]))
    #expect(e.featureNames == ["a", "c"])
  }
}
