import FitlogitSystem

/// What each column of a data row is for.
struct CSVColumnRoles {
  var columnCount: Int
  /// The file column of each matrix column, in matrix order.
  var featureIndices: [Int]
  var weightIndex: Int?
  /// The label column; nil when only features are read (prediction).
  var targetIndex: Int?
  /// Per matrix column: read every cell as text, numbers too (a column
  /// that mixes numbers and text is all text, as pandas reads it).
  var textColumns: [Bool]
  /// The matrix column that holds the group labels (read like a feature,
  /// then taken out of the matrix), or nil.
  var groupsColumn: Int?
  /// The byte between fields (`,`, `;`, tab), part of the row's layout.
  var delimiter: UInt8 = 0x2C

  init(
    columnCount: Int, featureIndices: [Int], weightIndex: Int?,
    targetIndex: Int?, textColumns: [Bool]? = nil
  ) {
    self.columnCount = columnCount
    self.featureIndices = featureIndices
    self.weightIndex = weightIndex
    self.targetIndex = targetIndex
    self.textColumns =
      textColumns ?? [Bool](repeating: false, count: featureIndices.count)
  }

  static let weight = -2
  static let target = -1
  /// A column that is read past (prediction ignores labels and ids).
  static let ignored = -3
}

/// The data rows of a CSV file, as the fit needs them.
struct CSVBody {
  /// Row-major features; a cell that is missing or text holds a
  /// ``CellCode``.
  var values: [Double]
  /// Per feature column, the texts of its text cells, by level id.
  var levels: [[String]]
  /// Per row, the index of its label in ``distinctLabels``.
  var rowLabels: [Int]
  /// Label texts in order of first appearance in the file.
  var distinctLabels: [String]
  var weights: [Double]?
  /// Feature cells that are ``CellCode/missing``.
  var missingCells = 0
  var rowCount: Int { rowLabels.count }
}

/// Reads the data rows straight from bytes, in chunks that two cores parse
/// at once, with no `String` per field: numbers go from bytes to doubles,
/// a missing cell to ``CellCode/missing``, and a label or a categorical
/// cell becomes a `String` once per distinct text per chunk (the cell holds
/// its level id). So the encoding of categories is part of this one pass.
///
/// Chunks split at line ends, which is only safe when no field is quoted
/// (a quoted field may hold a newline): a body with any `"` byte is left to
/// the record reader (`read` returns nil). Errors are the record reader's,
/// with the same line and field: each chunk knows its first line from a
/// counting pass, stops at its first error, and the first chunk in file
/// order with an error wins.
enum CSVChunkedBody {
  /// Bodies this large are parsed on all cores; smaller ones in one chunk.
  static let parallelThreshold = 1 << 22

