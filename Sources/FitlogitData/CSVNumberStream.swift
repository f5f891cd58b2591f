import FitlogitSystem

/// Rows of selected numeric columns, one block of a longer CSV input.
public struct CSVNumberBlock: Sendable {
  /// `rows × columns` numbers, row after row.
  public var values: [Double] = []
  public var rows = 0
  public var columns: Int
  /// The line each row starts on (the header is line 1), for messages.
  public var lines: [Int] = []
  /// Rows before this block, so row `i` here is row `offset + i` overall.
  public var offset = 0
}

extension CSVNumberBlock {
  /// Hands the block to `body` once it holds `blockRows` rows, then counts
  /// them into `rowsBefore` and empties it, keeping its capacity: how both
  /// readers (records with quotes, and the plain fast path) end a row.
  mutating func flushIfFull(
    _ blockRows: Int, rowsBefore: inout Int,
    _ body: (CSVNumberBlock) throws(CSVError) -> Void
  ) throws(CSVError) {
    guard rows == blockRows else { return }
    offset = rowsBefore
    try body(self)
    rowsBefore += rows
    values.removeAll(keepingCapacity: true)
    lines.removeAll(keepingCapacity: true)
    rows = 0
  }
}

/// A CSV file or standard input read front to back in blocks, so that ten
/// million rows take the memory of one block and one read buffer, never the
/// whole text or a column of it (pandas' `read_csv(chunksize=)`).
///
/// The same record reader and messages as ``Dataset`` (RFC 4180 quoting,
/// `FILE:line:column: expected a number, found "abc"`); a buffer is cut
/// only after a line end outside quotes, so a quoted field may span lines.
public enum CSVNumberStream {
  /// Reads `path` ("-": standard input), calling `body` with each block of
  /// the columns `select` picks from the header.
  ///
  /// - Parameters:
  ///   - name: How messages name the input.
  ///   - select: The header's names → the column indices to read, in order.
  ///   - body: Called with each block of at most `blockRows` rows, in order.
  /// - Throws: ``CSVError`` (line 1 for an input that cannot be opened or
  ///   read), or what `select` and `body` throw.
  public static func read(
    path: String, name: String, blockRows: Int = 1 << 15,
    select: ([String]) throws(CSVError) -> [Int],
    body: (CSVNumberBlock) throws(CSVError) -> Void
  ) throws(CSVError) {
    try read(
      path: path, name: name, blockRows: blockRows, bufferSize: 1 << 20, select: select,
      body: body)
  }

