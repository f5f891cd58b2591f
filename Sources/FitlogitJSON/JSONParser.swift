/// Reads JSON text (RFC 8259) into a ``JSON`` value, for model files.
///
/// A model file may come from anywhere, so the parser never traps: bad
/// text, a nesting deeper than 64 levels and numbers that overflow are all
/// errors with the byte offset where reading stopped.
package struct JSONParser {
  /// Where reading stopped (a 0-based byte offset) and why.
  package struct Failure: Error, Equatable {
    package var offset: Int
    package var message: String
  }

  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0

  package static func parse(_ text: [UInt8]) throws(Failure) -> JSON {
    var parser = JSONParser(bytes: text)
    parser.skipSpace()
    let value = try parser.value()
    parser.skipSpace()
    guard parser.i == text.count else { throw parser.fail("unexpected text after the value") }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func fail(_ message: String) -> Failure { Failure(offset: i, message: message) }

  private mutating func skipSpace() {
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
  }

  private mutating func value() throws(Failure) -> JSON {
    guard i < bytes.count else { throw fail("unexpected end of text") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  private mutating func literal(_ word: String, _ value: JSON) throws(Failure) -> JSON {
    let w = Array(word.utf8)
    guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
      throw fail("unexpected character")
    }
    i += w.count
    return value
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > 64 { throw fail("nested too deeply") }
  }

  private mutating func object() throws(Failure) -> JSON {
    try enter()
    defer { depth -= 1 }
    i += 1
    var members: [(String, JSON)] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = try string()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      i += 1
      skipSpace()
      members.append((key, try value()))
      skipSpace()
      guard i < bytes.count else { throw fail("unexpected end of text") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      throw fail("expected ',' or '}'")
    }
  }

  private mutating func array() throws(Failure) -> JSON {
    try enter()
    defer { depth -= 1 }
    i += 1
    var items: [JSON] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value())
      skipSpace()
      guard i < bytes.count else { throw fail("unexpected end of text") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      throw fail("expected ',' or ']'")
    }
  }

  private mutating func string() throws(Failure) -> String {
    i += 1  // opening quote
    var scalars = String.UnicodeScalarView()
    var utf8: [UInt8] = []
    // Raw bytes between escapes: valid UTF-8 or an error (never U+FFFD).
    func flush() throws(Failure) {
      if !utf8.isEmpty {
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw fail("invalid UTF-8 in a string")
        }
        scalars.append(contentsOf: text.unicodeScalars)
        utf8.removeAll()
      }
    }
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        try flush()
        i += 1
        return String(scalars)
      }
      if b < 0x20 { throw fail("control character in a string") }
      if b != UInt8(ascii: "\\") {
        utf8.append(b)
        i += 1
        continue
      }
      try flush()
      i += 1
      guard i < bytes.count else { break }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{8}")
      case UInt8(ascii: "f"): scalars.append("\u{C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count,
          bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u")
        {
          i += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid surrogate pair") }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
        scalars.append(scalar)
      default: throw fail("invalid escape")
      }
    }
    throw fail("unterminated string")
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let digit: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
      default: throw fail("invalid \\u escape")
      }
      v = v * 16 + UInt32(digit)
      i += 1
    }
    return v
  }

  /// A number as RFC 8259 spells it, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`:
  /// no leading zeros, `+`, bare `.` or `1.`, which other readers refuse too.
  /// An integer that fits `Int` stays exact; a double past 1.8e308 is an
  /// error, not infinity (JSON has no infinity).
  private mutating func number() throws(Failure) -> JSON {
    let start = i
    func digits() -> Int {
      let from = i
      while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
        i += 1
      }
      return i - from
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    let first = i
    let intDigits = digits()
    guard intDigits > 0 else {
      i = start
      throw fail(first == start ? "unexpected character" : "invalid number")
    }
    if intDigits > 1 && bytes[first] == UInt8(ascii: "0") {
      i = start
      throw fail("invalid number (a leading zero)")
    }
    var integral = true
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      integral = false
      guard digits() > 0 else {
        i = start
        throw fail("invalid number (no digit after '.')")
      }
    }
    if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      integral = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        i += 1
      }
      guard digits() > 0 else {
        i = start
        throw fail("invalid number (no digit in the exponent)")
      }
    }
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    if integral, let v = Int(text) { return .integer(v) }
    guard let v = Double(text), v.isFinite else {
      i = start
      throw fail("number '\(text.prefix(40))' is out of range")
    }
    return .number(v)
  }
}

extension JSON {
  /// The member named `key` of an object (the first, if repeated).
  package subscript(key: String) -> JSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  package var double: Double? {
    switch self {
    case .number(let v): return v
    case .integer(let v): return Double(v)
    case .string(let s): return s == "inf" ? .infinity : s == "-inf" ? -.infinity : nil
    default: return nil
    }
  }

  package var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  package var array: [JSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  package var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  package var int: Int? {
    if case .integer(let v) = self { return v }
    return nil
  }
}
