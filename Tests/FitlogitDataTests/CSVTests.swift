import FitlogitTestSupport
import Testing

@testable import FitlogitData

private func load(_ text: String, target: String? = nil) throws(CSVError) -> Dataset {
  try Dataset(csv: Array(text.utf8), file: "data.csv", target: target)
}

private func error(_ text: String, target: String? = nil) -> String? {
  do {
    _ = try load(text, target: target)
    return nil
  } catch {
    return error.description
  }
}

@Suite struct CSVTests {
  @Test func articleFile() throws {
    let d = try load(articleCSV)
    #expect(d.features.values == articleX)
    #expect(d.featureNames == ["x"])
    #expect(d.targetName == "y")
    #expect(d.classes == ["0", "1"])
    #expect(d.labels == articleY)
    #expect(d.sampleWeights == nil)
  }

  /// BOM, CRLF, quoted fields, blank tail lines and no final newline all
  /// read as the plain file.
  @Test(arguments: [
    "\u{FEFF}" + articleCSV.replacingOccurrences(of: "\n", with: "\r\n"),
    articleCSV.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n",
    "\"x\",\"y\"\n" + articleCSV.split(separator: "\n").dropFirst()
      .map { "\"" + $0.replacingOccurrences(of: ",", with: "\",\"") + "\"" }
      .joined(separator: "\n"),
    articleCSV + "\n\n\n",
    String(articleCSV.dropLast()),
  ])
  func variantsReadIdentically(text: String) throws {
    let d = try load(text)
    #expect(d.features.values == articleX)
    #expect(d.labels == articleY)
    #expect(d.featureNames == ["x"])
  }

  @Test func numberSpellings() throws {
    let d = try load("a,b,y\n-0.8,.2,0\n1e-3,+4,1\n5.,  7 ,1\n")
    #expect(d.features.values == [-0.8, 0.2, 0.001, 4, 5, 7])
  }

  @Test func targetByName() throws {
    let d = try load("y,x,z\n0,1,2\n1,3,4\n", target: "y")
    #expect(d.featureNames == ["x", "z"])
    #expect(d.features.values == [1, 2, 3, 4])
    #expect(d.labels == [0, 1])
  }

  @Test func quotedLabelWithCommaAndQuote() throws {
    let d = try load("x,y\n1,\"a, \"\"b\"\"\"\n2,c\n")
    #expect(d.classes == ["a, \"b\"", "c"])
  }

  @Test func sampleWeightColumn() throws {
    let d = try Dataset(
      csv: Array("x,w,y\n1,2,0\n3,0.5,1\n".utf8), file: "d.csv", sampleWeight: "w")
    #expect(d.featureNames == ["x"])
    #expect(d.sampleWeights == [2, 0.5])
  }