  /// `read` with a given first buffer size, so tests can cut records at
  /// every byte.
  static func read(
    path: String, name: String, blockRows: Int, bufferSize: Int,
    select: ([String]) throws(CSVError) -> [Int],
    body: (CSVNumberBlock) throws(CSVError) -> Void
  ) throws(CSVError) {
    let input: InputStream
    do { input = try InputStream(path: path) } catch {
      throw CSVError(file: name, line: 1, column: 1, message: error.message)
    }
    var buffer = [UInt8](repeating: 0, count: bufferSize)
    var filled = 0
    var atEnd = false
    var line = 1
    var header: [String]?
    var columns: [Int] = []
    var block = CSVNumberBlock(columns: 0)
    var fields: [CSVField] = []
    var rowsBefore = 0
    while true {
      while !atEnd && filled < buffer.count {
        var failure: FileError?
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
          do throws(FileError) {
            return try input.read(into: raw.baseAddress! + filled, count: raw.count - filled)
          } catch {
            failure = error
            return 0
          }
        }
        if let failure {
          throw CSVError(file: name, line: line, column: 1, message: failure.message)
        }
        if n == 0 { atEnd = true } else { filled += n }
      }
      let quoted = containsQuote(buffer, filled)
      let cut = atEnd ? filled : lastRecordEnd(buffer, filled, quoted: quoted)
      if cut == 0 && !atEnd {
        // One record longer than the buffer: make room for it.
        buffer += [UInt8](repeating: 0, count: buffer.count)
        continue
      }
      try buffer.withUnsafeBufferPointer { (all) throws(CSVError) in
        let bytes = UnsafeBufferPointer(rebasing: all[0..<cut])
        var reader = CSVRecordReader(bytes: bytes, file: name, firstLine: line)
        if let header, !quoted {
          // No quotes: split the lines at commas without the record reader.
          try unquotedRows(
            reader, header.count, columns, blockRows, &block, &rowsBefore, &line, body)
          return
        }
        while try reader.next(into: &fields) {
          guard let header else {
            let names = fields.map(reader.string)
            header = names
            columns = try select(names)
            block = CSVNumberBlock(columns: columns.count)
            block.values.reserveCapacity(blockRows * columns.count)
            continue
          }
          let row = reader.recordLine
          guard fields.count == header.count else {
            throw CSVError(
              file: name, line: row, column: min(fields.count, header.count) + 1,
              message: "expected \(header.count) fields as in the header, found \(fields.count)")
          }
          for j in columns {
            block.values.append(try Dataset.number(fields[j], reader, line: row, column: j + 1))
          }
          block.lines.append(row)
          block.rows += 1
          try block.flushIfFull(blockRows, rowsBefore: &rowsBefore, body)
        }
        line = reader.line
      }
      // Keep the unread tail for the next round.
      buffer.withUnsafeMutableBufferPointer { b in
        for i in cut..<filled { b[i - cut] = b[i] }
      }
      filled -= cut
      if atEnd && filled == 0 { break }
    }
    if header == nil {
      throw CSVError(file: name, line: 1, column: 1, message: "the file is empty")
    }
    if block.rows > 0 || rowsBefore == 0 {
      if block.rows == 0 {
        throw CSVError(file: name, line: 2, column: 1, message: "no data rows after the header")
      }
      block.offset = rowsBefore
      try body(block)
    }
  }

  /// The rows of `reader`'s bytes, which hold no quote, into `block`
  /// (handing full blocks to `body`): the record reader's rules (blank
  /// lines skipped, CRLF, a missing final newline) and messages, without
  /// its general field loop.
  private static func unquotedRows(
    _ reader: CSVRecordReader, _ width: Int, _ columns: [Int], _ blockRows: Int,
    _ block: inout CSVNumberBlock, _ rowsBefore: inout Int, _ line: inout Int,
    _ body: (CSVNumberBlock) throws(CSVError) -> Void
  ) throws(CSVError) {
    let b = reader.bytes
    let n = b.count
    let comma = UInt8(ascii: ",")
    let newline = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    var starts = [Int](repeating: 0, count: width + 1)
    var ends = [Int](repeating: 0, count: width + 1)
    var pos = 0
    while pos < n {
      if b[pos] == newline {
        pos += 1
        line += 1
        continue
      }
      if b[pos] == cr && pos + 1 < n && b[pos + 1] == newline {
        pos += 2
        line += 1
        continue
      }
      var count = 0
      var start = pos
      while true {
        while pos < n && b[pos] != comma && b[pos] != newline { pos += 1 }
        var end = pos
        if pos < n && b[pos] == newline && end > start && b[end - 1] == cr { end -= 1 }
        if count <= width {
          starts[count] = start
          ends[count] = end
        }
        count += 1
        if pos < n && b[pos] == comma {
          pos += 1
          start = pos
          continue
        }
        break
      }
      if pos < n { pos += 1 }  // the newline
      guard count == width else {
        throw CSVError(
          file: reader.file, line: line, column: min(count, width) + 1,
          message: "expected \(width) fields as in the header, found \(count)")
      }
      for j in columns {
        let field = CSVField(start: starts[j], end: ends[j], hasEscapedQuotes: false)
        block.values.append(try Dataset.number(field, reader, line: line, column: j + 1))
      }
      block.lines.append(line)
      block.rows += 1
      line += 1
      try block.flushIfFull(blockRows, rowsBefore: &rowsBefore, body)
    }
  }

  /// The end of the last line in `buffer[0..<count]` that ends outside
  /// quotes (just after its `\n`), or 0. Without quotes that is the last
  /// `\n`; with them, doubled quotes toggle twice, so counting quotes from
  /// the start of a record is enough.
  static func lastRecordEnd(_ buffer: [UInt8], _ count: Int, quoted: Bool) -> Int {
    buffer.withUnsafeBufferPointer { b in
      if !quoted {
        var i = count
        while i > 0 && b[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
      }
      var inQuotes = false
      var last = 0
      for i in 0..<count {
        let c = b[i]
        if c == UInt8(ascii: "\"") {
          inQuotes.toggle()
        } else if c == UInt8(ascii: "\n") && !inQuotes {
          last = i + 1
        }
      }
      return last
    }
  }

  /// Whether `buffer[0..<count]` holds a `"`, eight bytes at a time (the
  /// "haszero" trick on the bytes XOR 0x22).
  static func containsQuote(_ buffer: [UInt8], _ count: Int) -> Bool {
    buffer.withUnsafeBytes { raw in
      let quotes: UInt64 = 0x2222_2222_2222_2222
      let lows: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var i = 0
      while i + 8 <= count {
        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ quotes
        if (x &- lows) & ~x & highs != 0 { return true }
        i += 8
      }
      while i < count {
        if raw[i] == UInt8(ascii: "\"") { return true }
        i += 1
      }
      return false
    }
  }
}
