/// One option of one command, declared once: its name, the kind of value it
/// takes, its default, how that value is validated and its `--help` line.
///
/// Each command keeps a table of these (`FitCommand.options`, ...). The table
/// drives parsing (`OptionTable.parse`), validation and error messages, the
/// OPTIONS block of the command's `--help`, and the README's option list
/// (a test fails when the README's block differs from the table's).
///
/// Adding an option is one entry in its command's table, for example
///
///     .number(
///       "--l1-ratio", "R", default: "0.5", requirement: "in [0, 1]",
///       help: "elastic-net mixing, 0 is L2 and 1 is L1 (default 0.5)"
///     ) { $0 >= 0 && $0 <= 1 },
///
/// then one line in the command that reads it (`parsed.number("--l1-ratio")`)
/// and the README's block pasted from the test's failure message. The table's
/// order is the order options are read and listed.
struct Option: Sendable {
  /// What follows the option's name on the command line.
  enum Value: Sendable {
    /// No value: present or absent (`--json`).
    case flag
    /// Any word (a column name, a path, a list the command parses itself).
    case text(metavar: String, default: String?)
    /// A number, finite unless `valid` accepts an infinity.
    case number(
      metavar: String, default: String?, requirement: String,
      valid: @Sendable (Double) -> Bool)
    /// An integer.
    case integer(
      metavar: String, default: String?, requirement: String,
      valid: @Sendable (Int) -> Bool)
    /// One of fixed words, in the order help and errors list them.
    case choice(names: [String], default: String?)
  }

  /// `--C`; the first of `names`. `-h, --help` is the one alias.
  var names: [String]
  var value: Value
  /// "missing --y-true LIST" when absent, instead of a default.
  var required = false
  /// The help line's left column when it is not the name and its value
  /// (`--penalty l2, --C VALUE` for two options explained together).
  var shownAs: String?
  /// The help text, one string per line; empty when the option is explained
  /// elsewhere (in the usage line, or on another option's line).
  var help: [String]

  var name: String { names[0] }

  /// The default's text, as a user would type it, or nil.
  var defaultText: String? {
    switch value {
    case .flag: nil
    case .text(_, let d), .number(_, let d, _, _), .integer(_, let d, _, _), .choice(_, let d): d
    }
  }

  /// The left column of the help line: `--C VALUE`, `--solver lbfgs|gd|newton`.
  var synopsis: String {
    if let shownAs { return shownAs }
    switch value {
    case .flag: return names.reversed().joined(separator: ", ")
    case .text(let m, _), .number(let m, _, _, _), .integer(let m, _, _, _):
      return name + " " + m
    case .choice(let names, _): return name + " " + names.joined(separator: "|")
    }
  }

  static func flag(_ name: String, help: String...) -> Option {
    Option(names: [name], value: .flag, help: help)
  }

  static func text(
    _ name: String, _ metavar: String, default fallback: String? = nil,
    required: Bool = false, help: String...
  ) -> Option {
    Option(
      names: [name], value: .text(metavar: metavar, default: fallback), required: required,
      help: help)
  }

  static func number(
    _ name: String, _ metavar: String, default fallback: String?, requirement: String,
    shownAs: String? = nil, help: String..., valid: @escaping @Sendable (Double) -> Bool
  ) -> Option {
    Option(
      names: [name],
      value: .number(
        metavar: metavar, default: fallback, requirement: requirement, valid: valid),
      shownAs: shownAs, help: help)
  }

  static func integer(
    _ name: String, _ metavar: String, default fallback: String?, requirement: String,
    help: String..., valid: @escaping @Sendable (Int) -> Bool
  ) -> Option {
    Option(
      names: [name],
      value: .integer(
        metavar: metavar, default: fallback, requirement: requirement, valid: valid),
      help: help)
  }

  /// One of an enumeration's raw values; `listed` orders them for help and
  /// errors when the declaration order is not the one to show.
  static func choice<T: RawRepresentable & CaseIterable>(
    _ name: String, of type: T.Type, default fallback: T?, listed: [T]? = nil,
    shownAs: String? = nil, help: String...
  ) -> Option where T.RawValue == String {
    Option(
      names: [name],
      value: .choice(
        names: (listed ?? Array(T.allCases)).map(\.rawValue), default: fallback?.rawValue),
      shownAs: shownAs, help: help)
  }

  /// `-h, --help`, which every command has, listed last.
  static let help = Option(names: ["--help", "-h"], value: .flag, help: ["show this help"])

  /// The typed value of `text`, or a usage error in the words every command
  /// uses: "'--C' must be > 0, found '-1'".
  func validate(_ text: String) throws(CommandError) -> Parsed {
    switch value {
    case .flag:
      return .flag
    case .text:
      return .text(text)
    case .number(_, _, let requirement, let valid):
      guard let v = Double(text), v.isFinite || (v.isInfinite && valid(v)) else {
        throw .usage("'\(name)' expects a number \(requirement), found \(shown(text))")
      }
      guard valid(v) else {
        throw .usage("'\(name)' must be \(requirement), found \(shown(text))")
      }
      return .number(v)
    case .integer(_, _, let requirement, let valid):
      guard let v = Int(text) else {
        throw .usage("'\(name)' expects an integer \(requirement), found \(shown(text))")
      }
      guard valid(v) else {
        throw .usage("'\(name)' must be \(requirement), found \(shown(text))")
      }
      return .integer(v)
    case .choice(let names, _):
      guard names.contains(text) else {
        let allowed =
          names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
        throw .usage("'\(name)' must be \(allowed), found \(shown(text))")
      }
      return .text(text)
    }
  }

  /// A validated value.
  enum Parsed: Sendable, Equatable {
    case flag
    case text(String)
    case number(Double)
    case integer(Int)
  }
}
