import FitlogitSystem

/// The feature matrix of a file with text columns, one-hot encoded in the
/// chunked parallel parse itself: the numbers go from bytes to their final
/// column and each text cell sets its indicator, with no matrix of cell
/// codes in between and no second pass over one.
///
/// A row-major matrix needs its width before its first row is written, and
/// the width counts the levels of every text column, which only the whole
/// file knows. So the pass that the chunked reader spends counting lines
/// here also splits the rows: it counts them, numbers each chunk's levels
/// and keeps one 4-byte code per text cell (12 MB for 1M rows × 3 text
/// columns). The chunks' levels are then merged and sorted (`np.unique`
/// order) into the `get_dummies` layout, the matrix is allocated once at
/// its final size, and the second pass parses each chunk's rows into it.
///
/// Only the clean, common case takes this path: the text columns show text
/// in the first data row, and no cell is missing or quoted and no row is
/// one the fast row reader declines. Anything else returns nil before any
/// error is decided, and ``CSVChunkedBody`` (cell codes, then
/// `Dataset.encode`) reads the file, which gives the same dataset or the
/// first error in file order. So this path is only ever faster, never
/// different.
enum CSVEncodedBody {
  /// Where the encoded columns came from, for `Dataset.encode`.
  struct Layout {
    /// Feature columns (matrix order of ``CSVColumnRoles``) used as numbers.
    var numeric: [Int]
    /// Text feature columns and their levels, sorted as `np.unique` sorts.
    var categorical: [(k: Int, levels: [String])]
  }

  /// One chunk's first pass: its rows, and its text cells as codes.
  private struct Scan {
    var rows = 0
    /// Per text column, the chunk's distinct cells.
    var levels: [LabelInterner] = []
    /// Row-major: per row, one level id per text column.
    var codes: [UInt32] = []
    var declined = false
    /// Every byte of the chunk's rows is in 0x01...0x7F.
    var plainASCII = true
  }

