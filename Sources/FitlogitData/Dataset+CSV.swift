import FitlogitSystem

extension Dataset {
  /// Reads a dataset from the bytes of a CSV file (docs/DESIGN.md "CSV input").
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
    try self.init(
      csv: bytes, file: file,
      options: CSVReadOptions(target: target, sampleWeight: sampleWeight))
  }

  /// Reads a dataset from the bytes of a CSV file, with the columns chosen
  /// and encoded as `options` say.
  public init(
    csv bytes: [UInt8], file: String, options: CSVReadOptions
  ) throws(CSVError) {
    try self.init(csv: bytes, file: file, options: options, mode: .automatic)
  }

  package init(
    csv bytes: [UInt8], file: String, options: CSVReadOptions,
    mode: CSVParseMode
  ) throws(CSVError) {
    self = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
      try Dataset.parse(buffer, file: file, options: options, mode: mode)
    }
  }

  /// ``init(csv:file:target:sampleWeight:)`` reading the rows a chosen
  /// way, for tests and benchmarks: every mode gives the same dataset or
  /// the same error.
  package init(
    csv bytes: [UInt8], file: String, target: String? = nil,
    sampleWeight: String? = nil, mode: CSVParseMode
  ) throws(CSVError) {
    try self.init(
      csv: bytes, file: file,
      options: CSVReadOptions(target: target, sampleWeight: sampleWeight),
      mode: mode)
  }

  /// Reads a dataset straight from a CSV file, mapped rather than copied,
  /// returning parsed pages to the kernel as it goes: the same dataset and
  /// errors as ``init(csv:file:options:mode:)`` on the file's bytes,
  /// with peak memory near the matrix's size instead of file + matrix.
  ///
  /// - Parameters:
  ///   - name: The file's name in error messages (default: `path`).
  /// - Throws: ``CSVError``; line 0 for a file that cannot be read.
  public init(
    csvFile path: String, name: String? = nil, target: String? = nil,
    sampleWeight: String? = nil
  ) throws(CSVError) {
    try self.init(
      csvFile: path, name: name,
      options: CSVReadOptions(target: target, sampleWeight: sampleWeight))
  }

  public init(
    csvFile path: String, name: String? = nil, options: CSVReadOptions
  ) throws(CSVError) {
    let file: MappedFile
    do {
      file = try MappedFile(path: path)
    } catch {
      throw CSVError(file: path, line: 0, column: 0, message: error.message)
    }
    try self.init(csv: file, name: name ?? path, options: options)
  }

  /// ``init(csvFile:name:target:sampleWeight:)`` on a file already mapped
  /// (tests truncate the file between the two steps).
  package init(
    csv file: MappedFile, name: String, options: CSVReadOptions = CSVReadOptions()
  ) throws(CSVError) {
    let parsed: Result<Dataset, CSVError>
    do throws(CSVError) {
      parsed = .success(
        try Dataset.parse(
          file.bytes, file: name, options: options, releaser: file.releaser))
    } catch {
      parsed = .failure(error)
    }
    // A file truncated while mapped read as zeros from there on: neither
    // the dataset nor an error found in the zeros describes the file.
    if file.changedWhileRead {
      throw CSVError(
        file: name, line: 0, column: 0,
        message: "the file shrank while it was being read (another program "
          + "is writing it?); read it again when it is complete")
    }
    self = try parsed.get()
    withExtendedLifetime(file) {}
  }

  /// How the data rows are read: a switch for tests and benchmarks, so
  /// `package`, not part of the library's API.
  package enum CSVParseMode: Sendable {
    /// Chunked byte-level parsing (parallel when large) unless a quote
    /// forces the record reader.
    case automatic
    /// The chunked parser with exactly this many chunks (if no quote).
    case chunks(Int)
    /// The RFC 4180 record reader, one `String` per label.
    case recordReader

    var chunkCount: Int? {
      switch self {
      case .automatic: nil
      case .chunks(let c): c
      case .recordReader: -1
      }
    }
  }

  /// The header row: names, the line it starts on, and each name's column.
  struct Header {
    var names: [String]
    var line: Int
    var index: [String: Int]
    var delimiter: UInt8
    /// Set when the delimiter was detected, not given.
    var note: String?
  }

  /// Checks the text and reads the header, leaving `reader` after it.
  static func header(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, releaser: PageReleaser,
    reader: inout CSVRecordReader, delimiter given: UInt8? = nil
  ) throws(CSVError) -> Header {
    // A large file's body is checked by the chunked reader's line-counting
    // sweep (``CSVCells/read``), not by a pass of its own: here only the
    // header record, once read.
    let large = bytes.count >= CSVChunkedBody.parallelThreshold
    if !large { try checkText(bytes, file: file, releaser: releaser) }
    let (delimiter, note) = CSVDelimiter.choose(bytes, file: file, given: given)
    reader.delimiter = delimiter
    var fields: [CSVField] = []
    guard try reader.next(into: &fields) else {
      throw CSVError(file: file, line: 1, column: 1, message: "the file is empty")
    }
    if large {
      try checkText(UnsafeBufferPointer(rebasing: bytes[..<reader.position]), file: file)
    }
    let names = fields.map(reader.string)
    let line = reader.recordLine
    var seen: [String: Int] = [:]
    for (j, name) in names.enumerated() {
      if let first = seen[name] {
        throw CSVError(
          file: file, line: line, column: j + 1,
          message: "duplicate column name \(quoted(name)) (also column \(first + 1))")
      }
      seen[name] = j
    }
    return Header(names: names, line: line, index: seen, delimiter: delimiter, note: note)
  }

  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, options: CSVReadOptions,
    mode: CSVParseMode = .automatic, releaser: PageReleaser = .none
  ) throws(CSVError) -> Dataset {
    // A gzip file (by its magic bytes, whatever its name) is inflated
    // first, its compressed pages released as they are read.
    if Gzip.isGzip(bytes) {
      let text = try Gzip.decompress(bytes, file: file, releaser: releaser)
      defer { withExtendedLifetime(text) {} }
      return try parse(text.buffer, file: file, options: options, mode: mode)
    }
    var reader = CSVRecordReader(bytes: bytes, file: file)
    let header = try Dataset.header(
      bytes, file: file, releaser: releaser, reader: &reader,
      delimiter: options.delimiter)
    // Notes (a detected delimiter, the index column) go out with an error
    // found after them too: they may be what explains it.
    var notes: [String] = header.note.map { [$0] } ?? []
    do throws(CSVError) {
      return try parseRows(
        bytes, header: header, reader: reader, file: file, options: options, mode: mode,
        releaser: releaser, notes: &notes)
    } catch {
      var error = error
      error.notes = notes
      throw error
    }
  }

  /// ``parse(_:file:options:mode:releaser:)`` after the header: the
  /// columns chosen, the rows read and encoded.
  private static func parseRows(
    _ bytes: UnsafeBufferPointer<UInt8>, header: Header, reader: CSVRecordReader,
    file: String, options: CSVReadOptions, mode: CSVParseMode, releaser: PageReleaser,
    notes: inout [String]
  ) throws(CSVError) -> Dataset {
    let names = header.names
    let headerLine = header.line
    func columnIndex(_ name: String, role: String) throws(CSVError) -> Int {
      guard let j = header.index[name] else {
        throw CSVError(
          file: file, line: headerLine, column: 1,
          message: "no column named \(quoted(name)) for \(role); the columns are "
            + columnList(names, quote: { quoted($0, limit: 40) }))
      }
      return j
    }
    let targetIndex = try options.target.map { (t) throws(CSVError) in
      try columnIndex(t, role: "the target")
    } ?? names.count - 1
    let weightIndex = try options.sampleWeight.map { (w) throws(CSVError) in
      try columnIndex(w, role: "the sample weights")
    }
    if weightIndex == targetIndex {
      throw CSVError(
        file: file, line: headerLine, column: targetIndex + 1,
        message: "the target column cannot also be the sample-weight column")
    }
    let groupsIndex = try options.groups.map { (g) throws(CSVError) in
      try columnIndex(g, role: "--groups")
    }
    if let groupsIndex, groupsIndex == targetIndex || groupsIndex == weightIndex {
      throw CSVError(
        file: file, line: headerLine, column: groupsIndex + 1,
        message: "the \(groupsIndex == targetIndex ? "target" : "sample-weight") column "
          + "cannot also be the --groups column")
    }
    var excluded = Set<Int>()
    for name in options.exclude {
      excluded.insert(try columnIndex(name, role: "--exclude"))
    }
    // pandas' to_csv() writes the row index as a first column with an
    // empty header; it is never a feature.
    let indexColumn = names.count > 1 && names[0].isEmpty && targetIndex != 0
    var featureIndices: [Int]
    if let chosen = options.features {
      featureIndices = []
      for name in chosen {
        let j = try columnIndex(name, role: "--features")
        if j == targetIndex || j == weightIndex || j == groupsIndex {
          throw CSVError(
            file: file, line: headerLine, column: j + 1,
            message: "\(quoted(name)) is the "
              + "\(j == targetIndex ? "target" : j == weightIndex ? "sample-weight" : "--groups") "
              + "column, so it cannot also be a feature")
        }
        if !featureIndices.contains(j) { featureIndices.append(j) }
      }
    } else {
      featureIndices = names.indices.filter {
        $0 != targetIndex && $0 != weightIndex && $0 != groupsIndex && !excluded.contains($0)
          && !(indexColumn && $0 == 0)
      }
      if indexColumn && !excluded.contains(0) {
        notes.append(
          "column 1 has an empty header: it is the row index that pandas' "
            + "to_csv() writes, not a feature, and is left out")
      }
    }
    if featureIndices.isEmpty {
      throw CSVError(
        file: file, line: headerLine, column: 1,
        message: "no feature column: the file needs at least one column "
          + "besides the target \(quoted(names[targetIndex]))")
    }
    var forced = Set<Int>()
    for name in options.categorical {
      let j = try columnIndex(name, role: "--categorical")
      guard let k = featureIndices.firstIndex(of: j) else {
        throw CSVError(
          file: file, line: headerLine, column: j + 1,
          message: "--categorical names \(quoted(name)), which is not a feature")
      }
      forced.insert(k)
    }

    // The group labels are read as one more (last) matrix column, so a
    // missing label is counted and dropped like a missing feature.
    if let groupsIndex { featureIndices.append(groupsIndex) }
    var roles = CSVColumnRoles(
      columnCount: names.count, featureIndices: featureIndices,
      weightIndex: weightIndex, targetIndex: targetIndex)
    roles.groupsColumn = groupsIndex.map { _ in featureIndices.count - 1 }
    roles.delimiter = header.delimiter
    var cells = try CSVCells.read(
      bytes, after: reader, headerLine: headerLine, roles: roles, file: file,
      chunkCount: mode.chunkCount, releaser: releaser,
      encoding: (forced, options.dropFirst))
    let mixed = cells.encoded == nil ? cells.mixedColumns() : []
    if !mixed.isEmpty {
      for k in mixed { roles.textColumns[k] = true }
      cells = try CSVCells.read(
        bytes, after: reader, headerLine: headerLine, roles: roles, file: file,
        chunkCount: mode.chunkCount, releaser: releaser)
    }
    // A --categorical column of numbers names its levels as pandas' dtype
    // for it does: `1` (int64) or `1.0` (float64).
    let numericForced = forced.filter { cells.encoded == nil && cells.levels[$0].isEmpty }
    let floatCoded =
      numericForced.isEmpty
      ? [] : CSVIntegerColumns.floatColumns(after: reader, roles: roles, columns: numericForced)
    var data = try encode(
      cells, names: names, headerLine: headerLine, roles: roles,
      forced: forced, floatCoded: floatCoded, options: options, file: file)
    data.notes = notes
    return data
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

  /// Whether any of eight bytes is ≥ 0x80 or zero (the zero test is the
  /// classic "haszero" bit trick).
  @inline(__always)
  static func hasNonASCIIOrNUL(_ x: UInt64) -> Bool {
    let highs: UInt64 = 0x8080_8080_8080_8080
    let zero = ~(((x & ~highs) &+ ~highs) | x) & highs
    return (x & highs) | zero != 0
  }

  /// Whether every byte is in 0x01...0x7F, checked in parallel chunks.
  static func isPlainASCII(
    _ bytes: UnsafeBufferPointer<UInt8>, releaser: PageReleaser
  ) -> Bool {
    let n = bytes.count
    let chunks = 4 * processorCount()
    var clean = [Bool](repeating: false, count: chunks)
    clean.withUnsafeMutableBufferPointer { clean in
      parallelFor(chunks) { c in
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        var i = n * c / chunks
        let end = n * (c + 1) / chunks
        while i < end {
          let windowEnd = min(end, i + PageReleaser.step)
          let windowStart = i
          releaser.prefetch(windowStart..<windowEnd)
          while i + 8 <= windowEnd {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if hasNonASCIIOrNUL(x) { return }
            i += 8
          }
          while i < windowEnd {
            let b = bytes[i]
            if b == 0 || b >= 0x80 { return }
            i += 1
          }
          releaser.release(windowStart..<windowEnd)
        }
        clean[c] = true
      }
    }
    return !clean.contains(false)
  }

  /// Rejects bytes that are not UTF-8 text (or contain NUL), naming the line.
  ///
  /// Skips eight ASCII bytes at a time and counts lines only when there is
  /// an error to place.
  static func checkText(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String,
    releaser: PageReleaser = .none
  ) throws(CSVError) {
    let n = bytes.count
    guard let base = bytes.baseAddress else { return }
    // A large file is first scanned on all cores for any byte that is not
    // ASCII or is NUL; only a file that has one needs the exact, serial
    // walk below (which finds the first bad sequence and its line).
    if n >= CSVChunkedBody.parallelThreshold,
      isPlainASCII(bytes, releaser: releaser)
    {
      return
    }
    let raw = UnsafeRawPointer(base)
    var i = 0
    var released = 0
    while i < n {
      if i - released >= PageReleaser.step {
        releaser.release(released..<i)
        released = i
      }
      let windowEnd = min(n, i + PageReleaser.step)
      while i + 8 <= windowEnd {
        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if hasNonASCIIOrNUL(x) { break }
        i += 8
      }
      if i >= n { break }
      let b = base[i]
      if b < 0x80 {
        if b == 0 {
          let (line, lineStart) = position(of: i, in: bytes)
          throw CSVError(
            file: file, line: line, column: 1,
            message: "a NUL byte at character \(i - lineStart + 1): not a text file")
        }
        i += 1
        continue
      }
      let length = utf8SequenceLength(bytes, at: i)
      if length == 0 {
        let (line, lineStart) = position(of: i, in: bytes)
        throw CSVError(
          file: file, line: line, column: 1,
          message: "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) "
            + "at byte \(i - lineStart + 1) of the line: the file must be UTF-8 text")
      }
      i += length
    }
  }

  /// The 1-based line of byte `i`, and the offset where that line starts.
  private static func position(
    of i: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> (line: Int, lineStart: Int) {
    var line = 1
    var lineStart = 0
    for k in 0..<i where bytes[k] == 0x0A {
      line += 1
      lineStart = k + 1
    }
    return (line, lineStart)
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

/// A column name as a message lists it: bare when it is a plain word
/// (`age: 263`), quoted and escaped when it has spaces, punctuation that
/// could confuse the list, or control characters.
func listed(_ name: String) -> String {
  let plain = !name.isEmpty && name.unicodeScalars.count <= 60
    && name.unicodeScalars.allSatisfy {
      $0.value > 0x20 && $0.value != 0x7F && $0 != "," && $0 != ":" && $0 != "\""
        && $0 != "(" && $0 != ")"
    }
  return plain ? name : quoted(name)
}
