extension Dataset {
  /// Reads a dataset from the bytes of a CSV file (DESIGN.md "CSV input").
  ///
  /// The first row is the header; the target is the last column unless
  /// `target` names another; `sampleWeight` names a numeric column used as
  /// weights rather than as a feature. Every other column is a feature.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - file: The name used in error messages.
  /// - Throws: ``CSVError`` with the line and field of the first problem.
  public init(
    csv bytes: [UInt8], file: String, target: String? = nil,
    sampleWeight: String? = nil
  ) throws(CSVError) {
    self = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
      try Dataset.parse(buffer, file: file, target: target, sampleWeight: sampleWeight)
    }
  }

  private static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, target: String?,
    sampleWeight: String?
  ) throws(CSVError) -> Dataset {
    try checkText(bytes, file: file)
    var reader = CSVRecordReader(bytes: bytes, file: file)
    var fields: [CSVField] = []
    guard try reader.next(into: &fields) else {
      throw CSVError(file: file, line: 1, column: 1, message: "the file is empty")
    }
    let header = fields.map(reader.string)
    let headerLine = reader.recordLine
    var seen: [String: Int] = [:]
    for (j, name) in header.enumerated() {
      if let first = seen[name] {
        throw CSVError(
          file: file, line: headerLine, column: j + 1,
          message: "duplicate column name \(quoted(name)) (also column \(first + 1))")
      }
      seen[name] = j
    }
    func columnIndex(_ name: String, role: String) throws(CSVError) -> Int {
      guard let j = seen[name] else {
        throw CSVError(
          file: file, line: headerLine, column: 1,
          message: "no column named \(quoted(name)) for \(role); the columns are "
            + header.map(quoted).joined(separator: ", "))
      }
      return j
    }
    let targetIndex = try target.map { (t) throws(CSVError) in
      try columnIndex(t, role: "the target")
    } ?? header.count - 1
    let weightIndex = try sampleWeight.map { (w) throws(CSVError) in
      try columnIndex(w, role: "the sample weights")
    }
    if weightIndex == targetIndex {
      throw CSVError(
        file: file, line: headerLine, column: targetIndex + 1,
        message: "the target column cannot also be the sample-weight column")
    }
    let featureIndices = header.indices.filter { $0 != targetIndex && $0 != weightIndex }
    if featureIndices.isEmpty {
      throw CSVError(
        file: file, line: headerLine, column: 1,
        message: "no feature column: the file needs at least one column "
          + "besides the target \(quoted(header[targetIndex]))")
    }

    var values: [Double] = []
    var labels: [String] = []
    var weights: [Double] = []
    while try reader.next(into: &fields) {
      let line = reader.recordLine
      guard fields.count == header.count else {
        throw CSVError(
          file: file, line: line, column: min(fields.count, header.count) + 1,
          message: "expected \(header.count) fields as in the header, found \(fields.count)")
      }
      for j in featureIndices {
        values.append(try number(fields[j], reader, line: line, column: j + 1))
      }
      if let w = weightIndex {
        let weight = try number(fields[w], reader, line: line, column: w + 1)
        guard weight >= 0 else {
          throw CSVError(
            file: file, line: line, column: w + 1,
            message: "a sample weight must be >= 0, found \(quoted(reader.string(fields[w])))")
        }
        weights.append(weight)
      }
      let label = reader.string(fields[targetIndex])
      if label.isEmpty {
        throw CSVError(file: file, line: line, column: targetIndex + 1, message: "empty label")
      }
      labels.append(label)
    }
    if labels.isEmpty {
      throw CSVError(
        file: file, line: headerLine + 1, column: 1,
        message: "no data rows after the header")
    }
    let (classes, indices) = ClassOrder.encode(labels)
    if classes.count < 2 {
      throw CSVError(
        file: file, line: headerLine, column: targetIndex + 1,
        message: "the target \(quoted(header[targetIndex])) has only one class "
          + "(\(quoted(classes[0]))); a classifier needs at least two")
    }
    if let _ = weightIndex, !weights.contains(where: { $0 > 0 }) {
      throw CSVError(
        file: file, line: headerLine, column: weightIndex! + 1,
        message: "every sample weight is 0")
    }
    return Dataset(
      features: Matrix(rows: labels.count, columns: featureIndices.count, values: values),
      featureNames: featureIndices.map { header[$0] },
      targetName: header[targetIndex], classes: classes, labels: indices,
      sampleWeights: weightIndex == nil ? nil : weights)
  }

  static func number(
    _ field: CSVField, _ reader: CSVRecordReader, line: Int, column: Int
  ) throws(CSVError) -> Double {
    let result = parseDouble(reader.bytes.baseAddress! + field.start, count: field.end - field.start)
    switch result {
    case .success(let v): return v
    case .failure(.empty):
      throw CSVError(
        file: reader.file, line: line, column: column,
        message: "expected a number, found an empty field")
    case .failure(.notFinite):
      throw CSVError(
        file: reader.file, line: line, column: column,
        message: "expected a finite number, found \(quoted(reader.string(field)))")
    case .failure(.notANumber):
      throw CSVError(
        file: reader.file, line: line, column: column,
        message: "expected a number, found \(quoted(reader.string(field)))")
    }
  }

  /// Rejects bytes that are not UTF-8 text (or contain NUL), naming the line.
  static func checkText(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String
  ) throws(CSVError) {
    var line = 1
    var lineStart = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        if b == 0x0A { line += 1; lineStart = i + 1 }
        if b == 0 {
          throw CSVError(
            file: file, line: line, column: 1,
            message: "a NUL byte at character \(i - lineStart + 1): not a text file")
        }
        i += 1
        continue
      }
      let length = utf8SequenceLength(bytes, at: i)
      if length == 0 {
        throw CSVError(
          file: file, line: line, column: 1,
          message: "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) "
            + "at byte \(i - lineStart + 1) of the line: the file must be UTF-8 text")
      }
      i += length
    }
  }
}

/// The length of the valid UTF-8 sequence starting at `i`, or 0.
private func utf8SequenceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
  let b0 = s[i]
  let n = s.count
  func cont(_ k: Int) -> Bool { i + k < n && s[i + k] & 0xC0 == 0x80 }
  switch b0 {
  case 0xC2...0xDF: return cont(1) ? 2 : 0
  case 0xE0:
    return i + 1 < n && (0xA0...0xBF).contains(s[i + 1]) && cont(2) ? 3 : 0
  case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
  case 0xED:
    return i + 1 < n && (0x80...0x9F).contains(s[i + 1]) && cont(2) ? 3 : 0
  case 0xF0:
    return i + 1 < n && (0x90...0xBF).contains(s[i + 1]) && cont(2) && cont(3) ? 4 : 0
  case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
  case 0xF4:
    return i + 1 < n && (0x80...0x8F).contains(s[i + 1]) && cont(2) && cont(3) ? 4 : 0
  default: return 0
  }
}

/// `"abc"` with inner quotes and control characters escaped, so an error
/// message always stays one line.
func quoted(_ s: String) -> String {
  var out = "\""
  for scalar in s.unicodeScalars.prefix(60) {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  if s.unicodeScalars.count > 60 { out += "…" }
  return out + "\""
}
