import FitlogitSystem

extension Matrix {
  /// Reads the named columns of a CSV file as features, in the given order,
  /// for predicting with a saved model: other columns (the label, ids) are
  /// ignored, so the training file itself can be passed.
  ///
  /// - Throws: ``CSVError``; a missing column names the columns there are.
  public init(csv bytes: [UInt8], file: String, columns: [String])
    throws(CSVError)
  {
    try self.init(
      csv: bytes, file: file, encoding: FeatureEncoding(numeric: columns))
  }

  /// Reads a CSV file into the feature matrix that `encoding` describes
  /// (a saved model's): its numeric columns as numbers, its categorical
  /// columns as indicators of the training levels. A level the model never
  /// saw is an error naming row, column and level (scikit-learn's
  /// `handle_unknown="error"`).
  public init(csv bytes: [UInt8], file: String, encoding: FeatureEncoding)
    throws(CSVError)
  {
    self = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
      try Matrix.parse(buffer, file: file, encoding: encoding)
    }
  }

  /// - Parameters:
  ///   - mode: As for ``Dataset/CSVParseMode``: the chunked byte-level
  ///     reader (parallel when large) unless a quote, or a column named
  ///     twice, needs the record reader.
  static func parse(
    _ buffer: UnsafeBufferPointer<UInt8>, file: String, columns: [String],
    mode: Dataset.CSVParseMode = .automatic
  ) throws(CSVError) -> Matrix {
    try parse(
      buffer, file: file, encoding: FeatureEncoding(numeric: columns),
      mode: mode)
  }

  static func parse(
    _ buffer: UnsafeBufferPointer<UInt8>, file: String,
    encoding: FeatureEncoding, mode: Dataset.CSVParseMode = .automatic
  ) throws(CSVError) -> Matrix {
    if Gzip.isGzip(buffer) {
      let text = try Gzip.decompress(buffer, file: file)
      defer { withExtendedLifetime(text) {} }
      return try parse(text.buffer, file: file, encoding: encoding, mode: mode)
    }
    var reader = CSVRecordReader(bytes: buffer, file: file)
    let header = try Dataset.header(
      buffer, file: file, releaser: .none, reader: &reader)
    var indices: [Int] = []
    for name in encoding.sourceColumns {
      guard let j = header.index[name] else {
        throw CSVError(
          file: file, line: header.line, column: 1,
          message:
            "no column named \(quoted(name)), which the model needs; the "
            + "columns are " + header.names.map { quoted($0) }.joined(separator: ", "))
      }
      indices.append(j)
    }
    let numeric = encoding.numeric.count
    var roles = CSVColumnRoles(
      columnCount: header.names.count, featureIndices: indices,
      weightIndex: nil, targetIndex: nil,
      textColumns: indices.indices.map {
        $0 >= numeric && !encoding.categorical[$0 - numeric].numeric
      })
    roles.delimiter = header.delimiter
    let cells = try CSVCells.read(
      buffer, after: reader, headerLine: header.line, roles: roles, file: file,
      chunkCount: mode.chunkCount, releaser: .none)
    let n = cells.rows
    let d = indices.count
    func position(_ i: Int) -> Int { Dataset.line(ofRow: i, in: buffer, file: file, delimiter: header.delimiter) }

    // Missing values: refused with a count, as scikit-learn refuses NaN.
    var missingRows = 0
    var missingIn = [Int](repeating: 0, count: d)
    for i in 0..<n {
      var missing = false
      for k in 0..<d where CellCode.isMissing(cells.values[i * d + k]) {
        missingIn[k] += 1
        missing = true
      }
      if missing { missingRows += 1 }
    }
    if missingRows > 0 {
      let counts = (0..<d).filter { missingIn[$0] > 0 }.map {
        "\(listed(header.names[indices[$0]])): \(missingIn[$0])"
      }
      throw CSVError(
        file: file, line: 0, column: 0,
        message: "\(missingRows == 1 ? "1 row has" : "\(missingRows) rows have") "
          + "missing values (\(counts.joined(separator: ", "))); the model needs "
          + "every value")
    }
    // A numeric column must hold numbers only.
    for i in 0..<n {
      for k in 0..<numeric {
        if let id = CellCode.textID(cells.values[i * d + k]) {
          throw CSVError(
            file: file, line: position(i), column: indices[k] + 1,
            message: "expected a number, found \(quoted(cells.levels[k][id]))")
        }
      }
    }
    let shift = encoding.dropFirst ? 1 : 0
    let width = encoding.featureNames.count
    var offsets: [Int] = []
    var next = numeric
    var textSlots: [[Int]] = []
    var numberSlots: [[Double: Int]] = []
    for (c, category) in encoding.categorical.enumerated() {
      offsets.append(next - shift)
      next += category.levels.count - shift
      var slots: [Double: Int] = [:]
      var texts: [Int] = []
      if category.numeric {
        for (rank, level) in category.levels.enumerated() {
          if let v = level.csvNumber { slots[v] = rank }
        }
      } else {
        var rankOf: [String: Int] = [:]
        for (rank, level) in category.levels.enumerated() { rankOf[level] = rank }
        texts = cells.levels[numeric + c].map { rankOf[$0] ?? -1 }
      }
      numberSlots.append(slots)
      textSlots.append(texts)
    }
    var values = [Double](repeating: 0, count: n * width)
    for i in 0..<n {
      let cell = i * d
      for k in 0..<numeric { values[i * width + k] = cells.values[cell + k] }
      for (c, category) in encoding.categorical.enumerated() {
        let v = cells.values[cell + numeric + c]
        let id = CellCode.textID(v)
        let rank = category.numeric ? (id == nil ? numberSlots[c][v] : nil) : textSlots[c][id!]
        guard let rank, rank >= 0 else {
          let level = id.map { cells.levels[numeric + c][$0] } ?? ClassOrder.name(ofNumber: v)
          throw CSVError(
            file: file, line: position(i), column: indices[numeric + c] + 1,
            message: "column \(quoted(category.column)) has the level \(quoted(level)), "
              + "which the model never saw in training (its levels are "
              + category.levels.map { quoted($0) }.joined(separator: ", ") + ")")
        }
        if rank >= shift { values[i * width + offsets[c] + rank] = 1 }
      }
    }
    var matrix = Matrix(rows: n, columns: width, uncheckedValues: values)
    encoding.scaler?.transform(&matrix)
    return matrix
  }
}