  /// - Parameters:
  ///   - start: Offset of the first byte after the header record.
  ///   - line: The 1-based line on which `start` lies.
  ///   - chunkCount: Force this many chunks (tests); nil picks by size.
  ///   - kernel: The number scanner's variant (tests compare them).
  /// - Returns: nil when the body contains a quote.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: Int,
    file: String, roles: CSVColumnRoles, chunkCount: Int? = nil,
    releaser: PageReleaser = .none, kernel: KernelPath = .current
  ) throws(CSVError) -> CSVBody? {
    let n = bytes.count
    let base = bytes.baseAddress!
    let bounds = chunkBounds(base, count: n, from: start, chunkCount: chunkCount)
    let chunks = bounds.count - 1

    // Pass 1: line ends per chunk (an upper bound on its rows), quotes,
    // and whether the text is plain ASCII without NUL: the same sweep
    // stands in for a separate text check over a large file (see
    // ``Dataset/header(_:file:releaser:reader:delimiter:)``).
    var newlines = [Int](repeating: 0, count: chunks)
    var quoted = [Bool](repeating: false, count: chunks)
    var plain = [Bool](repeating: true, count: chunks)
    newlines.withUnsafeMutableBufferPointer { counts in
      quoted.withUnsafeMutableBufferPointer { quotes in
        plain.withUnsafeMutableBufferPointer { plain in
          parallelFor(chunks) { c in
            var count = 0
            var quote = false
            var ascii = true
            var s = bounds[c]
            while s < bounds[c + 1] {
              let e = min(bounds[c + 1], s + PageReleaser.step)
              releaser.prefetch(s..<e)
              let (k, q, a) = countLines(base + s, count: e - s)
              count += k
              quote = quote || q
              ascii = ascii && a
              releaser.release(s..<e)
              s = e
            }
            counts[c] = count
            quotes[c] = quote
            plain[c] = ascii
          }
        }
      }
    }
    if n >= parallelThreshold, plain.contains(false) {
      // Not plain ASCII: the exact walk finds the first bad byte, if any.
      try Dataset.checkText(bytes, file: file, releaser: releaser)
    }
    if quoted.contains(true) { return nil }
    var firstRow = [Int](repeating: 0, count: chunks + 1)
    var firstLine = [Int](repeating: line, count: chunks)
    for c in 0..<chunks {
      let endsInNewline = base[bounds[c + 1] - 1] == 0x0A
      firstRow[c + 1] = firstRow[c] + newlines[c] + (endsInNewline ? 0 : 1)
      if c + 1 < chunks { firstLine[c + 1] = firstLine[c] + newlines[c] }
    }
    let capacity = firstRow[chunks]
    let d = roles.featureIndices.count

    // Pass 2: parse each chunk into its slice of the shared outputs.
    var results = [ChunkResult](repeating: ChunkResult(), count: chunks)
    var levels = [[String]](repeating: [], count: d)
    var values = [Double](repeating: 0, count: 0)
    var rowLabels = [Int](repeating: 0, count: capacity)
    var weights = [Double](
      repeating: 0, count: roles.weightIndex == nil ? 0 : capacity)
    values = [Double](unsafeUninitializedCapacity: capacity * d) { v, filled in
      rowLabels.withUnsafeMutableBufferPointer { labels in
        weights.withUnsafeMutableBufferPointer { weightBuffer in
          // (An empty array may still have a base address: the shared
          // empty storage, which must never be written.)
          let weights =
            roles.weightIndex == nil ? nil : weightBuffer.baseAddress
          results.withUnsafeMutableBufferPointer { results in
            parallelFor(chunks) { c in
              var parser = ChunkParser(
                bytes: bytes, file: file, roles: roles,
                values: v.baseAddress! + firstRow[c] * d,
                labels: labels.baseAddress! + firstRow[c],
                weights: weights.map { $0 + firstRow[c] }, releaser: releaser,
                kernel: kernel)
              parser.parse(
                from: bounds[c], to: bounds[c + 1], line: firstLine[c],
                maxRows: firstRow[c + 1] - firstRow[c])
              results[c] = parser.result
            }
          }
          if !results.contains(where: { $0.error != nil }) {
            levels = mergeLevels(
              results, bytes: base, d: d, firstRow: firstRow, values: v.baseAddress!)
          }
          // Close the gaps left by blank lines, in place, front to back.
          var rows = 0
          for c in 0..<chunks {
            let r = results[c].rows
            if rows != firstRow[c] && r > 0 {
              // Forward copies: the destination lies before the source.
              let x = v.baseAddress!
              for t in 0..<(r * d) { x[rows * d + t] = x[firstRow[c] * d + t] }
              for t in 0..<r { labels[rows + t] = labels[firstRow[c] + t] }
              if let w = weights {
                for t in 0..<r { w[rows + t] = w[firstRow[c] + t] }
              }
            }
            rows += r
          }
          filled = results.contains { $0.error != nil } ? 0 : rows * d
        }
      }
    }
    if let error = results.lazy.compactMap(\.error).first { throw error }
    let rows = results.reduce(0) { $0 + $1.rows }
    rowLabels.removeLast(capacity - rows)
    if roles.weightIndex != nil { weights.removeLast(capacity - rows) }

    // Number the distinct labels in order of first appearance in the file.
    var distinct: [String] = []
    var row = 0
    for c in 0..<chunks where roles.targetIndex != nil {
      let map = results[c].labels.map { range -> Int in
        distinct.append(
          String(
            decoding: UnsafeBufferPointer(
              start: base + range.start, count: range.end - range.start),
            as: UTF8.self))
        return distinct.count - 1
      }
      for i in row..<(row + results[c].rows) {
        rowLabels[i] = map[rowLabels[i]]
      }
      row += results[c].rows
    }
    return CSVBody(
      values: values, levels: levels, rowLabels: rowLabels, distinctLabels: distinct,
      weights: roles.weightIndex == nil ? nil : weights,
      missingCells: results.reduce(0) { $0 + $1.missingCells })
  }

  /// Where the chunks start, then `n`: just after a `\n` near each k/T of
  /// the body, T chosen by size unless `chunkCount` is given.
  static func chunkBounds(
    _ base: UnsafePointer<UInt8>, count n: Int, from start: Int, chunkCount: Int?
  ) -> [Int] {
    let wanted =
      chunkCount
      ?? (n - start >= parallelThreshold ? 4 * processorCount() : 1)
    var bounds = [start]
    for k in 1..<max(wanted, 1) {
      var p = start + (n - start) * k / wanted
      if p <= bounds.last! { continue }
      while p < n, base[p - 1] != 0x0A { p += 1 }
      if p < n, p > bounds.last! { bounds.append(p) }
    }
    bounds.append(n)
    return bounds
  }

  /// Numbers each column's text levels across chunks (in order of first
  /// appearance in the file) and rewrites every chunk's text cells from its
  /// own level ids to those, in parallel.
  private static func mergeLevels(
    _ results: [ChunkResult],
    bytes base: UnsafePointer<UInt8>, d: Int, firstRow: [Int],
    values: UnsafeMutablePointer<Double>
  ) -> [[String]] {
    var levels = [[String]](repeating: [], count: d)
    var maps = [[[Int]]](repeating: [], count: results.count)
    for k in 0..<d {
      var index: [String: Int] = [:]
      for c in results.indices {
        guard k < results[c].levels.count else { continue }
        let map = results[c].levels[k].map { range -> Int in
          let text = String(
            decoding: UnsafeBufferPointer(
              start: base + range.start, count: range.end - range.start),
            as: UTF8.self)
          if let id = index[text] { return id }
          index[text] = levels[k].count
          levels[k].append(text)
          return levels[k].count - 1
        }
        if maps[c].isEmpty { maps[c] = [[Int]](repeating: [], count: d) }
        maps[c][k] = map
      }
    }
    // The first chunk's ids are the global ones: only later chunks move.
    nonisolated(unsafe) let v = values
    parallelFor(results.count) { c in
      guard c > 0, !maps[c].isEmpty else { return }
      for k in 0..<d where !maps[c][k].isEmpty {
        let map = maps[c][k]
        for i in firstRow[c]..<(firstRow[c] + results[c].rows) {
          if let id = CellCode.textID(v[i * d + k]) {
            v[i * d + k] = CellCode.text(map[id])
          }
        }
      }
    }
    return levels
  }

  /// Counts `\n` bytes, notes any `"`, and whether every byte is in
  /// 0x01...0x7F (plain ASCII without NUL), sixteen bytes at a time (SSE2
  /// on x86-64, NEON on arm64: a compare per byte class and no scalar work
  /// per word), which halved this sweep's CPU time against eight-byte words
  /// of bit tricks (5.2% → 2.9% of a mapped parse's samples on 1M×20).
  static func countLines(
    _ p: UnsafePointer<UInt8>, count: Int
  ) -> (newlines: Int, quote: Bool, plainASCII: Bool) {
    typealias Bytes = SIMD16<UInt8>
    let raw = UnsafeRawPointer(p)
    var lines = 0
    var quotes = SIMDMask<SIMD16<Int8>>()
    var nuls = SIMDMask<SIMD16<Int8>>()
    var ored = Bytes()
    var i = 0
    while i + 16 <= count {
      // Per-lane counters (a compare's true lane is 0xFF, so subtracting
      // it adds one), summed across lanes before any lane could pass 255.
      var counters = Bytes()
      var words = 0
      while words < 255, i + 16 <= count {
        let v = raw.loadUnaligned(fromByteOffset: i, as: Bytes.self)
        counters &-= unsafeBitCast(v .== Bytes(repeating: 0x0A), to: Bytes.self)
        quotes = quotes .| (v .== Bytes(repeating: 0x22))
        nuls = nuls .| (v .== Bytes())
        ored |= v
        i += 16
        words += 1
      }
      lines += Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
    }
    var quote = any(quotes)
    var plain = !any(nuls) && !any(ored .>= Bytes(repeating: 0x80))
    while i < count {
      if p[i] == 0x0A { lines += 1 }
      if p[i] == 0x22 { quote = true }
      if p[i] == 0 || p[i] >= 0x80 { plain = false }
      i += 1
    }
    return (lines, quote, plain)
  }
}

