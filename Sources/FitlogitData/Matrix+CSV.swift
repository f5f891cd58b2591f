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
    self = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
      try Matrix.parse(buffer, file: file, columns: columns)
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
    try Dataset.checkText(buffer, file: file)
    var reader = CSVRecordReader(bytes: buffer, file: file)
    var fields: [CSVField] = []
    guard try reader.next(into: &fields) else {
      throw CSVError(
        file: file, line: 1, column: 1, message: "the file is empty")
    }
    let header = fields.map(reader.string)
    let headerLine = reader.recordLine
    var indices: [Int] = []
    for name in columns {
      guard let j = header.firstIndex(of: name) else {
        throw CSVError(
          file: file, line: headerLine, column: 1,
          message:
            "no column named \(quoted(name)), which the model needs; the "
            + "columns are " + header.map(quoted).joined(separator: ", "))
      }
      indices.append(j)
    }
    var chunkCount: Int?
    switch mode {
    case .automatic: chunkCount = nil
    case .chunks(let c): chunkCount = c
    case .recordReader: chunkCount = -1
    }
    if chunkCount != -1, Set(indices).count == indices.count,
      let body = try CSVChunkedBody.read(
        buffer, from: reader.position, line: reader.line, file: file,
        roles: CSVColumnRoles(
          columnCount: header.count, featureIndices: indices,
          weightIndex: nil, targetIndex: nil),
        chunkCount: chunkCount)
    {
      if body.rowCount == 0 {
        throw CSVError(
          file: file, line: headerLine + 1, column: 1,
          message: "no data rows after the header")
      }
      return Matrix(
        rows: body.rowCount, columns: columns.count, values: body.values)
    }
    var matrix = Matrix(columns: columns.count)
    var row = [Double](repeating: 0, count: columns.count)
    while try reader.next(into: &fields) {
      let line = reader.recordLine
      guard fields.count == header.count else {
        throw CSVError(
          file: file, line: line, column: min(fields.count, header.count) + 1,
          message:
            "expected \(header.count) fields as in the header, found \(fields.count)"
        )
      }
      for (k, j) in indices.enumerated() {
        row[k] = try Dataset.number(
          fields[j], reader, line: line, column: j + 1)
      }
      matrix.appendRow(row)
    }
    if matrix.rows == 0 {
      throw CSVError(
        file: file, line: headerLine + 1, column: 1,
        message: "no data rows after the header")
    }
    return matrix
  }
}
