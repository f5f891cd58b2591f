import FitlogitKernels
import FitlogitSystem

/// What went wrong when a field was read as a number.
enum NumberParseFailure: Error, Equatable {
  case empty
  case notANumber
  case notFinite
}

/// Parses a decimal floating-point literal as C and Python spell it:
/// `-0.8`, `.2`, `1e-3`, `+4`, `5.`, surrounded by optional spaces or tabs.
///
/// One pass checks the syntax and gathers up to 19 significant digits; the
/// value is then what `strtod` returns, bit for bit (correctly rounded):
/// Eisel–Lemire's 128-bit product, else (when that product cannot decide
/// the rounding, or more than 19 digits leave it open) `strtod` itself. `nan`, `inf`, hex
/// floats and overflow (`1e999`) are rejected: a feature must be a finite
/// number. Underflow rounds to zero or a subnormal, as Python's `float` does.
func parseDouble(
  _ p: UnsafePointer<UInt8>, count: Int
) -> Result<Double, NumberParseFailure> {
  var start = 0
  var end = count
  while start < end, p[start] == 0x20 || p[start] == 0x09 { start += 1 }
  while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
  if start == end { return .failure(.empty) }
  var i = start
  var literal = DecimalLiteral()
  if literal.scanMantissa(p, &i, end) == 0 {
    return .failure(
      isNonFiniteWord(p + i, count: end - i) ? .notFinite : .notANumber)
  }
  if !literal.scanExponent(p, &i, end) { return .failure(.notANumber) }
  if i != end { return .failure(.notANumber) }
  let value = literal.value ?? libcStrtod(p + start, count: end - start)
  return value.isFinite ? .success(value) : .failure(.notFinite)
}

/// A decimal literal `[+-]digits[.digits][(e|E)[+-]digits]` as both
/// parsers read it, so they cannot disagree on what it says: up to 19
/// significant digits in `w`, with `w · 10^exponent` its value.
private struct DecimalLiteral {
  var negative = false
  var w: UInt64 = 0
  var exponent = 0
  /// Nonzero digits beyond the 19 kept were dropped.
  var truncated = false

  /// Reads the sign and digits at `p[i...]` (`-12.50`), moving `i` past
  /// them; returns how many digits there were.
  @inline(__always)
  mutating func scanMantissa(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> Int {
    if i < end, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
      negative = p[i] == UInt8(ascii: "-")
      i += 1
    }
    // First take every digit into w (wrapping), eight at a time where
    // possible; only when there are more than 19 do we go back and keep the
    // first 19 significant ones.
    let integerStart = i
    scanDigits(p, &i, end, &w)
    let integerDigits = i - integerStart
    var fractionDigits = 0
    if i < end, p[i] == UInt8(ascii: ".") {
      i += 1
      let fractionStart = i
      scanDigits(p, &i, end, &w)
      fractionDigits = i - fractionStart
    }
    exponent = -fractionDigits
    let digits = integerDigits + fractionDigits
    if digits > 19 {
      (w, exponent, truncated) = significantDigits(
        p + integerStart, integerDigits: integerDigits,
        fractionDigits: fractionDigits)
    }
    return digits
  }

  /// Adds the exponent part `e-5` at `p[i...]`, if any, moving `i` past it;
  /// false for an `e` without digits.
  @inline(__always)
  mutating func scanExponent(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> Bool {
    guard i < end, p[i] | 0x20 == UInt8(ascii: "e") else { return true }
    i += 1
    var negativeExponent = false
    if i < end, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
      negativeExponent = p[i] == UInt8(ascii: "-")
      i += 1
    }
    var e = 0
    let exponentStart = i
    while i < end {
      let d = p[i] &- 0x30
      if d >= 10 { break }
      // Past 10⁵ every value is 0 or ∞ already; stop growing so that a
      // long exponent cannot overflow.
      if e < 100_000 { e = e * 10 + Int(d) }
      i += 1
    }
    if i == exponentStart { return false }
    exponent += negativeExponent ? -e : e
    return true
  }

  /// The correctly rounded value, or nil when only strtod can decide it.
  var value: Double? {
    @inline(__always) get {
      decimalToDouble(w, exponent: exponent, negative: negative, truncated: truncated)
    }
  }
}

