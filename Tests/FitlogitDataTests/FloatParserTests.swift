import Foundation
import FitlogitTestSupport
import Testing

@testable import FitlogitData
import FitlogitSystem

/// parseDouble's value, or nil when it rejects the text.
private func fast(_ s: [UInt8]) -> Double? {
  s.withUnsafeBufferPointer { b -> Double? in
    if case .success(let v) = parseDouble(b.baseAddress!, count: b.count) {
      return v
    }
    return nil
  }
}

/// What `strtod` gives, nil when it overflows (a feature must be finite).
private func reference(_ s: [UInt8]) -> Double? {
  let v = s.withUnsafeBufferPointer {
    libcStrtod($0.baseAddress!, count: $0.count)
  }
  return v.isFinite ? v : nil
}

/// The first disagreement (text, parsed bits, strtod bits) among `texts`.
private func firstMismatch(
  _ texts: some Sequence<[UInt8]>
) -> (String, UInt64?, UInt64?)? {
  for t in texts {
    let a = fast(t)
    let b = reference(t)
    if a?.bitPattern != b?.bitPattern {
      return (String(decoding: t, as: UTF8.self), a?.bitPattern, b?.bitPattern)
    }
  }
  return nil
}

/// Random literals: 1–25 digits, a point anywhere or nowhere, an optional
/// sign and an exponent, spread so that every branch of the parser (small
/// and exact,
/// Eisel–Lemire, the 19-digit truncation, subnormals, overflow) is hit.
private struct LiteralGenerator: Sequence, IteratorProtocol {
  var rng: SplitMix64
  var remaining: Int

  mutating func next() -> [UInt8]? {
    guard remaining > 0 else { return nil }
    remaining -= 1
    var s: [UInt8] = []
    let kind = rng.next() % 4
    if kind == 0 {
      // The shortest round-trip text of a random finite double.
      var bits: UInt64
      repeat { bits = rng.next() } while !Double(bitPattern: bits).isFinite
      return Array("\(Double(bitPattern: bits))".utf8)
    }
    if rng.next() % 3 == 0 { s.append(rng.next() % 2 == 0 ? 0x2D : 0x2B) }
    let digitCount = kind == 1 ? 17 : 1 + Int(rng.next() % 25)
    let point = Int(rng.next() % UInt64(digitCount + 2)) - 1
    for k in 0..<digitCount {
      if k == point { s.append(0x2E) }
      // Runs of 0s and 9s make the near-halfway significands that matter.
      let r = rng.next() % 10
      let d: UInt64 = r < 2 ? 0 : r < 4 ? 9 : rng.next() % 10
      s.append(0x30 + UInt8(d))
    }
    if point == digitCount { s.append(0x2E) }
    if kind == 3 || rng.next() % 2 == 0 {
      s.append(rng.next() % 2 == 0 ? 0x65 : 0x45)
      if rng.next() % 2 == 0 { s.append(0x2D) }
      let e = kind == 3 ? 280 + rng.next() % 70 : rng.next() % 340
      s.append(contentsOf: Array(String(e).utf8))
    }
    return s
  }
}

@Suite struct FloatParserTests {
  /// Literals where a double-rounding or table error would show.
  @Test(arguments: [
    "9007199254740993", "9007199254740992", "9007199254740994",
    "9007199254740995", "2.2250738585072011e-308", "2.2250738585072012e-308",
    "2.2250738585072014e-308", "4.9406564584124654e-324", "5e-324",
    "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-324",
    "1.7976931348623157e308", "1.7976931348623158e308", "4.9e-324",
    "0.1", "0.3", "1e23", "8.98846567431158e307", "1.00000005960464477539063",
    "123456789012345678901234567890", "0.000000000000000000001",
    "7.2057594037927933e16", "1.0000000000000000000000000001",
    "9999999999999999999", "99999999999999999999", "18446744073709551615",
    "18446744073709551616", "1e-22", "1e22", "4503599627370497.5",
    "-0", "+0.0", "0e999", "-0.0e-999", "3.141592653589793238462643383279",
    "1448997445238699", "1.448997445238699e-300", "2.225073858507201e-308",
    "6.631236846766476e-316", "3.234e-320", "1e-320", "1e-310",
    "17976931348623157e292", "1797693134862315807e290",
  ])
  func edgeCaseMatchesStrtod(text: String) {
    let t = Array(text.utf8)
    #expect(fast(t)?.bitPattern == reference(t)?.bitPattern)
  }

