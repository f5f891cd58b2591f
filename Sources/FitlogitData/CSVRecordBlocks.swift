import FitlogitSystem

/// A CSV file read front to back in blocks of whole records, each block a
/// small CSV file of its own (the header record, then the records), so
/// that `predict` holds one block and its matrix at a time instead of the
/// whole file and its whole matrix.
///
/// A block ends after a line end outside quotes: the quote count from the
/// end of the header is even there (an escaped `""` counts twice), so a
/// quoted field that holds a line end is never cut.
package final class CSVRecordBlocks {
  private let input: InputStream
  private let blockBytes: Int
  /// Bytes read and not yet handed out; the header stays in front.
  private var pending: [UInt8] = []
  private var atEnd = false
  /// The header record with its line end (and any blank lines before
  /// it), once the first block is out.
  private var header: [UInt8]?

  /// - Parameters:
  ///   - blockBytes: About how many bytes of records a block holds (more
  ///     when one record is longer).
  package init(path: String, blockBytes: Int) throws(FileError) {
    input = try InputStream(path: path)
    self.blockBytes = max(blockBytes, 1)
  }

  /// The next block, or nil after the last. When the whole file fits in
  /// one block, that block is the file's bytes unchanged; so is a gzip
  /// file, whatever its size.
  package func next() throws(FileError) -> [UInt8]? {
    try fill(to: blockBytes)
    guard let header else {
      // A gzip file is one block: inflating needs it whole.
      if pending.starts(with: [0x1F, 0x8B]) {
        while !atEnd { try fill(to: pending.count + blockBytes) }
      }
      if atEnd {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
      }
      let end = try headerEnd()
      header = Array(pending[..<end])
      return try cut(from: end)
    }
    if pending.isEmpty { return nil }
    return try cut(from: 0, prefix: header)
  }

  /// Hands out `prefix` and the records of `pending` up to the last line
  /// end outside quotes (all of it at the end of the file).
  private func cut(from start: Int, prefix: [UInt8] = []) throws(FileError)
    -> [UInt8]
  {
    var searchFrom = start
    while true {
      if atEnd {
        defer { pending = [] }
        return prefix + pending
      }
      if let end = lastRecordEnd(from: searchFrom) {
        let block = prefix + pending[..<end]
        pending.removeFirst(end)
        return block
      }
      // One record longer than a block: read on until it ends.
      searchFrom = start
      try fill(to: pending.count + blockBytes)
    }
  }

  /// The offset after the last `\n` at even quote parity in
  /// `pending[start...]`, which itself starts at even parity.
  private func lastRecordEnd(from start: Int) -> Int? {
    pending.withUnsafeBufferPointer { b -> Int? in
      let base = b.baseAddress!
      let n = b.count
      guard n > start else { return nil }
      let (_, quote, _) = CSVChunkedBody.countLines(base + start, count: n - start)
      if !quote {
        var i = n
        while i > start {
          if base[i - 1] == 0x0A { return i }
          i -= 1
        }
        return nil
      }
      var inQuotes = false
      var last: Int?
      for i in start..<n {
        if base[i] == 0x22 { inQuotes.toggle() }
        if base[i] == 0x0A, !inQuotes { last = i + 1 }
      }
      return last
    }
  }

  /// The offset after the header record: its first line end outside
  /// quotes after a line that is not blank (the record reader skips blank
  /// lines before the header).
  private func headerEnd() throws(FileError) -> Int {
    var i = 0
    var inQuotes = false
    var seenText = false
    while true {
      while i < pending.count {
        let b = pending[i]
        i += 1
        if b == 0x22 { inQuotes.toggle() }
        if b == 0x0A, !inQuotes, seenText { return i }
        if b != 0x0A, b != 0x0D { seenText = true }
      }
      if atEnd { return pending.count }
      try fill(to: pending.count + blockBytes)
    }
  }

  /// Reads until `pending` holds `count` bytes or the input ends, at most
  /// 4 MiB a read.
  private func fill(to count: Int) throws(FileError) {
    while !atEnd, pending.count < count {
      let want = min(count - pending.count, 1 << 22)
      let old = pending.count
      pending += repeatElement(0, count: want)
      let n = try pending.withUnsafeMutableBytes { buffer in
        Result { () throws(FileError) in
          try input.read(into: buffer.baseAddress! + old, count: want)
        }
      }.get()
      pending.removeLast(want - n)
      if n == 0 { atEnd = true }
    }
  }
}