  /// - Parameters:
  ///   - forced: Feature columns that `--categorical` names; a numeric
  ///     one leaves the file to ``CSVChunkedBody``.
  /// - Returns: nil when the file is not the clean case described above;
  ///   else the cells and whether every byte of the body is plain ASCII
  ///   without NUL (checked row by row in the first pass, while each row is
  ///   in cache, so that a file needs no separate text sweep).
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, roles: CSVColumnRoles,
    forced: Set<Int>, dropFirst: Bool, chunkCount: Int?, releaser: PageReleaser
  ) -> (cells: CSVCells, plainASCII: Bool)? {
    let n = bytes.count
    guard let base = bytes.baseAddress, start < n,
      let text = textColumns(base, from: start, count: n, roles: roles),
      !text.isEmpty, forced.isSubset(of: text)
    else { return nil }
    let d = roles.featureIndices.count
    let textOf: [Int] = {
      var t = [Int](repeating: -1, count: d)
      for (m, k) in text.enumerated() { t[k] = m }
      return t
    }()
    // Per file column: a feature's index, or a CSVColumnRoles constant.
    var columnRole = [Int](repeating: CSVColumnRoles.ignored, count: roles.columnCount)
    if let t = roles.targetIndex { columnRole[t] = CSVColumnRoles.target }
    for (k, j) in roles.featureIndices.enumerated() { columnRole[j] = k }
    if let w = roles.weightIndex { columnRole[w] = CSVColumnRoles.weight }
    let lastText = text.map { roles.featureIndices[$0] }.max()!
    let bounds = CSVChunkedBody.chunkBounds(
      base, count: n, from: start, chunkCount: chunkCount)
    let chunks = bounds.count - 1

    // Pass 1: rows, quotes, and the text cells' levels and codes.
    var scans = [Scan](repeating: Scan(), count: chunks)
    scans.withUnsafeMutableBufferPointer { scans in
      parallelFor(chunks) { c in
        scans[c] = scan(
          base, from: bounds[c], to: bounds[c + 1], count: n, roles: roles,
          columnRole: columnRole, textOf: textOf, textCount: text.count,
          lastText: lastText, releaser: releaser)
      }
    }
    if scans.contains(where: \.declined) { return nil }
    var firstRow = [Int](repeating: 0, count: chunks + 1)
    for c in 0..<chunks { firstRow[c + 1] = firstRow[c] + scans[c].rows }
    let rows = firstRow[chunks]
    guard rows > 0 else { return nil }

    // The levels: merged across chunks, checked, sorted, placed.
    let shift = dropFirst ? 1 : 0
    let numeric = (0..<d).filter { textOf[$0] < 0 }
    var categorical: [(k: Int, levels: [String])] = []
    // Per chunk, per text column: chunk-local level id → matrix column, or
    // -1 for a dropped first level.
    var placement = [[[Int32]]](repeating: [], count: chunks)
    var next = numeric.count
    for (m, k) in text.enumerated() {
      var index: [String: Int] = [:]
      var levels: [String] = []
      var local = [[Int]](repeating: [], count: chunks)
      for c in 0..<chunks {
        local[c] = scans[c].levels[m].ranges.map { range -> Int in
          let s = String(
            decoding: UnsafeBufferPointer(
              start: base + range.start, count: range.end - range.start),
            as: UTF8.self)
          if let id = index[s] { return id }
          index[s] = levels.count
          levels.append(s)
          return levels.count - 1
        }
      }
      // A missing token, or a cell such as `inf` that the record reader
      // refuses in a column it reads as numbers, is the general reader's
      // to decide; so is a column with an identifier's many levels.
      for level in levels {
        if MissingToken.matches(level) { return nil }
        let utf8 = Array(level.utf8)
        let parsed = utf8.withUnsafeBufferPointer {
          parseDouble($0.baseAddress!, count: $0.count)
        }
        if case .failure(.notFinite) = parsed { return nil }
      }
      if !forced.contains(k), levels.count > Dataset.identifierLevels,
        2 * levels.count > rows
      {
        return nil
      }
      let order = levels.indices.sorted {
        levels[$0].unicodeScalars.lexicographicallyPrecedes(levels[$1].unicodeScalars)
      }
      var column = [Int](repeating: -1, count: levels.count)
      for (rank, id) in order.enumerated() where rank >= shift {
        column[id] = next + rank - shift
      }
      next += levels.count - shift
      categorical.append((k, order.map { levels[$0] }))
      for c in 0..<chunks {
        placement[c].append(local[c].map { Int32(column[$0]) })
      }
    }
    let width = next
    guard width > 0 else { return nil }

    // Pass 2: each chunk's rows straight into their final place.
    var labelResults = [(rows: Int, ranges: [(start: Int, end: Int)])](
      repeating: (0, []), count: chunks)
    var rowLabels = [Int](repeating: 0, count: rows)
    var weights = [Double](repeating: 0, count: roles.weightIndex == nil ? 0 : rows)
    var declined = [Bool](repeating: false, count: chunks)
    let values = [Double](unsafeUninitializedCapacity: rows * width) { v, filled in
      rowLabels.withUnsafeMutableBufferPointer { labels in
        weights.withUnsafeMutableBufferPointer { weightBuffer in
          declined.withUnsafeMutableBufferPointer { declined in
            labelResults.withUnsafeMutableBufferPointer { labelResults in
              let weights = roles.weightIndex == nil ? nil : weightBuffer.baseAddress
              parallelFor(chunks) { c in
                var parser = EncodedChunkParser(
                  base: base, count: n, roles: roles, columnRole: columnRole,
                  textOf: textOf, textCount: text.count, numeric: numeric,
                  width: width, codes: scans[c].codes, placement: placement[c],
                  releaser: releaser)
                let ok = parser.parse(
                  from: bounds[c], to: bounds[c + 1], rows: scans[c].rows,
                  out: v.baseAddress! + firstRow[c] * width,
                  labels: labels.baseAddress! + firstRow[c],
                  weights: weights.map { $0 + firstRow[c] })
                declined[c] = !ok
                labelResults[c] = (scans[c].rows, parser.labels.ranges)
              }
            }
          }
        }
      }
      filled = declined.contains(true) ? 0 : rows * width
    }
    if declined.contains(true) { return nil }

    // Number the distinct labels in order of first appearance in the file.
    var distinct: [String] = []
    var row = 0
    for c in 0..<chunks where roles.targetIndex != nil {
      let map = labelResults[c].ranges.map { range -> Int in
        distinct.append(
          String(
            decoding: UnsafeBufferPointer(
              start: base + range.start, count: range.end - range.start),
            as: UTF8.self))
        return distinct.count - 1
      }
      for i in row..<(row + labelResults[c].rows) { rowLabels[i] = map[rowLabels[i]] }
      row += labelResults[c].rows
    }
    // A missing label drops its row, which may drop a level: the general
    // reader's case.
    if distinct.contains(where: MissingToken.matches) { return nil }
    let cells = CSVCells(
      rows: rows, values: values, levels: [], rowLabels: rowLabels,
      distinctLabels: distinct, weights: roles.weightIndex == nil ? nil : weights,
      encoded: Layout(numeric: numeric, categorical: categorical))
    return (cells, !scans.contains { !$0.plainASCII })
  }

  /// The feature columns (matrix order) whose cell in the first data row is
  /// text; nil when that row cannot say (a quote, a missing cell, too few
  /// fields, a number that is not finite).
  private static func textColumns(
    _ b: UnsafePointer<UInt8>, from start: Int, count n: Int, roles: CSVColumnRoles
  ) -> [Int]? {
    var p = start
    while p < n, b[p] == 0x0A || b[p] == 0x0D { p += 1 }
    var starts: [Int] = []
    var ends: [Int] = []
    while true {
      let e = fieldEnd(b, from: p, count: n, delimiter: roles.delimiter)
      guard e >= 0 else { return nil }
      starts.append(p)
      ends.append(e)
      if e < n, b[e] == roles.delimiter {
        p = e + 1
        continue
      }
      break
    }
    guard starts.count == roles.columnCount else { return nil }
    var text: [Int] = []
    for (k, j) in roles.featureIndices.enumerated() {
      if MissingToken.matches(b, from: starts[j], to: ends[j]) { return nil }
      switch parseDouble(b + starts[j], count: ends[j] - starts[j]) {
      case .success: continue
      case .failure(.notANumber): text.append(k)
      case .failure: return nil
      }
    }
    return text
  }

  /// Pass 1 over one chunk: splits each row as far as its last text column,
  /// interns those cells, and looks for quotes in the rest of the line.
  private static func scan(
    _ b: UnsafePointer<UInt8>, from start: Int, to end: Int, count n: Int,
    roles: CSVColumnRoles, columnRole: [Int], textOf: [Int], textCount: Int,
    lastText: Int, releaser: PageReleaser
  ) -> Scan {
    var result = Scan()
    // The text columns in file order, with their index among the text
    // columns.
    let textFields = (0...lastText).compactMap { j -> (Int, Int)? in
      let k = columnRole[j]
      return k >= 0 && textOf[k] >= 0 ? (j, textOf[k]) : nil
    }
    result.levels = [LabelInterner](repeating: LabelInterner(), count: textCount)
    result.codes.reserveCapacity(textCount * 1024)
    var p = start
    var released = start
    releaser.prefetch(start..<min(end, start + PageReleaser.step))
    defer { releaser.release(released..<end) }
    while p < end {
      if p - released >= PageReleaser.step {
        releaser.release(released..<p)
        released = p
        releaser.prefetch(p..<min(end, p + PageReleaser.step))
      }
      if b[p] == 0x0A {
        p += 1
        continue
      }
      if b[p] == 0x0D, p + 1 < n, b[p + 1] == 0x0A {
        p += 2
        continue
      }
      // p is at the start of file column `column`; the numbers between
      // text columns are skipped by counting delimiters.
      let rowStart = p
      var column = 0
      for (j, m) in textFields {
        if j > column {
          p = skipFields(b, from: p, count: n, fields: j - column, delimiter: roles.delimiter)
          guard p >= 0 else {
            result.declined = true
            return result
          }
        }
        let e = fieldEnd(b, from: p, count: n, delimiter: roles.delimiter)
        guard e >= 0 else {
          result.declined = true
          return result
        }
        result.codes.append(UInt32(result.levels[m].id(of: b, from: p, to: e)))
        p = e
        column = j
        if j < roles.columnCount - 1 {
          guard p < n, b[p] == roles.delimiter else {
            result.declined = true
            return result
          }
          p += 1
          column = j + 1
        }
      }
      // The rest of the line: only a quote matters here.
      guard let next = lineEnd(b, from: p, count: n) else {
        result.declined = true
        return result
      }
      if result.plainASCII {
        result.plainASCII = CSVChunkedBody.countLines(b + rowStart, count: next - rowStart).plainASCII
      }
      p = next
      result.rows += 1
    }
    return result
  }

  /// The offset just after the `fields`-th delimiter from `p`; -1 when a
  /// line end or a quote comes first. Sixteen bytes with no line end or
  /// quote and too few delimiters are skipped whole (SIMD16 compares: SSE2
  /// on x86-64, NEON on arm64; eight-byte words took a multiply each and
  /// made this pass most of a categorical file's extra time).
  @inline(__always)
  private static func skipFields(
    _ b: UnsafePointer<UInt8>, from start: Int, count n: Int, fields: Int,
    delimiter: UInt8
  ) -> Int {
    typealias Bytes = SIMD16<UInt8>
    let raw = UnsafeRawPointer(b)
    let separators = Bytes(repeating: delimiter)
    var remaining = fields
    var p = start
    while p + 16 <= n {
      let x = raw.loadUnaligned(fromByteOffset: p, as: Bytes.self)
      let stop = (x .== Bytes(repeating: 0x0A)) .| (x .== Bytes(repeating: 0x22))
      // A true lane is 0xFF: its two's complement is one per delimiter.
      let found = Int(
        (Bytes() &- unsafeBitCast(x .== separators, to: Bytes.self)).wrappedSum())
      if !any(stop) && found < remaining {
        remaining -= found
        p += 16
        continue
      }
      break
    }
    while p < n {
      let c = b[p]
      p += 1
      if c == delimiter {
        remaining -= 1
        if remaining == 0 { return p }
      } else if c == 0x0A || c == 0x22 {
        return -1
      }
    }
    return -1
  }

  /// The offset just after the line end at or after `p` (or `n`); nil when
  /// a quote comes first.
  @inline(__always)
  private static func lineEnd(
    _ b: UnsafePointer<UInt8>, from start: Int, count n: Int
  ) -> Int? {
    let raw = UnsafeRawPointer(b)
    var p = start
    while p + 8 <= n {
      let x = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
      let special = zeroBytes(x ^ (ones &* 0x0A)) | zeroBytes(x ^ (ones &* 0x22))
      if special != 0 {
        p += special.trailingZeroBitCount >> 3
        break
      }
      p += 8
    }
    while p < n {
      if b[p] == 0x22 { return nil }
      if b[p] == 0x0A { return p + 1 }
      p += 1
    }
    return n
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101

  /// High bit set in each byte of x that is zero.
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    let highs: UInt64 = 0x8080_8080_8080_8080
    return ~(((x & ~highs) &+ ~highs) | x) & highs
  }

  /// The offset of the delimiter, `\n` or `\r\n` that ends the field at
  /// `p`, or `n`; -1 when a `"` comes first. Eight bytes at a time.
  @inline(__always)
  static func fieldEnd(
    _ b: UnsafePointer<UInt8>, from start: Int, count n: Int, delimiter: UInt8
  ) -> Int {
    let raw = UnsafeRawPointer(b)
    let separators = ones &* UInt64(delimiter)
    var p = start
    while true {
      while p + 8 <= n {
        let x = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
        let special =
          zeroBytes(x ^ separators) | zeroBytes(x ^ (ones &* 0x0A))
          | zeroBytes(x ^ (ones &* 0x0D)) | zeroBytes(x ^ (ones &* 0x22))
        if special != 0 {
          p += special.trailingZeroBitCount >> 3
          break
        }
        p += 8
      }
      while p < n {
        let c = b[p]
        if c == delimiter || c == 0x0A { return p }
        if c == 0x22 { return -1 }
        p += 1
        if c == 0x0D {
          if p < n, b[p] == 0x0A { return p - 1 }
          break  // a lone '\r' is field text
        }
      }
      if p >= n { return n }
    }
  }
}