  /// Every rejection of docs/DESIGN.md "CSV input", with its exact message.
  @Test(arguments: [
    ("x,y\n1,0\n-inf,1\n", "data.csv:3:1: expected a finite number, found \"-inf\""),
    ("x,y\n1,0\n2,1,3\n", "data.csv:3:3: expected 2 fields as in the header, found 3"),
    ("x,y\n1,0\n2\n", "data.csv:3:2: expected 2 fields as in the header, found 1"),
    ("x,y\nnan,0\n2,1\n", "data.csv: 1 row has missing values (x: 1); drop them with --dropna"),
    ("x,y\ninf,0\n2,1\n", "data.csv:2:1: expected a finite number, found \"inf\""),
    ("x,y\n1e999,0\n2,1\n", "data.csv:2:1: expected a finite number, found \"1e999\""),
    ("x,y\n,0\nNA,1\n3,1\n", "data.csv: 2 rows have missing values (x: 2); drop them with --dropna"),
    ("x,y\n1,0\n2,\n", "data.csv: 1 row has missing values (y: 1); drop them with --dropna"),
    ("", "data.csv:1:1: the file is empty"),
    ("\n\n", "data.csv:1:1: the file is empty"),
    ("x,y\n", "data.csv:2:1: no data rows after the header"),
    ("x,y\n1,a\n2,a\n", "data.csv:1:2: the target \"y\" has only one class (\"a\"); "
      + "a classifier needs at least two"),
    ("x,y\n1,0\n2,\"1\n", "data.csv:3:2: unterminated quoted field"),
    ("x,y\n1,0\n2,a\"b\n", "data.csv:3:2: a quote inside an unquoted field "
      + "(quote the whole field and double the inner quote)"),
    ("x,y\n1,0\n2,\"a\"b\n", "data.csv:3:2: expected ',' or a line end after a closing quote"),
    ("x,x\n1,0\n2,1\n", "data.csv:1:2: duplicate column name \"x\" (also column 1)"),
    ("y\n0\n1\n", "data.csv:1:1: no feature column: the file needs at least one "
      + "column besides the target \"y\""),
    ("x,y\n1,0\n\u{0}2,1\n", "data.csv:3:1: a NUL byte at character 1: not a text file"),
  ])
  func rejections(text: String, message: String) {
    #expect(error(text) == message)
  }

  @Test func invalidUTF8() {
    var bytes = Array("x,y\n1,0\n2,".utf8)
    bytes += [0xFF, 0x0A]
    #expect(throws: CSVError(
      file: "f.csv", line: 3, column: 1,
      message: "invalid UTF-8 byte 0xFF at byte 3 of the line: the file must be UTF-8 text")
    ) {
      try Dataset(csv: bytes, file: "f.csv")
    }
  }

  /// Files of 4 MiB and more are first checked in parallel chunks; a NUL
  /// or a non-ASCII byte anywhere sends them to the exact serial check,
  /// which places the first bad byte and lets valid UTF-8 through.
  @Test func largeFilesCheckedInChunks() throws {
    var bytes = Array("x,y\n".utf8)
    let row = Array("0.25,0\n1.5,1\n".utf8)
    while bytes.count < CSVChunkedBody.parallelThreshold + 1000 {
      bytes += row
    }
    let rows = (bytes.count - 4) / row.count * 2
    #expect(try Dataset(csv: bytes, file: "big.csv").sampleCount == rows)

    var withNUL = bytes
    withNUL[withNUL.count - 2] = 0  // the last row's label
    #expect(throws: CSVError(
      file: "big.csv", line: rows + 1, column: 1,
      message: "a NUL byte at character 5: not a text file")
    ) {
      try Dataset(csv: withNUL, file: "big.csv")
    }

    var accented = bytes
    accented.replaceSubrange(0..<1, with: Array("é".utf8))
    #expect(try Dataset(csv: accented, file: "big.csv").featureNames == ["é"])

    // The header of a large file is checked on its own (the body by the
    // chunked reader's line-counting sweep), and a quoted file, which the
    // record reader reads, is checked whole before it.
    var badHeader = bytes
    badHeader[1] = 0xFF
    #expect(throws: CSVError(
      file: "big.csv", line: 1, column: 1,
      message: "invalid UTF-8 byte 0xFF at byte 2 of the line: the file must be UTF-8 text")
    ) {
      try Dataset(csv: badHeader, file: "big.csv")
    }
    var quoted = bytes
    quoted.replaceSubrange(4..<5, with: Array("\"0\"".utf8))
    quoted[quoted.count - 2] = 0xC3
    #expect(throws: CSVError(
      file: "big.csv", line: rows + 1, column: 1,
      message: "invalid UTF-8 byte 0xC3 at byte 5 of the line: the file must be UTF-8 text")
    ) {
      try Dataset(csv: quoted, file: "big.csv")
    }
    #expect(throws: CSVError(
      file: "big.csv", line: rows + 1, column: 1,
      message: "a NUL byte at character 5: not a text file")
    ) {
      try Matrix(csv: withNUL, file: "big.csv", columns: ["x"])
    }
    // A text column (the one-hot encoding path) with a bad byte in its
    // last cell.
    var text = Array("x,c,y\n".utf8)
    let textRows = Array("0.25,a,0\n1.5,b,1\n".utf8)
    while text.count < CSVChunkedBody.parallelThreshold + 1000 { text += textRows }
    let lines = (text.count - 6) / textRows.count * 2 + 1
    #expect(try Dataset(csv: text, file: "big.csv").featureNames == ["x", "c_a", "c_b"])
    text[text.count - 4] = 0xFF
    #expect(throws: CSVError(
      file: "big.csv", line: lines, column: 1,
      message: "invalid UTF-8 byte 0xFF at byte 5 of the line: the file must be UTF-8 text")
    ) {
      try Dataset(csv: text, file: "big.csv")
    }
    // That path checks each row's bytes as it splits them: a NUL in the
    // label after the last text column, which it would read as a label.
    text[text.count - 4] = 0x62
    text[text.count - 2] = 0
    #expect(throws: CSVError(
      file: "big.csv", line: lines, column: 1,
      message: "a NUL byte at character 7: not a text file")
    ) {
      try Dataset(csv: text, file: "big.csv")
    }
  }

  @Test func unknownTarget() {
    #expect(error("x,y\n1,0\n2,1\n", target: "z")
      == "data.csv:1:1: no column named \"z\" for the target; the columns are \"x\", \"y\"")
  }

  @Test func quoteInMessageStaysOnOneLine() {
    #expect(
      error("x,y\n1,\"a\nb\"\n2,\"a\nb\"\n")
        == "data.csv:1:2: the target \"y\" has only one class (\"a\\nb\"); a classifier "
        + "needs at least two")
  }
}

