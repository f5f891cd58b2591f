/// A cell that is not a number, stored in the `Double` that would have held
/// it: a quiet NaN whose payload says "missing" or "text level k".
///
/// The chunked parser writes every used cell into one row-major buffer
/// without knowing yet which columns are categorical; boxing the other
/// cases into NaNs keeps that single pass and single buffer. The parser
/// never produces a real NaN (it refuses `nan` as a number), so every NaN in
/// the buffer is one of these codes.
enum CellCode {
  private static let missingBits: UInt64 = 0x7FF9_0000_0000_0000
  private static let textTag: UInt64 = 0x7FFA_0000_0000_0000
  private static let payload: UInt64 = (1 << 44) - 1

  static let missing = Double(bitPattern: missingBits)

  @inline(__always)
  static func text(_ id: Int) -> Double {
    Double(bitPattern: textTag | UInt64(id))
  }

  @inline(__always)
  static func isMissing(_ v: Double) -> Bool { v.bitPattern == missingBits }

  /// The level id of a text cell, or nil for a number or a missing cell.
  @inline(__always)
  static func textID(_ v: Double) -> Int? {
    let bits = v.bitPattern
    return bits & ~payload == textTag ? Int(bits & payload) : nil
  }
}

/// pandas' default missing-value tokens (`read_csv`'s `na_values` list,
/// `keep_default_na=True`): a cell that is exactly one of these is missing.
enum MissingToken {
  static let all: [String] = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
    "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a",
    "nan", "null",
  ]
  private static let bytes: [[UInt8]] = all.map { Array($0.utf8) }

  /// Whether `p[start..<end]` is a missing token; tokens are at most 8
  /// bytes, so longer cells cost one comparison.
  @inline(__always)
  static func matches(
    _ p: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Bool {
    let n = end - start
    if n == 0 { return true }
    if n > 8 { return false }
    let first = p[start]
    // Every token starts with one of these bytes.
    switch first {
    case 0x23, 0x2D, 0x31, 0x3C, 0x4E, 0x6E: break  // # - 1 < N n
    default: return false
    }
    for token in bytes where token.count == n {
      var same = true
      for i in 0..<n where token[i] != p[start + i] {
        same = false
        break
      }
      if same { return true }
    }
    return false
  }

  static func matches(_ s: String) -> Bool { all.contains(s) }
}
