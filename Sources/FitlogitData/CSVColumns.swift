import FitlogitSystem

/// Named columns of a CSV file as text, for readers that need a column
/// beside a model's features: the labels and weights that `fitlogit score`
/// compares predictions with.
public enum CSVColumns {
  /// The fields of each named column, one array per name, in row order.
  ///
  /// - Parameters:
  ///   - columns: The names to read, each with what it is for, which a
  ///     missing column's error states ("the model's target").
  /// - Throws: ``CSVError``: a missing column (naming the columns there
  ///   are), a row with the wrong number of fields, no data rows.
  public static func read(
    csv bytes: [UInt8], file: String, columns: [(name: String, purpose: String)]
  ) throws(CSVError) -> [[String]] {
    try bytes.withUnsafeBufferPointer { (whole) throws(CSVError) in
      let inflated = Gzip.isGzip(whole) ? try Gzip.decompress(whole, file: file) : nil
      defer { withExtendedLifetime(inflated) {} }
      let buffer = inflated?.buffer ?? whole
      try Dataset.checkText(buffer, file: file)
      var reader = CSVRecordReader(bytes: buffer, file: file)
      reader.delimiter = CSVDelimiter.choose(buffer, file: file, given: nil).delimiter
      var fields: [CSVField] = []
      guard try reader.next(into: &fields) else {
        throw CSVError(file: file, line: 1, column: 1, message: "the file is empty")
      }
      let header = fields.map(reader.string)
      var indices: [Int] = []
      for (name, purpose) in columns {
        guard let j = header.firstIndex(of: name) else {
          throw CSVError(
            file: file, line: reader.recordLine, column: 1,
            message: "no column named \(quoted(name)), \(purpose); the columns are "
              + columnList(header, quote: { quoted($0, limit: 40) }))
        }
        indices.append(j)
      }
      var out = [[String]](repeating: [], count: columns.count)
      while try reader.next(into: &fields) {
        guard fields.count == header.count else {
          throw CSVError(
            file: file, line: reader.recordLine, column: 1,
            message: "expected \(header.count) fields as in the header, found \(fields.count)")
        }
        for (k, j) in indices.enumerated() { out[k].append(reader.string(fields[j])) }
      }
      if out.first?.isEmpty ?? true {
        throw CSVError(file: file, line: 2, column: 1, message: "the file has no data rows")
      }
      return out
    }
  }
}

extension ClassOrder {
  /// The index in `classes` (names from ``encode(_:)``) of each label, nil
  /// for a label that is not one of them. Numeric classes match by value,
  /// as pandas reads them: `1.0` and `01` are the class `1`.
  public static func lookup(_ labels: [String], in classes: [String]) -> [Int?] {
    var index: [String: Int] = [:]
    for (k, c) in classes.enumerated() { index[c] = k }
    let numeric = classes.allSatisfy { $0.csvNumber != nil }
    let integers = classes.allSatisfy { Int64($0) != nil }
    return labels.map { label in
      if let k = index[label] { return k }
      if integers, let v = Int64(label) { return index[String(v)] }
      guard numeric, let v = label.csvNumber else { return nil }
      return index[name(ofNumber: v)]
    }
  }
}
