import FitlogitSystem

/// A canonical Huffman code (RFC 1951 §3.2.2) for decoding: codes up to
/// ``fastBits`` long by one table lookup on the next bits of the stream,
/// longer ones bit by bit from the counts (as zlib's `puff` does).
struct HuffmanCode {
  static let fastBits = 10
  /// Indexed by the next fastBits stream bits: symbol << 4 | length, or 0.
  var fast = [UInt16](repeating: 0, count: 1 << fastBits)
  /// Codes per length, 0...15.
  var counts = [Int](repeating: 0, count: 16)
  /// Symbols ordered by code length, then value.
  var symbols: [Int] = []

  /// nil when the lengths over-subscribe the code (an invalid stream);
  /// incomplete codes are allowed, as zlib allows them.
  init?(lengths: [Int]) {
    for l in lengths { counts[l] += 1 }
    counts[0] = 0
    var left = 1
    for len in 1...15 {
      left = left * 2 - counts[len]
      if left < 0 { return nil }
    }
    var offsets = [Int](repeating: 0, count: 16)
    for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
    symbols = [Int](repeating: 0, count: lengths.count)
    var code = 0
    var first = [Int](repeating: 0, count: 16)
    for len in 1...15 {
      first[len] = code
      code = (code + counts[len]) << 1
    }
    for (s, len) in lengths.enumerated() where len > 0 {
      symbols[offsets[len]] = s
      offsets[len] += 1
      let c = first[len]
      first[len] += 1
      if len <= Self.fastBits {
        var reversed = 0
        for b in 0..<len where c & (1 << (len - 1 - b)) != 0 { reversed |= 1 << b }
        var k = reversed
        while k < 1 << Self.fastBits {
          fast[k] = UInt16(s << 4 | len)
          k += 1 << len
        }
      }
    }
  }
}

/// Decodes one DEFLATE stream into an ``InflatedText``.
struct Inflater {
  let input: UnsafePointer<UInt8>
  let count: Int
  /// The next input byte to load into ``bits`` (past `count`: zeros, and
  /// an error if the decoder ever uses them).
  var position: Int
  let text: InflatedText
  let releaser: PageReleaser
  var bits: UInt64 = 0
  var bitCount = 0
  private var released = 0

  init(
    input: UnsafePointer<UInt8>, count: Int, position: Int, text: InflatedText,
    releaser: PageReleaser
  ) {
    self.input = input
    self.count = count
    self.position = position
    self.text = text
    self.releaser = releaser
    released = position & ~(PageReleaser.step - 1)
  }

  /// The offset of the first byte after the stream (once ``run()`` is done).
  var bytePosition: Int { position - bitCount / 8 }

