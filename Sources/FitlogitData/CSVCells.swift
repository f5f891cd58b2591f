import FitlogitSystem

/// The used cells of a CSV file's data rows, before any column is known to
/// be numeric or categorical: numbers, or ``CellCode``s for missing and
/// text cells. Both readers (chunked and record by record) produce it.
struct CSVCells {
  var rows: Int
  /// Row-major, one column per feature.
  var values: [Double]
  /// Per feature column, the texts of its text cells by level id.
  var levels: [[String]]
  /// Per row, the index of its label in ``distinctLabels``.
  var rowLabels: [Int]
  var distinctLabels: [String]
  /// Per row, its weight or ``CellCode/missing``.
  var weights: [Double]?
  /// Set when ``CSVEncodedBody`` read the file: `values` is then the
  /// one-hot encoded matrix itself, with no missing cell.
  var encoded: CSVEncodedBody.Layout? = nil
  /// How many of `values` are ``CellCode/missing``, when the reader counted
  /// them (the chunked one does, as it writes them); nil when unknown. A
  /// zero spares the encoding a single-threaded sweep of the whole matrix
  /// looking for them (about 4% of the parse's wall time on 1M×100, by
  /// `perf`: one core reading 800 MB while the other waits).
  var missingCells: Int? = nil

  /// Reads the rows after the header.
  ///
  /// - Parameters:
  ///   - reader: A reader positioned after the header.
  ///   - chunkCount: Chunks for the chunked reader; -1 forces the record
  ///     reader; nil picks by size.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, after reader: CSVRecordReader,
    headerLine: Int, roles: CSVColumnRoles, file: String, chunkCount: Int?,
    releaser: PageReleaser, encoding: (forced: Set<Int>, dropFirst: Bool)? = nil
  ) throws(CSVError) -> CSVCells {
    var cells: CSVCells
    let chunked =
      chunkCount != -1 && Set(roles.featureIndices).count == roles.featureIndices.count
    // The group labels are not one-hot encoded, so they take the cell path.
    if chunked, let encoding, !roles.textColumns.contains(true), roles.groupsColumn == nil,
      let encoded = CSVEncodedBody.read(
        bytes, from: reader.position, roles: roles, forced: encoding.forced,
        dropFirst: encoding.dropFirst, chunkCount: chunkCount, releaser: releaser)
    {
      // The text check that the header left to the chunked reader's sweep,
      // done in this path's first pass; only a file with a byte that is
      // not plain ASCII needs the exact walk (its own errors are none: it
      // declines instead).
      if bytes.count >= CSVChunkedBody.parallelThreshold, !encoded.plainASCII {
        try Dataset.checkText(bytes, file: file, releaser: releaser)
      }
      return encoded.cells
    }
    if chunked,
      let body = try CSVChunkedBody.read(
        bytes, from: reader.position, line: reader.line, file: file,
        roles: roles, chunkCount: chunkCount, releaser: releaser)
    {
      cells = CSVCells(
        rows: body.rowCount, values: body.values, levels: body.levels,
        rowLabels: body.rowLabels, distinctLabels: body.distinctLabels,
        weights: body.weights, missingCells: body.missingCells)
    } else {
      // The text check that the header left to the chunked reader's sweep.
      if bytes.count >= CSVChunkedBody.parallelThreshold {
        try Dataset.checkText(bytes, file: file, releaser: releaser)
      }
      cells = try readRecords(reader, roles: roles, file: file)
    }
    if cells.rows == 0 {
      // A file whose lines end in a carriage return alone (classic Mac OS)
      // is one long header line: say so rather than "no data rows".
      if bytes.contains(13) && !bytes.contains(10) {
        throw CSVError(
          file: file, line: 1, column: 1,
          message: "the lines end with a carriage return alone (classic Mac OS); "
            + "convert them to newlines, e.g. with tr '\\r' '\\n'")
      }
      throw CSVError(
        file: file, line: headerLine + 1, column: 1,
        message: "no data rows after the header")
    }
    return cells
  }

  /// The record reader's way: any quoting, one record at a time.
  private static func readRecords(
    _ start: CSVRecordReader, roles: CSVColumnRoles, file: String
  ) throws(CSVError) -> CSVCells {
    var reader = start
    let d = roles.featureIndices.count
    var fields: [CSVField] = []
    var values: [Double] = []
    var levels = [[String]](repeating: [], count: d)
    var levelIndex = [[String: Int]](repeating: [:], count: d)
    var labelIndex: [String: Int] = [:]
    var distinct: [String] = []
    var rowLabels: [Int] = []
    var weights: [Double] = []
    var rows = 0
    let base = reader.bytes.baseAddress!
    while try reader.next(into: &fields) {
      let line = reader.recordLine
      guard fields.count == roles.columnCount else {
        throw CSVError(
          file: file, line: line,
          column: min(fields.count, roles.columnCount) + 1,
          message:
            "expected \(roles.columnCount) fields as in the header, found \(fields.count)")
      }
      for (k, j) in roles.featureIndices.enumerated() {
        let f = fields[j]
        if !f.hasEscapedQuotes, MissingToken.matches(base, from: f.start, to: f.end) {
          values.append(CellCode.missing)
          continue
        }
        if !roles.textColumns[k] {
          switch parseDouble(base + f.start, count: f.end - f.start) {
          case .success(let v):
            values.append(v)
            continue
          case .failure(.empty):
            values.append(CellCode.missing)
            continue
          case .failure(.notFinite):
            _ = try Dataset.number(f, reader, line: line, column: j + 1)
          case .failure(.notANumber): break
          }
        }
        let text = reader.string(f)
        if let id = levelIndex[k][text] {
          values.append(CellCode.text(id))
        } else {
          levelIndex[k][text] = levels[k].count
          values.append(CellCode.text(levels[k].count))
          levels[k].append(text)
        }
      }
      if let w = roles.weightIndex {
        let f = fields[w]
        if MissingToken.matches(base, from: f.start, to: f.end) {
          weights.append(CellCode.missing)
        } else {
          let weight = try Dataset.number(f, reader, line: line, column: w + 1)
          guard weight >= 0 else {
            throw CSVError(
              file: file, line: line, column: w + 1,
              message: "a sample weight must be >= 0, found \(quoted(reader.string(f)))")
          }
          weights.append(weight)
        }
      }
      if let t = roles.targetIndex {
        let label = reader.string(fields[t])
        if let id = labelIndex[label] {
          rowLabels.append(id)
        } else {
          labelIndex[label] = distinct.count
          rowLabels.append(distinct.count)
          distinct.append(label)
        }
      }
      rows += 1
    }
    return CSVCells(
      rows: rows, values: values, levels: levels, rowLabels: rowLabels,
      distinctLabels: distinct, weights: roles.weightIndex == nil ? nil : weights)
  }

  /// Feature columns that hold text cells and also numbers: such a column
  /// is text throughout (pandas reads it as strings, `"1"` not `1.0`), so
  /// the file is read again with them marked.
  func mixedColumns() -> [Int] {
    let d = levels.count
    return (0..<d).filter { k in
      guard !levels[k].isEmpty else { return false }
      for i in 0..<rows where !values[i * d + k].isNaN { return true }
      return false
    }
  }
}

extension Dataset {
  /// The 1-based line on which data row `row` (0-based, blank lines not
  /// counted) starts: for messages about a row found after the parse.
  static func line(
    ofRow row: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String,
    delimiter: UInt8
  ) -> Int {
    var reader = CSVRecordReader(bytes: bytes, file: file)
    reader.delimiter = delimiter
    var fields: [CSVField] = []
    var k = -1
    while (try? reader.next(into: &fields)) == true {
      if k == row { return reader.recordLine }
      k += 1
    }
    return 0
  }
}
