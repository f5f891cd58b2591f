/// What went wrong when a field was read as a number.
enum NumberParseFailure: Error, Equatable {
  case empty
  case notANumber
  case notFinite
}

/// Parses a decimal floating-point literal as C and Python spell it:
/// `-0.8`, `.2`, `1e-3`, `+4`, `5.`, surrounded by optional spaces or tabs.
///
/// The syntax is checked here and the value comes from `strtod`, which is
/// correctly rounded. `nan`, `inf`, hex floats and overflow (`1e999`) are
/// rejected: a feature must be a finite number. Underflow rounds to zero
/// or a subnormal, as Python's `float` does.
func parseDouble(
  _ p: UnsafePointer<UInt8>, count: Int
) -> Result<Double, NumberParseFailure> {
  var start = 0
  var end = count
  while start < end, p[start] == 0x20 || p[start] == 0x09 { start += 1 }
  while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
  if start == end { return .failure(.empty) }
  var i = start
  if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
  var digits = 0
  while i < end, p[i] &- 0x30 < 10 { i += 1; digits += 1 }
  if i < end, p[i] == UInt8(ascii: ".") {
    i += 1
    while i < end, p[i] &- 0x30 < 10 { i += 1; digits += 1 }
  }
  if digits == 0 {
    return .failure(isNonFiniteWord(p + i, count: end - i) ? .notFinite : .notANumber)
  }
  if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
    i += 1
    if i < end, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
    var exponentDigits = 0
    while i < end, p[i] &- 0x30 < 10 { i += 1; exponentDigits += 1 }
    if exponentDigits == 0 { return .failure(.notANumber) }
  }
  if i != end { return .failure(.notANumber) }
  let value = libcStrtod(p + start, count: end - start)
  return value.isFinite ? .success(value) : .failure(.notFinite)
}

/// `nan`, `inf` or `infinity` in any case: numbers Python would accept but
/// a feature cannot hold.
private func isNonFiniteWord(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
  var word = ""
  for k in 0..<min(count, 8) { word.append(Character(Unicode.Scalar(p[k] | 0x20))) }
  return count <= 8 && (word == "nan" || word == "inf" || word == "infinity")
}

extension String {
  /// The string as a finite Double in the CSV number syntax, or nil.
  var csvNumber: Double? {
    var s = self
    return s.withUTF8 { u -> Double? in
      guard let base = u.baseAddress else { return nil }
      if case .success(let v) = parseDouble(base, count: u.count) { return v }
      return nil
    }
  }
}
