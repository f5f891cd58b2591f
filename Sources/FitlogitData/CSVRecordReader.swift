import FitlogitSystem

/// Where one field lies in the file's bytes.
struct CSVField {
  /// Byte range of the content, quotes excluded.
  var start: Int
  var end: Int
  /// The field was quoted and contains `""`, so its bytes need unescaping.
  var hasEscapedQuotes: Bool
}

/// Splits RFC 4180 text into records of byte ranges, without copying.
///
/// Accepts `,` separators, LF or CRLF line ends, quoted fields spanning
/// lines, blank lines (skipped, as pandas does) and a missing final newline.
/// Rejects a quote inside an unquoted field, text after a closing quote and
/// an unterminated quote, each with its line and field number.
struct CSVRecordReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  private(set) var position = 0
  /// 1-based line on which the next record starts.
  private(set) var line = 1
  /// 1-based line on which the last record returned by ``next(into:)`` starts.
  private(set) var recordLine = 0
  /// The field separator: `,` unless the file says otherwise
  /// (``CSVDelimiter``).
  var delimiter: UInt8 = 0x2C

  /// - Parameter firstLine: The line `bytes` starts on, when they are one
  ///   block of a longer input (``CSVNumberStream``); only line 1 may start
  ///   with a byte order mark.
  init(bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int = 1) {
    self.bytes = bytes
    self.file = file
    line = firstLine
    // An optional UTF-8 byte order mark.
    if firstLine == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      position = 3
    }
  }

  /// Reads the next non-blank record into `fields`.
  ///
  /// - Returns: false at the end of the input.
  mutating func next(into fields: inout [CSVField]) throws(CSVError) -> Bool {
    fields.removeAll(keepingCapacity: true)
    let n = bytes.count
    // Skip blank lines.
    while position < n {
      if bytes[position] == UInt8(ascii: "\n") {
        position += 1
        line += 1
      } else if bytes[position] == UInt8(ascii: "\r"), position + 1 < n,
        bytes[position + 1] == UInt8(ascii: "\n")
      {
        position += 2
        line += 1
      } else {
        break
      }
    }
    if position >= n { return false }
    recordLine = line
    while true {
      let fieldNumber = fields.count + 1
      if position < n && bytes[position] == UInt8(ascii: "\"") {
        let openLine = line
        position += 1
        let start = position
        var escaped = false
        var closed = false
        while position < n {
          let b = bytes[position]
          if b == UInt8(ascii: "\"") {
            if position + 1 < n && bytes[position + 1] == UInt8(ascii: "\"") {
              escaped = true
              position += 2
              continue
            }
            closed = true
            break
          }
          if b == UInt8(ascii: "\n") { line += 1 }
          position += 1
        }
        guard closed else {
          throw CSVError(
            file: file, line: openLine, column: fieldNumber,
            message: "unterminated quoted field")
        }
        fields.append(
          CSVField(start: start, end: position, hasEscapedQuotes: escaped))
        position += 1  // the closing quote
        if position < n, !isFieldEnd(bytes[position], at: position) {
          throw CSVError(
            file: file, line: line, column: fieldNumber,
            message: "expected ',' or a line end after a closing quote")
        }
      } else {
        let start = position
        while position < n, !isFieldEnd(bytes[position], at: position) {
          if bytes[position] == UInt8(ascii: "\"") {
            throw CSVError(
              file: file, line: line, column: fieldNumber,
              message: "a quote inside an unquoted field (quote the whole "
                + "field and double the inner quote)")
          }
          position += 1
        }
        fields.append(CSVField(start: start, end: position, hasEscapedQuotes: false))
      }
      // Here position is at a separator, a line end, or the end of input.
      if position >= n { return true }
      let b = bytes[position]
      if b == delimiter {
        position += 1
        continue
      }
      if b == UInt8(ascii: "\r") { position += 1 }  // isFieldEnd saw "\r\n"
      position += 1
      line += 1
      return true
    }
  }

  /// A separator or a line end (`\n`, or `\r` directly before `\n`).
  @inline(__always)
  private func isFieldEnd(_ b: UInt8, at i: Int) -> Bool {
    if b == delimiter || b == UInt8(ascii: "\n") { return true }
    return b == UInt8(ascii: "\r") && i + 1 < bytes.count
      && bytes[i + 1] == UInt8(ascii: "\n")
  }

  /// The field's text, with `""` turned back into `"`.
  func string(_ field: CSVField) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    let s = String(decoding: raw, as: UTF8.self)
    guard field.hasEscapedQuotes else { return s }
    var out = ""
    var previousWasQuote = false
    for c in s {
      if c == "\"" && previousWasQuote {
        previousWasQuote = false
        continue
      }
      previousWasQuote = c == "\""
      out.append(c)
    }
    return out
  }
}