  static let lengthBase: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  static let lengthExtra: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBase: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distanceExtra: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
  static let fixedLiterals = HuffmanCode(
    lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
      + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8))!
  static let fixedDistances = HuffmanCode(lengths: [Int](repeating: 5, count: 30))!

  /// At least 56 bits in ``bits``.
  @inline(__always)
  mutating func refill() {
    if position + 8 <= count {
      let word = UnsafeRawPointer(input + position).loadUnaligned(as: UInt64.self)
      bits |= word << UInt64(bitCount)
      position += (63 - bitCount) >> 3
      bitCount |= 56
    } else {
      while bitCount <= 56 {
        if position < count { bits |= UInt64(input[position]) << UInt64(bitCount) }
        position += 1
        bitCount += 8
      }
    }
  }

  @inline(__always)
  mutating func take(_ n: Int) -> Int {
    let v = Int(bits & ((1 << UInt64(n)) - 1))
    bits >>= UInt64(n)
    bitCount -= n
    return v
  }

  @inline(__always)
  mutating func decode(_ code: HuffmanCode) -> Int {
    let e = Int(code.fast[Int(bits & UInt64((1 << HuffmanCode.fastBits) - 1))])
    if e != 0 {
      let len = e & 15
      bits >>= UInt64(len)
      bitCount -= len
      return e >> 4
    }
    var c = 0
    var first = 0
    var index = 0
    for len in 1...15 {
      c |= take(1)
      let n = code.counts[len]
      if c - n < first { return code.symbols[index + c - first] }
      index += n
      first += n
      first <<= 1
      c <<= 1
    }
    return -1
  }

  /// Inflates every block; returns an error message or nil.
  mutating func run() -> String? {
    while true {
      refill()
      let final = take(1)
      let type = take(2)
      switch type {
      case 0:
        // Stored: skip to a byte boundary, then LEN and its complement.
        _ = take(bitCount & 7)
        position -= bitCount / 8
        bits = 0
        bitCount = 0
        guard position + 4 <= count else { return "truncated (the file ends inside the data)" }
        let len = Int(input[position]) | Int(input[position + 1]) << 8
        let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard len == ~nlen & 0xFFFF else { return "a stored block's length is damaged" }
        position += 4
        guard position + len <= count else { return "truncated (the file ends inside the data)" }
        text.reserve(len)
        (text.pointer + text.count).update(from: input + position, count: len)
        text.count += len
        position += len
      case 1:
        if let e = block(Self.fixedLiterals, Self.fixedDistances) { return e }
      case 2:
        guard let (literals, distances) = dynamicCodes() else {
          return "a block's Huffman code is damaged"
        }
        if let e = block(literals, distances) { return e }
      default:
        return "a block of unknown type 3"
      }
      if position - bitCount / 8 > count { return "truncated (the file ends inside the data)" }
      let consumed = position - bitCount / 8
      if consumed - released >= PageReleaser.step {
        let upTo = consumed & ~(PageReleaser.step - 1)
        releaser.release(released..<upTo)
        released = upTo
      }
      if final == 1 { return nil }
    }
  }

  /// The code lengths of a dynamic block, and its two codes.
  mutating func dynamicCodes() -> (HuffmanCode, HuffmanCode)? {
    refill()
    let hlit = take(5) + 257
    let hdist = take(5) + 1
    let hclen = take(4) + 4
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    var lengthLengths = [Int](repeating: 0, count: 19)
    for i in 0..<hclen {
      if bitCount < 3 { refill() }
      lengthLengths[order[i]] = take(3)
    }
    guard let lengthCode = HuffmanCode(lengths: lengthLengths) else { return nil }
    var lengths: [Int] = []
    lengths.reserveCapacity(hlit + hdist)
    while lengths.count < hlit + hdist {
      refill()
      let s = decode(lengthCode)
      switch s {
      case 0...15: lengths.append(s)
      case 16:
        guard let last = lengths.last else { return nil }
        lengths += [Int](repeating: last, count: 3 + take(2))
      case 17: lengths += [Int](repeating: 0, count: 3 + take(3))
      case 18: lengths += [Int](repeating: 0, count: 11 + take(7))
      default: return nil
      }
    }
    guard lengths.count == hlit + hdist, lengths[256] > 0,
      let literals = HuffmanCode(lengths: Array(lengths[0..<hlit])),
      let distances = HuffmanCode(lengths: Array(lengths[hlit...]))
    else { return nil }
    return (literals, distances)
  }

  /// Literals and matches up to the end-of-block symbol.
  mutating func block(_ literals: HuffmanCode, _ distances: HuffmanCode) -> String? {
    while true {
      if bitCount < 48 { refill() }
      let s = decode(literals)
      if s < 256 {
        if s < 0 { return "a code that the block's Huffman table does not have" }
        text.reserve(1)
        text.pointer[text.count] = UInt8(truncatingIfNeeded: s)
        text.count += 1
        continue
      }
      if s == 256 { return nil }
      let l = s - 257
      guard l < 29 else { return "a length code out of range" }
      let length = Self.lengthBase[l] + take(Self.lengthExtra[l])
      if bitCount < 32 { refill() }
      let d = decode(distances)
      guard d >= 0, d < 30 else { return "a distance code out of range" }
      let distance = Self.distanceBase[d] + take(Self.distanceExtra[d])
      guard distance <= text.count else { return "a distance before the start of the data" }
      if position - bitCount / 8 > count { return "truncated (the file ends inside the data)" }
      text.reserve(length + 8)  // the 8-byte copy may write past the end
      let out = text.pointer + text.count
      let from = out - distance
      if distance >= 8 {
        var i = 0
        let raw = UnsafeMutableRawPointer(out)
        while i < length {
          raw.storeBytes(
            of: UnsafeRawPointer(from + i).loadUnaligned(as: UInt64.self),
            toByteOffset: i, as: UInt64.self)
          i += 8
        }
      } else {
        for i in 0..<length { out[i] = from[i] }
      }
      text.count += length
    }
  }
}