@Suite struct ClassOrderTests {
  /// pandas + np.unique: a column of numbers sorts numerically, and equal
  /// values with different spellings are one class (golden from pandas).
  @Test func matchesPandas() {
    let orders = golden("objective.json", of: "FitlogitCoreTests")["class_orders"] as! [[String: Any]]
    for order in orders {
      let labels = order["labels"] as! [String]
      let expected = order["classes"] as! [String]
      let (classes, indices) = ClassOrder.encode(labels)
      #expect(classes.count == expected.count)
      if let numbers = Optional(expected.compactMap(Double.init)), numbers.count == expected.count {
        #expect(classes.map { Double($0)! } == numbers)
      } else {
        #expect(classes == expected)
      }
      for (i, label) in labels.enumerated() {
        #expect(classes[indices[i]] == label || Double(classes[indices[i]]) == Double(label))
      }
    }
  }

  @Test func namesOfNumbers() {
    #expect(ClassOrder.encode(["1.0", "01", "0"]).classes == ["0", "1"])
    #expect(ClassOrder.encode(["2.5", "-1"]).classes == ["-1", "2.5"])
  }

  /// pandas reads a column of integers as int64 and compares them exactly:
  /// pd.read_csv gives int64 classes [1, 9007199254740992,
  /// 9007199254740993] for these labels, where float64 would merge the
  /// last two (2^53 and 2^53 + 1).
  @Test func integersBeyondTwoToThe53StayDistinct() {
    let (classes, indices) = ClassOrder.encode(
      ["9007199254740993", "9007199254740992", "01", "9007199254740993", "-9007199254740993"])
    #expect(classes == ["-9007199254740993", "1", "9007199254740992", "9007199254740993"])
    #expect(indices == [3, 2, 1, 3, 0])
    #expect(
      ClassOrder.lookup(["9007199254740992", "+9007199254740993", "1"], in: classes)
        == [2, 3, 1])
    // A decimal point makes the column float64 in pandas too: one class.
    #expect(ClassOrder.encode(["9007199254740993", "9007199254740992.0"]).classes.count == 1)
  }
}
