import FitlogitSystem

/// gzip files (RFC 1952: DEFLATE, RFC 1951, inside a header and a CRC-32
/// trailer), decompressed here because the package takes no dependencies.
///
/// The compressed bytes are read once, front to back, and their pages are
/// handed back to the kernel as they are consumed (``PageReleaser``), so a
/// mapped `.csv.gz` never holds the whole compressed file beside the whole
/// text. Several members one after another (`cat a.gz b.gz`) are one text,
/// as `zcat` reads them.
enum Gzip {
  /// The first two bytes of every gzip member.
  static func isGzip(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The decompressed text.
  ///
  /// - Throws: ``CSVError`` without a position: a damaged or truncated
  ///   file, or a checksum that does not match.
  static func decompress(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, releaser: PageReleaser = .none
  ) throws(CSVError) -> InflatedText {
    func failure(_ message: String) -> CSVError {
      CSVError(file: file, line: 0, column: 0, message: "not a valid gzip file: \(message)")
    }
    let n = bytes.count
    // ISIZE of the last member: the text's size modulo 2^32, a good first
    // capacity (the buffer grows if the file has several members or more).
    var hint = 1 << 16
    if n >= 18 {
      hint = max(hint, Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16
        | Int(bytes[n - 1]) << 24)
    }
    let text = InflatedText(capacity: hint + 64)
    var start = 0
    while start < n {
      guard n - start >= 18, bytes[start] == 0x1F, bytes[start + 1] == 0x8B else {
        if start > 0, bytes[start...].allSatisfy({ $0 == 0 }) { break }  // padding
        throw failure(start == 0 ? "no gzip header" : "unexpected bytes after member end")
      }
      guard bytes[start + 2] == 8 else { throw failure("compression method is not deflate") }
      let flags = bytes[start + 3]
      var p = start + 10
      if flags & 4 != 0 {
        guard p + 2 <= n else { throw failure("truncated header") }
        p += 2 + (Int(bytes[p]) | Int(bytes[p + 1]) << 8)
      }
      for flag: UInt8 in [8, 16] where flags & flag != 0 {
        while p < n, bytes[p] != 0 { p += 1 }
        p += 1
      }
      if flags & 2 != 0 { p += 2 }
      guard p < n else { throw failure("truncated header") }
      let memberStart = text.count
      var inflater = Inflater(
        input: bytes.baseAddress!, count: n, position: p, text: text, releaser: releaser)
      if let message = inflater.run() { throw failure(message) }
      p = inflater.bytePosition
      guard p + 8 <= n else { throw failure("truncated (the file ends inside the data)") }
      let crc = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16
        | UInt32(bytes[p + 3]) << 24
      let size = UInt32(bytes[p + 4]) | UInt32(bytes[p + 5]) << 8 | UInt32(bytes[p + 6]) << 16
        | UInt32(bytes[p + 7]) << 24
      let produced = text.count - memberStart
      guard UInt32(truncatingIfNeeded: produced) == size,
        CRC32.checksum(text.pointer + memberStart, count: produced) == crc
      else { throw failure("checksum mismatch (the file is damaged)") }
      start = p + 8
    }
    releaser.release(0..<n)
    return text
  }
}

/// Decompressed bytes in one allocation that grows by doubling, read in
/// place by the CSV parser.
final class InflatedText {
  private(set) var pointer: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    pointer = .allocate(capacity: self.capacity)
  }

  deinit { pointer.deallocate() }

  /// Room for `extra` more bytes.
  @inline(__always)
  func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private func grow(_ needed: Int) {
    var c = capacity
    while c < needed { c *= 2 }
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
    p.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = p
    capacity = c
  }

  var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }
}

/// CRC-32 (IEEE, reflected), eight bytes per step ("slicing by 8").
enum CRC32 {
  static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      t[i] = c
    }
    for i in 0..<256 {
      for k in 1..<8 { t[k * 256 + i] = (t[(k - 1) * 256 + i] >> 8) ^ t[Int(t[(k - 1) * 256 + i] & 0xFF)] }
    }
    return t
  }()

  static func checksum(_ p: UnsafePointer<UInt8>, count n: Int) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    var i = 0
    tables.withUnsafeBufferPointer { t in
      let raw = UnsafeRawPointer(p)
      while i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let lo = UInt32(truncatingIfNeeded: w) ^ c
        let hi = UInt32(truncatingIfNeeded: w >> 32)
        c = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
          ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
          ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        i += 8
      }
      while i < n {
        c = t[Int((c ^ UInt32(p[i])) & 0xFF)] ^ (c >> 8)
        i += 1
      }
    }
    return ~c
  }
}
