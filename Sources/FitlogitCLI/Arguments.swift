import FitlogitSystem

/// The words after the command, consumed as options are read (in the order
/// of the command's `OptionTable`, which validates the values).
///
/// Options take their value from the next word (`--C 2`) or after `=`
/// (`--C=2`), so a negative value such as `--C -1` reaches validation
/// instead of being mistaken for an option. Whatever is left at the end is
/// an unknown option or an extra argument: a usage error.
struct Arguments {
  private var words: [String]
  /// Options this command knows, for the "unknown option" message.
  private(set) var known: Set<String> = ["--help", "-h"]

  init(_ words: [String]) { self.words = words }

  /// True if `--name` is present (and removes it).
  mutating func flag(_ name: String) -> Bool {
    known.insert(name)
    guard let i = words.firstIndex(of: name) else { return false }
    words.remove(at: i)
    if words.contains(name) {
      // A repeated flag is harmless; drop the copies.
      words.removeAll { $0 == name }
    }
    return true
  }

  /// The value of `--name VALUE` or `--name=VALUE`, or nil if absent.
  mutating func option(_ name: String) throws(CommandError) -> String? {
    known.insert(name)
    var value: String?
    while let i = words.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) {
      if words[i] == name {
        guard i + 1 < words.count else {
          throw .usage("missing value for '\(name)'")
        }
        value = words[i + 1]
        words.removeSubrange(i...(i + 1))
      } else {
        value = String(words[i].dropFirst(name.count + 1))
        words.remove(at: i)
      }
    }
    return value
  }

  /// The next positional word, or nil. Words starting with `-` are options.
  mutating func positional() -> String? {
    guard let i = words.firstIndex(where: { !$0.hasPrefix("-") || $0 == "-" })
    else { return nil }
    return words.remove(at: i)
  }

  /// Fails on anything not consumed.
  func finish() throws(CommandError) {
    guard let word = words.first else { return }
    if word.hasPrefix("-") && word != "-" {
      let name = String(word.prefix { $0 != "=" })
      if known.contains(name) { throw .usage("missing value for '\(name)'") }
      throw .usage("unknown option \(shown(name))")
    }
    throw .usage("unexpected argument \(shown(word))")
  }
}

/// A user's word in single quotes, control characters escaped, so an error
/// message stays one printable line.
func shown(_ word: String) -> String {
  "'" + printable(word, limit: 80) + "'"
}