  /// The CSV fast path (`parseDoublePrefix`) reads what strtod reads, or
  /// defers to the full parser. A mantissa of more than 19 digits followed
  /// by an exponent once lost the exponent there (1.2345…e5 read as 1.2345…),
  /// when the two parsers were separate copies.
  @Test(arguments: [
    "1.2345678901234567890123e5", "12345678901234567890123e-5",
    "0.00000000000000000000123456e30", "-9.99999999999999999999e-3", "0.1", "7e22",
  ])
  func fastPathMatchesStrtod(text: String) {
    let field = Array((text + ",").utf8)
    let prefix = field.withUnsafeBufferPointer {
      parseDoublePrefix($0.baseAddress!, from: 0, end: $0.count)
    }
    let expected = reference(Array(text.utf8))
    if let prefix {
      #expect(prefix.value.bitPattern == expected?.bitPattern)
      #expect(prefix.end == text.utf8.count)
    }
    #expect(fast(Array(text.utf8))?.bitPattern == expected?.bitPattern)
  }

  @Test func csvReadsLongMantissaWithExponent() throws {
    let text = "x,y\n1.2345678901234567890123e5,0\n2,1\n"
    let data = try Dataset(csv: Array(text.utf8), file: "t.csv")
    // Swift's own literal parser as the reference.
    #expect(data.features.row(0)[0] == 1.2345678901234567890123e5)
  }

  @Test func overflowIsRejectedAsNotFinite() {
    for text in ["1e309", "1.7976931348623159e308", "-1e400", "1e99999999999"] {
      let t = Array(text.utf8)
      let r = t.withUnsafeBufferPointer {
        parseDouble($0.baseAddress!, count: $0.count)
      }
      #expect(r == .failure(.notFinite), "\(text)")
    }
  }

  /// 300,000 seeded random literals, bit for bit against strtod.
  @Test func randomLiteralsMatchStrtod() {
    let mismatch = firstMismatch(
      LiteralGenerator(rng: SplitMix64(seed: 20_240_606), remaining: 300_000))
    #expect(mismatch == nil)
  }

  /// Exact midpoints between random neighbouring doubles (normal and
  /// subnormal), written out in full and cut to 17, 19 and 20 digits,
  /// where the rounding is hardest to decide.
  @Test func halfwayPointsMatchStrtod() {
    var texts: [[UInt8]] = []
    var rng = SplitMix64(seed: 7)
    for _ in 0..<1_500 {
      let bits = rng.next() & 0x7FFF_FFFF_FFFF_FFFF
      let v = Double(bitPattern: bits)
      guard v.isFinite, v.nextUp.isFinite else { continue }
      // v = m·2^e with an integer m; the midpoint is (2m + 1)·2^(e−1).
      let m =
        v.significandBitPattern
        | (v.isSubnormal ? 0 : 1 << 52)
      let e = (v.isSubnormal ? -1074 : Int(v.exponent) - 52)
      let digits = exactDecimal(2 * m + 1, timesTwoToThe: e - 1)
      let tail = e - 1 < 0 ? Array("e-\(-(e - 1))".utf8) : []
      texts.append(digits + tail)
      for cut in [17, 19, 20] where digits.count > cut {
        let kept = Array(digits.prefix(cut))
        let shift = Array(
          "e\((e - 1 < 0 ? e - 1 : 0) + digits.count - cut)".utf8)
        texts.append(kept + shift)
      }
    }
    #expect(texts.count > 4_000)
    #expect(firstMismatch(texts) == nil)
  }