/// Appends the decimal digits at `p[i...]` to `w` (mod 2⁶⁴), moving `i`
/// past them.
@inline(__always)
private func scanDigits(
  _ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int, _ w: inout UInt64
) {
  let raw = UnsafeRawPointer(p)
  while i + 8 <= end {
    let v = UInt64(
      littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
    // All eight bytes are '0'...'9' (fast_float's is_made_of_eight_digits).
    let high = v & 0xF0F0_F0F0_F0F0_F0F0
    let carried = ((v &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4
    guard high | carried == 0x3333_3333_3333_3333 else { break }
    // Their value, by pairwise multiply-adds (parse_eight_digits_unrolled).
    var x = v &- 0x3030_3030_3030_3030
    x = (x &* 10) &+ (x >> 8)
    let mask: UInt64 = 0x0000_00FF_0000_00FF
    x =
      (((x & mask) &* 0x000F_4240_0000_0064)
        &+ (((x >> 16) & mask) &* 0x0000_2710_0000_0001)) >> 32
    w = w &* 100_000_000 &+ x
    i += 8
  }
  while i < end {
    let d = p[i] &- 0x30
    if d >= 10 { break }
    w = w &* 10 &+ UInt64(d)
    i += 1
  }
}

/// The first 19 significant digits of `digits[.digits]` at `p` as an
/// integer, the power of ten that scales them back, and whether any nonzero
/// digit was left out.
private func significantDigits(
  _ p: UnsafePointer<UInt8>, integerDigits: Int, fractionDigits: Int
) -> (w: UInt64, exponent: Int, truncated: Bool) {
  var w: UInt64 = 0
  var significant = 0
  var exponent = 0
  var truncated = false
  for k in 0..<integerDigits {
    let d = p[k] &- 0x30
    if significant < 19 {
      if w != 0 || d != 0 {
        w = w * 10 + UInt64(d)
        significant += 1
      }
    } else {
      exponent += 1
      if d != 0 { truncated = true }
    }
  }
  let fraction = p + integerDigits + 1
  for k in 0..<fractionDigits {
    let d = fraction[k] &- 0x30
    if significant < 19 {
      if w != 0 || d != 0 {
        w = w * 10 + UInt64(d)
        significant += 1
      }
      exponent -= 1
    } else if d != 0 {
      truncated = true
    }
  }
  return (w, exponent, truncated)
}

/// The double nearest to ±w·10^exponent, or nil when only an exact
/// big-number conversion can tell (then the caller asks `strtod`).
///
/// - Parameters:
///   - truncated: Nonzero digits were dropped after w's 19, so the true
///     significand lies strictly between w and w + 1; the answer stands only
///     if both round to the same double (fast_float's test).
@inline(__always)
func decimalToDouble(
  _ w: UInt64, exponent q: Int, negative: Bool, truncated: Bool
) -> Double? {
  if w == 0 { return negative ? -0.0 : 0.0 }
  // No Clinger fast path (w·10^q in one IEEE operation when both are exact
  // doubles): Eisel–Lemire is exact there too (Mushtak and Lemire, "Fast
  // number parsing without fallback", 2023), and choosing between the two
  // on w ≤ 2⁵³ is a coin toss for the 16–17-digit numbers pandas writes,
  // a branch mispredicted on every other number (and a division).
  guard let bits = eiselLemire(w, q) else { return nil }
  if truncated {
    guard let upper = eiselLemire(w + 1, q), upper == bits else { return nil }
  }
  return Double(bitPattern: negative ? bits | (1 << 63) : bits)
}

/// Eisel–Lemire: the bits of the double nearest to w·10^q, w > 0, without
/// sign (+∞ on overflow, 0 on underflow), or nil when the truncated 128-bit
/// product leaves the rounding undecided. The algorithm is FitlogitKernels'
/// `fl_eisel_lemire` (include/EiselLemire.h), which the vector scanner and
/// the C calibrator share; q is checked against the table here first, so
/// that it fits the C `int`.
@inline(__always)
func eiselLemire(_ w: UInt64, _ q: Int) -> UInt64? {
  if q < powersOfFiveSmallestExponent { return 0 }
  if q > powersOfFiveLargestExponent { return 0x7FF << 52 }
  var bits: UInt64 = 0
  return fl_eisel_lemire(w, Int32(q), powersOfFiveTable, &bits) == 0 ? bits : nil
}

/// ``powersOfFive128`` at an address that lives as long as the process, for
/// the C functions that take it (`fl_eisel_lemire`, `fl_scan_numbers`);
/// copied once, on first use.
nonisolated(unsafe) let powersOfFiveTable: UnsafePointer<UInt64> = {
  let table = UnsafeMutablePointer<UInt64>.allocate(capacity: powersOfFive128.count)
  table.initialize(from: powersOfFive128, count: powersOfFive128.count)
  return UnsafePointer(table)
}()

/// `nan`, `inf` or `infinity` in any case: numbers Python would accept but
/// a feature cannot hold.
private func isNonFiniteWord(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
  var word = ""
  for k in 0..<min(count, 8) {
    word.append(Character(Unicode.Scalar(p[k] | 0x20)))
  }
  return count <= 8 && (word == "nan" || word == "inf" || word == "infinity")
}

extension String {
  /// The string as a finite Double in the CSV number syntax, or nil.
  package var csvNumber: Double? {
    var s = self
    return s.withUTF8 { u -> Double? in
      guard let base = u.baseAddress else { return nil }
      if case .success(let v) = parseDouble(base, count: u.count) { return v }
      return nil
    }
  }
}

/// The number that starts exactly at `p[start]` (no leading blanks) and
/// where it ends, for the CSV fast path; nil whenever anything is unusual
/// (no digits, a bare `e`, a value strtod must decide, overflow), and the
/// caller then reads the field with ``parseDouble(_:count:)``, which
/// returns the same value or the precise error.
@inline(__always)
func parseDoublePrefix(
  _ p: UnsafePointer<UInt8>, from start: Int, end: Int
) -> (value: Double, end: Int)? {
  var i = start
  var literal = DecimalLiteral()
  if literal.scanMantissa(p, &i, end) == 0 { return nil }
  if !literal.scanExponent(p, &i, end) { return nil }
  guard let value = literal.value, value.isFinite else { return nil }
  return (value, i)
}