/// What one chunk produced.
struct ChunkResult {
  var rows = 0
  /// The chunk's distinct labels (byte ranges), in order of appearance.
  var labels: [(start: Int, end: Int)] = []
  /// Per feature column, its distinct text cells (empty when none).
  var levels: [[(start: Int, end: Int)]] = []
  /// Feature cells read as ``CellCode/missing``.
  var missingCells = 0
  var error: CSVError?
}

/// Parses the unquoted rows of one chunk into preallocated outputs.
struct ChunkParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  let roles: CSVColumnRoles
  let values: UnsafeMutablePointer<Double>
  let labels: UnsafeMutablePointer<Int>
  let weights: UnsafeMutablePointer<Double>?
  let releaser: PageReleaser
  var result = ChunkResult()
  private var interner = LabelInterner()
  /// Per feature column, its text cells' interner.
  private var levelInterners: [LabelInterner]
  /// Per column: its feature index, or ``CSVColumnRoles/weight`` or
  /// ``CSVColumnRoles/target``.
  private let columnRoles: [Int]
  /// The runs of number columns the vector scanner reads in one call.
  private var numberRuns: NumberRuns

  init(
    bytes: UnsafeBufferPointer<UInt8>, file: String, roles: CSVColumnRoles,
    values: UnsafeMutablePointer<Double>, labels: UnsafeMutablePointer<Int>,
    weights: UnsafeMutablePointer<Double>?, releaser: PageReleaser = .none,
    kernel: KernelPath = .current
  ) {
    self.releaser = releaser
    self.bytes = bytes
    self.file = file
    self.roles = roles
    self.values = values
    self.labels = labels
    self.weights = weights
    var columnRoles = [Int](
      repeating: CSVColumnRoles.ignored, count: roles.columnCount)
    if let t = roles.targetIndex { columnRoles[t] = CSVColumnRoles.target }
    for (k, j) in roles.featureIndices.enumerated() { columnRoles[j] = k }
    if let w = roles.weightIndex { columnRoles[w] = CSVColumnRoles.weight }
    self.columnRoles = columnRoles
    self.numberRuns = NumberRuns(
      columnRoles: columnRoles, output: { roles.textColumns[$0] ? nil : $0 },
      kernel: kernel)
    self.levelInterners = [LabelInterner](
      repeating: LabelInterner(), count: roles.featureIndices.count)
  }

  /// The cell `b[start..<end]` of feature column `k` as a number or a
  /// ``CellCode``; nil for a cell that must be an error (`inf`, `1e999`).
  @inline(__always)
  private mutating func cell(
    _ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, feature k: Int
  ) -> Double? {
    if MissingToken.matches(b, from: start, to: end) {
      result.missingCells += 1
      return CellCode.missing
    }
    // A cell that starts with a letter other than i or n (inf, nan) is
    // text: skip the number parser, whose failure path is the slow one.
    let first = b[start] | 0x20
    let letter = first >= 0x61 && first <= 0x7A && first != 0x69 && first != 0x6E
    if !roles.textColumns[k] && !letter {
      switch parseDouble(b + start, count: end - start) {
      case .success(let v): return v
      case .failure(.notFinite): return nil
      case .failure(.empty):
        result.missingCells += 1
        return CellCode.missing
      case .failure(.notANumber): break
      }
    }
    return CellCode.text(levelInterners[k].id(of: b, from: start, to: end))
  }

  /// - Parameters:
  ///   - maxRows: The rows the outputs have room for (the chunk's line
  ///     ends, plus one without a final newline).
  mutating func parse(
    from start: Int, to end: Int, line firstLine: Int, maxRows: Int
  ) {
    let b = bytes.baseAddress!
    let n = bytes.count
    let columns = roles.columnCount
    let d = roles.featureIndices.count
    // Field j spans fieldStart[j]..<fieldEnd[j].
    var fieldStart = [Int](repeating: 0, count: columns)
    var fieldEnd = [Int](repeating: 0, count: columns)
    var line = firstLine
    var p = start
    var out = values
    var rows = 0
    var released = start
    var pages = PagesAhead(values, count: maxRows * d)
    releaser.prefetch(start..<min(end, start + PageReleaser.step))
    defer { releaser.release(released..<end) }
    fieldStart.withUnsafeMutableBufferPointer { fs in
      fieldEnd.withUnsafeMutableBufferPointer { fe in
        roles.featureIndices.withUnsafeBufferPointer { features in
          while p < end {
            if p - released >= PageReleaser.step {
              releaser.release(released..<p)
              released = p
              releaser.prefetch(p..<min(end, p + PageReleaser.step))
            }
            // Blank lines are skipped, as the record reader does.
            if b[p] == 0x0A {
              p += 1
              line += 1
              continue
            }
            if b[p] == 0x0D, p + 1 < n, b[p + 1] == 0x0A {
              p += 2
              line += 1
              continue
            }
            precondition(rows < maxRows, "line count disagrees with rows")
            pages.prepare(upTo: out + d)
            // The common row: numbers that end exactly at their separator.
            if let next = fastRow(b, from: p, count: n, row: rows, out: out) {
              p = next
              line += 1
              rows += 1
              out += d
              continue
            }
            // Anything else: split the record as the record reader does,
            // then read each field, for the same values or the same error.
            // A field ends at ',', '\n', "\r\n" or EOF.
            var count = 0
            var fieldBegin = p
            while true {
              p = endOfField(b, from: p, count: n)
              if count < columns {
                fs[count] = fieldBegin
                fe[count] = p
              }
              count += 1
              if p < n, b[p] == roles.delimiter {
                p += 1
                fieldBegin = p
                continue
              }
              break
            }
            let recordLine = line
            if p < n {
              p += b[p] == 0x0D ? 2 : 1
              line += 1
            }
            guard count == columns else {
              result.error = CSVError(
                file: file, line: recordLine, column: min(count, columns) + 1,
                message:
                  "expected \(columns) fields as in the header, found \(count)")
              return
            }
            for k in 0..<d {
              let j = features[k]
              guard let v = cell(b, fs[j], fe[j], feature: k) else {
                result.error = fieldError(
                  fs[j], fe[j], line: recordLine, column: j + 1)
                return
              }
              out[k] = v
            }
            if let wj = roles.weightIndex, let weights,
              MissingToken.matches(b, from: fs[wj], to: fe[wj])
            {
              weights[rows] = CellCode.missing
            } else if let wj = roles.weightIndex, let weights {
              let r = parseDouble(b + fs[wj], count: fe[wj] - fs[wj])
              guard case .success(let v) = r, v >= 0 else {
                result.error = fieldError(
                  fs[wj], fe[wj], line: recordLine, column: wj + 1,
                  weight: true)
                return
              }
              weights[rows] = v
            }
            if let t = roles.targetIndex {
              labels[rows] = interner.id(of: b, from: fs[t], to: fe[t])
            }
            rows += 1
            out += d
          }
        }
      }
    }
    result.rows = rows
    result.labels = interner.ranges
    result.levels = levelInterners.map(\.ranges)
  }

  /// Reads one well-formed row straight through, or returns nil (having
  /// possibly written some outputs of this row, which the careful path then
  /// overwrites).
  ///
  /// - Returns: The offset after the row's line end.
  @inline(__always)
  private mutating func fastRow(
    _ b: UnsafePointer<UInt8>, from start: Int, count n: Int, row: Int,
    out: UnsafeMutablePointer<Double>
  ) -> Int? {
    var p = start
    let last = roles.columnCount - 1
    return columnRoles.withUnsafeBufferPointer { role -> Int? in
      var j = 0
      while j <= last {
        let r = role[j]
        if numberRuns.starts(at: j) {
          // A run of number columns: the vector scanner reads what it is
          // sure of; the field it stops at, if any, is read below.
          switch numberRuns.step(
            b, from: p, count: n, column: j, last: last, delimiter: roles.delimiter,
            into: out + r)
          {
          case .next(let column, let offset):
            (j, p) = (column, offset)
            continue
          case .broken: return nil
          case .none: break
          }
        }
        if r >= 0 || r == CSVColumnRoles.weight {
          if r >= 0, roles.textColumns[r] {
            let end = endOfField(b, from: p, count: n)
            guard let v = cell(b, p, end, feature: r) else { return nil }
            out[r] = v
            p = end
          } else if let (v, end) = parseDoublePrefix(b, from: p, end: n),
            end == n || b[end] == roles.delimiter || b[end] == 0x0A || b[end] == 0x0D
          {
            if r >= 0 {
              out[r] = v
            } else {
              guard v >= 0 else { return nil }
              weights![row] = v
            }
            p = end
          } else if r >= 0 {
            // Text, a missing token, or a number the fast reader declined.
            let end = endOfField(b, from: p, count: n)
            guard let v = cell(b, p, end, feature: r) else { return nil }
            out[r] = v
            p = end
          } else {
            return nil
          }
        } else if r == CSVColumnRoles.target {
          let end = endOfField(b, from: p, count: n)
          labels[row] = interner.id(of: b, from: p, to: end)
          p = end
        } else {
          p = endOfField(b, from: p, count: n)
        }
        if j < last {
          guard p < n, b[p] == roles.delimiter else { return nil }
          p += 1
        }
        j += 1
      }
      if p == n { return n }
      if b[p] == 0x0A { return p + 1 }
      if b[p] == 0x0D, p + 1 < n, b[p + 1] == 0x0A { return p + 2 }
      return nil
    }
  }

  /// The offset of the `,`, `\n` or `\r\n` that ends the field at `p`, or
  /// `n`; eight bytes at a time.
  @inline(__always)
  private func endOfField(
    _ b: UnsafePointer<UInt8>, from start: Int, count n: Int
  ) -> Int {
    let raw = UnsafeRawPointer(b)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
      ~(((x & ~highs) &+ ~highs) | x) & highs
    }
    let separators = ones &* UInt64(roles.delimiter)
    var p = start
    while true {
      while p + 8 <= n {
        let x = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
        let special =
          zeroBytes(x ^ separators) | zeroBytes(x ^ (ones &* 0x0A))
          | zeroBytes(x ^ (ones &* 0x0D))
        if special != 0 {
          p += special.trailingZeroBitCount >> 3
          break
        }
        p += 8
      }
      while p < n {
        let c = b[p]
        if c == roles.delimiter || c == 0x0A { return p }
        p += 1
        if c == 0x0D {
          if p < n, b[p] == 0x0A { return p - 1 }
          break  // a lone '\r' is field text
        }
      }
      if p >= n { return n }
    }
  }

  /// The record reader's error for a field that is not a valid number (or,
  /// for a weight, a negative one).
  private func fieldError(
    _ start: Int, _ end: Int, line: Int, column: Int, weight: Bool = false
  ) -> CSVError {
    var reader = CSVRecordReader(bytes: bytes, file: file)
    reader.delimiter = roles.delimiter
    let field = CSVField(start: start, end: end, hasEscapedQuotes: false)
    do {
      _ = try Dataset.number(field, reader, line: line, column: column)
    } catch {
      return error
    }
    return CSVError(
      file: file, line: line, column: column,
      message:
        "a sample weight must be >= 0, found \(quoted(reader.string(field)))")
  }
}