/// Pass 2 over one chunk of ``CSVEncodedBody``: rows parsed straight into
/// the encoded matrix. Any row the fast reader declines stops it (the file
/// is then read the general way).
private struct EncodedChunkParser {
  let base: UnsafePointer<UInt8>
  let count: Int
  let roles: CSVColumnRoles
  let columnRole: [Int]
  let textOf: [Int]
  let textCount: Int
  let numeric: [Int]
  let width: Int
  let codes: [UInt32]
  let placement: [[Int32]]
  let releaser: PageReleaser
  var labels = LabelInterner()

  /// - Returns: false when a row is not the clean case.
  mutating func parse(
    from start: Int, to end: Int, rows: Int, out: UnsafeMutablePointer<Double>,
    labels rowLabels: UnsafeMutablePointer<Int>, weights: UnsafeMutablePointer<Double>?
  ) -> Bool {
    let b = base
    let n = count
    let delimiter = roles.delimiter
    let last = roles.columnCount - 1
    // Per feature column: its matrix column when numeric, else -1.
    var position = [Int](repeating: -1, count: textOf.count)
    for (m, k) in numeric.enumerated() { position[k] = m }
    let indicators = numeric.count
    var runs = NumberRuns(
      columnRoles: columnRole, output: { position[$0] >= 0 ? position[$0] : nil },
      kernel: .current)
    var pages = PagesAhead(out, count: rows * width)
    var p = start
    var row = 0
    var released = start
    releaser.prefetch(start..<min(end, start + PageReleaser.step))
    defer { releaser.release(released..<end) }
    return columnRole.withUnsafeBufferPointer { role in
      codes.withUnsafeBufferPointer { codes in
        while p < end {
          if p - released >= PageReleaser.step {
            releaser.release(released..<p)
            released = p
            releaser.prefetch(p..<min(end, p + PageReleaser.step))
          }
          if b[p] == 0x0A {
            p += 1
            continue
          }
          if b[p] == 0x0D, p + 1 < n, b[p + 1] == 0x0A {
            p += 2
            continue
          }
          guard row < rows else { return false }
          let x = out + row * width
          pages.prepare(upTo: x + width)
          (x + indicators).initialize(repeating: 0, count: width - indicators)
          var t = row * textCount
          var j = 0
          while j <= last {
            let r = role[j]
            if runs.starts(at: j) {
              // A run of numeric columns, as far as the vector scanner is
              // sure of it; the field it stops at is read below.
              switch runs.step(
                b, from: p, count: n, column: j, last: last, delimiter: delimiter,
                into: x + position[r])
              {
              case .next(let column, let offset):
                (j, p) = (column, offset)
                continue
              case .broken: return false
              case .none: break
              }
            }
            if r >= 0, textOf[r] >= 0 {
              let e = CSVEncodedBody.fieldEnd(b, from: p, count: n, delimiter: delimiter)
              let column = placement[textOf[r]][Int(codes[t])]
              if column >= 0 { x[Int(column)] = 1 }
              t += 1
              p = e
            } else if r >= 0 || r == CSVColumnRoles.weight {
              guard let (v, e) = number(b, from: p, count: n, delimiter: delimiter)
              else { return false }
              if r >= 0 {
                x[position[r]] = v
              } else {
                guard v >= 0 else { return false }
                weights![row] = v
              }
              p = e
            } else if r == CSVColumnRoles.target {
              let e = CSVEncodedBody.fieldEnd(b, from: p, count: n, delimiter: delimiter)
              rowLabels[row] = labels.id(of: b, from: p, to: e)
              p = e
            } else {
              p = CSVEncodedBody.fieldEnd(b, from: p, count: n, delimiter: delimiter)
            }
            if j < last {
              guard p < n, b[p] == delimiter else { return false }
              p += 1
            }
            j += 1
          }
          if p < n {
            if b[p] == 0x0A {
              p += 1
            } else if b[p] == 0x0D, p + 1 < n, b[p + 1] == 0x0A {
              p += 2
            } else {
              return false
            }
          }
          row += 1
        }
        return row == rows
      }
    }
  }

  /// A numeric cell and where it ends; nil for anything but a finite number
  /// (a missing or text cell included).
  @inline(__always)
  private func number(
    _ b: UnsafePointer<UInt8>, from p: Int, count n: Int, delimiter: UInt8
  ) -> (Double, Int)? {
    if let (v, e) = parseDoublePrefix(b, from: p, end: n),
      e == n || b[e] == delimiter || b[e] == 0x0A || b[e] == 0x0D
    {
      return (v, e)
    }
    let e = CSVEncodedBody.fieldEnd(b, from: p, count: n, delimiter: delimiter)
    guard e > p, case .success(let v) = parseDouble(b + p, count: e - p) else { return nil }
    return (v, e)
  }
}
