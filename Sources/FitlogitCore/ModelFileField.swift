import FitlogitJSON
import FitlogitSystem

/// One value of a model file and where it sits (`"coef"[1][2]`), read with
/// its type checked: the strict half of ``ModelFile/decode(_:)``.
///
/// A model file may come from anywhere (a hand edit, another tool, a newer
/// fitlogit), so every getter says which field is wrong and what it holds
/// instead, in one line: `"coef"[1]: expected 4 numbers, found 3`.
struct ModelFileField {
  let value: JSON
  /// `"coef"[1]`, or "" for the whole file.
  let path: String

  init(_ value: JSON, path: String = "") {
    self.value = value
    self.path = path
  }

  /// The error for this field.
  func error(_ what: String) -> ModelFileError {
    ModelFileError(kind: .notModel, message: path.isEmpty ? what : "\(path): \(what)")
  }

  func expected(_ what: String) -> ModelFileError {
    error("expected \(what), found \(Self.describe(value))")
  }

  /// The value as a message shows it: `"inf"`, `3`, `true`, `an array`.
  static func describe(_ value: JSON) -> String {
    switch value {
    case .string(let s): quoted(s, limit: 40)
    case .number(let v): "\(v)"
    case .integer(let v): String(v)
    case .bool(let b): b ? "true" : "false"
    case .null: "null"
    case .array(let items): "an array of \(items.count)"
    case .object: "an object"
    }
  }

  // MARK: - Objects

  /// The members of an object, each key once: a repeated key is an error,
  /// since readers disagree on which of the two counts.
  func members() throws(ModelFileError) -> [(String, JSON)] {
    guard case .object(let members) = value else { throw expected("an object") }
    var seen = Set<String>()
    for (key, _) in members where !seen.insert(key).inserted {
      throw error("member \(quoted(key)) appears twice")
    }
    return members
  }

  /// The member `key`, or nil when the object lacks it.
  func member(_ key: String) throws(ModelFileError) -> ModelFileField? {
    guard let found = try members().first(where: { $0.0 == key }) else { return nil }
    return ModelFileField(found.1, path: path + (path.isEmpty ? "" : ".") + quoted(key))
  }

  /// The member `key`, which the file must have.
  func required(_ key: String) throws(ModelFileError) -> ModelFileField {
    guard let field = try member(key) else { throw error("\(quoted(key)) is missing") }
    return field
  }

  // MARK: - Scalars

  func string() throws(ModelFileError) -> String {
    guard case .string(let s) = value else { throw expected("a string") }
    return s
  }

  func bool() throws(ModelFileError) -> Bool {
    guard case .bool(let b) = value else { throw expected("true or false") }
    return b
  }

  func integer() throws(ModelFileError) -> Int {
    guard case .integer(let v) = value else { throw expected("an integer") }
    return v
  }

  /// A finite number: JSON has no infinity, and the strings "inf" and
  /// "nan" (which fitlogit's reports print) are not numbers here.
  func number() throws(ModelFileError) -> Double {
    switch value {
    case .number(let v): return v
    case .integer(let v): return Double(v)
    default: throw expected("a number")
    }
  }

  // MARK: - Arrays

  func items() throws(ModelFileError) -> [ModelFileField] {
    guard case .array(let items) = value else { throw expected("an array") }
    return items.enumerated().map { ModelFileField($1, path: "\(path)[\($0)]") }
  }

  /// `count` numbers (any count when nil).
  func numbers(count: Int? = nil) throws(ModelFileError) -> [Double] {
    let items = try items()
    if let count, items.count != count {
      throw error("expected \(count) number\(count == 1 ? "" : "s"), found \(items.count)")
    }
    var values: [Double] = []
    values.reserveCapacity(items.count)
    for item in items { values.append(try item.number()) }
    return values
  }

  /// Distinct strings, at least `minimum` of them.
  func distinctStrings(minimum: Int, nouns: (String, String)) throws(ModelFileError) -> [String] {
    let items = try items()
    if items.count < minimum {
      let noun = minimum == 1 ? nouns.0 : nouns.1
      throw error("expected at least \(minimum) \(noun), found \(items.count)")
    }
    var strings: [String] = []
    var seen: [String: Int] = [:]
    for (k, item) in items.enumerated() {
      let s = try item.string()
      if let first = seen[s] {
        throw item.error("\(quoted(s, limit: 40)) repeats \(path)[\(first)]")
      }
      seen[s] = k
      strings.append(s)
    }
    return strings
  }
}