  /// The digit scanner reads eight bytes at a time and takes the run of
  /// digits at the start of each word (0 to 8 of them) in one step: every
  /// run length from 1 to 25 digits, split by the point at every place,
  /// followed by each kind of byte that ends a number (a separator, a line
  /// end, a byte ≥ 0xFA whose +6 carries into the next byte),
  /// with the number at the end of the buffer (fewer than 8 bytes left) and
  /// with room after it; the prefix reader must stop exactly where the
  /// number ends and agree with strtod bit for bit.
  @Test func digitRunsOfEveryLengthMatchStrtod() {
    var checked = 0
    var rng = SplitMix64(seed: 18)
    for count in 1...25 {
      var digits: [UInt8] = (0..<count).map { _ in 0x30 + UInt8(rng.next() % 10) }
      if digits[0] == 0x30 { digits[0] = 0x37 }
      for point in -1...count {
        var text = digits
        if point >= 0 { text.insert(0x2E, at: point) }
        if rng.next() % 2 == 0 { text.insert(0x2D, at: 0) }
        for tail: [UInt8] in [[], [0x2C], [0x0A], [0x0D, 0x0A], [0xFA, 0x39], [0xFF, 0x31]] {
          for padding in [0, 9] {
            let bytes = text + tail + [UInt8](repeating: 0x2C, count: tail.isEmpty ? 0 : padding)
            let prefix = bytes.withUnsafeBufferPointer {
              parseDoublePrefix($0.baseAddress!, from: 0, end: $0.count)
            }
            let expected = reference(text)
            // More than 19 digits may defer to the full parser (nil).
            if count <= 19 || prefix != nil {
              #expect(prefix?.value.bitPattern == expected?.bitPattern, "\(text)")
              #expect(prefix?.end == text.count, "\(text)")
            }
            #expect(fast(text)?.bitPattern == expected?.bitPattern)
            checked += 1
          }
        }
      }
    }
    #expect(checked == 4_500)
  }

  /// Values on both sides of 2⁵³ with exact powers of ten, where an
  /// earlier version chose between Clinger's single IEEE operation and
  /// Eisel–Lemire's product; now Eisel–Lemire alone must give strtod's
  /// double, exact products and halfway cases included.
  @Test(arguments: [
    "9007199254740991e-22", "9007199254740992e22", "9007199254740993e-1",
    "4503599627370496.5", "4503599627370497.5", "9007199254740993",
    "1e-22", "1e22", "1e23", "123456789e-22", "0.5", "2.5e-1", "1.5",
    "3.0517578125e-05", "8.673617379884035e-19", "4.440892098500626e-16",
    "1152921504606846976", "1152921504606846977", "2.2250738585072014e-308",
  ])
  func exactPowersOfTenMatchStrtod(text: String) {
    let t = Array(text.utf8)
    #expect(fast(t)?.bitPattern == reference(t)?.bitPattern)
    let negative = Array(("-" + text).utf8)
    #expect(fast(negative)?.bitPattern == reference(negative)?.bitPattern)
  }

  /// `FITLOGIT_FUZZ_COUNT=5000000 swift test -c release --filter
  /// FloatParserTests` (scripts/fuzz_float.sh) runs millions more.
  @Test func manyMoreOnDemand() {
    let environment = ProcessInfo.processInfo.environment
    guard let env = environment["FITLOGIT_FUZZ_COUNT"], let count = Int(env)
    else { return }
    let seed = environment["FITLOGIT_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1
    let mismatch = firstMismatch(
      LiteralGenerator(rng: SplitMix64(seed: seed), remaining: count))
    #expect(mismatch == nil)
  }
}

/// The decimal digits of n·2^k (k ≥ 0), or of n·5^(−k) when k < 0, that
/// is n·2^k·10^(−k): exact, with base-10⁹ limbs.
private func exactDecimal(_ n: UInt64, timesTwoToThe k: Int) -> [UInt8] {
  var limbs: [UInt64] = [
    n % 1_000_000_000, n / 1_000_000_000 % 1_000_000_000,
    n / 1_000_000_000_000_000_000,
  ]
  func multiply(by f: UInt64) {
    var carry: UInt64 = 0
    for i in limbs.indices {
      let t = limbs[i] * f + carry
      limbs[i] = t % 1_000_000_000
      carry = t / 1_000_000_000
    }
    while carry > 0 {
      limbs.append(carry % 1_000_000_000)
      carry /= 1_000_000_000
    }
  }
  var left = abs(k)
  let (big, small): (UInt64, UInt64) =
    k >= 0 ? (1 << 29, 2) : (1_220_703_125, 5)
  let bigCount = k >= 0 ? 29 : 13
  while left >= bigCount {
    multiply(by: big)
    left -= bigCount
  }
  while left > 0 {
    multiply(by: small)
    left -= 1
  }
  while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
  var out = Array(String(limbs.last!).utf8)
  for limb in limbs.dropLast().reversed() {
    let s = Array(String(limb).utf8)
    out += [UInt8](repeating: 0x30, count: 9 - s.count) + s
  }
  return out
}
