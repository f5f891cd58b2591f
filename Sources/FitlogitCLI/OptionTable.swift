/// A command's options and positional arguments: the one declaration that
/// parsing, validation, `--help` and the README's option list come from.
///
/// See `Option` for how to add an option.
struct OptionTable: Sendable {
  /// In the order they are read and listed; `-h, --help` is added last.
  var options: [Option]
  /// Names of the positional arguments, all required: "missing DATA.csv".
  var positionals: [String] = []
  /// The name of one positional argument that may be left out (`loss`'s
  /// FILE.csv), read after the required ones.
  var optionalPositional: String?

  init(
    _ options: [Option], positionals: [String] = [], optionalPositional: String? = nil
  ) {
    self.options = options + [.help]
    self.positionals = positionals
    self.optionalPositional = optionalPositional
  }

  /// The validated options and positional arguments of `words`, or nil when
  /// they ask for `--help`.
  ///
  /// Options are read in the table's order, then the positional arguments;
  /// whatever is left is an unknown option or an extra argument. So a
  /// missing DATA.csv is reported before an unknown option, as before the
  /// table existed.
  func parse(_ words: [String]) throws(CommandError) -> ParsedOptions? {
    var args = Arguments(words)
    if args.flag("--help") || args.flag("-h") { return nil }
    var values: [String: Option.Parsed] = [:]
    for option in options where option.name != "--help" {
      if case .flag = option.value {
        if args.flag(option.name) { values[option.name] = .flag }
      } else if let text = try args.option(option.name) {
        values[option.name] = try option.validate(text)
      } else if option.required {
        throw .usage("missing \(option.synopsis)")
      } else if let fallback = option.defaultText {
        values[option.name] = try option.validate(fallback)
      }
    }
    var found: [String] = []
    for name in positionals {
      guard let word = args.positional() else { throw .usage("missing \(name)") }
      found.append(word)
    }
    if optionalPositional != nil, let word = args.positional() { found.append(word) }
    try args.finish()
    return ParsedOptions(values: values, positionals: found, table: self)
  }

  /// ``parse(_:)`` for a command's `run`: when the words ask for `--help`,
  /// writes `help` to `stdout` and returns nil, so that each command only
  /// says `guard let parsed = try table.parse(words, help: ..., stdout: &stdout)
  /// else { return }`.
  func parse(
    _ words: [String], help: String, stdout: inout some TextOutputStream
  ) throws(CommandError) -> ParsedOptions? {
    guard let parsed = try parse(words) else {
      stdout.write(help)
      return nil
    }
    return parsed
  }

  /// The OPTIONS block of `--help`: one line per option (more when its help
  /// wraps), the explanations aligned at column 26.
  var helpBlock: String {
    var out = ""
    for option in options where !option.help.isEmpty {
      let left = "  " + option.synopsis
      let column = 26
      if left.count < column {
        out += left + String(repeating: " ", count: column - left.count) + option.help[0]
      } else if left.count == column {
        // A synopsis that fills the column keeps two spaces before its text.
        out += left + "  " + option.help[0]
      } else {
        out += left + "\n" + String(repeating: " ", count: column) + option.help[0]
      }
      out += "\n"
      for line in option.help.dropFirst() {
        out += String(repeating: " ", count: column) + line + "\n"
      }
    }
    return out
  }

  func option(named name: String) -> Option? {
    options.first { $0.names.contains(name) }
  }
}

/// What `OptionTable.parse` read: each option's value (given, or its
/// default) by name, and the positional arguments in order.
struct ParsedOptions {
  let values: [String: Option.Parsed]
  let positionals: [String]
  let table: OptionTable

  /// Asking for an option the table lacks is a programming error, caught
  /// by the tests that run every command.
  private func value(_ name: String) -> Option.Parsed? {
    precondition(table.option(named: name) != nil, "\(name) is not in the option table")
    return values[name]
  }

  func flag(_ name: String) -> Bool { value(name) == .flag }

  /// A text or choice option's word (nil when absent without a default).
  func text(_ name: String) -> String? {
    guard case .text(let t) = value(name) else { return nil }
    return t
  }

  func number(_ name: String) -> Double? {
    guard case .number(let v) = value(name) else { return nil }
    return v
  }

  func integer(_ name: String) -> Int? {
    guard case .integer(let v) = value(name) else { return nil }
    return v
  }

  /// A choice option as its enumeration.
  func choice<T: RawRepresentable>(_ name: String, as type: T.Type = T.self) -> T?
  where T.RawValue == String {
    text(name).flatMap(T.init(rawValue:))
  }
}