/// Numbers label texts by their bytes: open addressing on an FNV-1a hash,
/// so a label costs a hash and one comparison, never an allocation.
struct LabelInterner {
  private(set) var ranges: [(start: Int, end: Int)] = []
  private var slots = [Int](repeating: -1, count: 16)
  private var hashes: [UInt64] = []
  private var last = -1

  @inline(__always)
  mutating func id(of b: UnsafePointer<UInt8>, from start: Int, to end: Int)
    -> Int
  {
    if last >= 0, equal(b, ranges[last], start, end) { return last }
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for i in start..<end { h = (h ^ UInt64(b[i])) &* 0x100_0000_01B3 }
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: h) & mask
    while slots[s] >= 0 {
      let k = slots[s]
      if hashes[k] == h, equal(b, ranges[k], start, end) {
        last = k
        return k
      }
      s = (s + 1) & mask
    }
    let k = ranges.count
    ranges.append((start, end))
    hashes.append(h)
    slots[s] = k
    if 2 * ranges.count > slots.count { grow() }
    last = k
    return k
  }

  @inline(__always)
  private func equal(
    _ b: UnsafePointer<UInt8>, _ r: (start: Int, end: Int), _ start: Int,
    _ end: Int
  ) -> Bool {
    guard r.end - r.start == end - start else { return false }
    for i in 0..<(end - start) where b[r.start + i] != b[start + i] {
      return false
    }
    return true
  }

  private mutating func grow() {
    slots = [Int](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (k, h) in hashes.enumerated() {
      var s = Int(truncatingIfNeeded: h) & mask
      while slots[s] >= 0 { s = (s + 1) & mask }
      slots[s] = k
    }
  }
}
