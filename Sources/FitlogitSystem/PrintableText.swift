// The one place where a name from a file or the command line is made safe to
// print: a class, feature or level name, or a file name, may hold terminal
// escape sequences (a CSV header with ESC [ 2 J clears the screen) or be a
// megabyte long. Every text report and every error message goes through it;
// JSON output does not (it keeps the exact string, JSON-escaped).

/// `text` with control and other invisible characters escaped as `\u{1b}`,
/// cut at `limit` characters (then "…"), for a name inside a text report
/// or a one-line message.
///
/// Escaped: C0 and C1 controls and DEL (ESC starts a terminal sequence, CR
/// and LF break a line), format characters such as the bidirectional
/// overrides U+202E and U+2066…U+2069 (they reorder what follows on the
/// screen) and the line and paragraph separators. The zero-width joiner is
/// kept: it is part of emoji such as "👩‍💻" and moves nothing.
package func printable(_ text: String, limit: Int = 400) -> String {
  var out = ""
  var count = 0
  for scalar in text.unicodeScalars {
    if count == limit { return out + "…" }
    count += 1
    appendEscaped(scalar, to: &out)
  }
  return out
}

/// `"abc"`: `text` in double quotes, inner quotes and backslashes escaped
/// as well, cut at `limit` characters: a name inside an error message,
/// where a quote in the name must not look like the end of it.
package func quoted(_ text: String, limit: Int = 60) -> String {
  var out = "\""
  var count = 0
  for scalar in text.unicodeScalars {
    if count == limit { return out + "…\"" }
    count += 1
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default: appendEscaped(scalar, to: &out)
    }
  }
  return out + "\""
}

/// Whether `scalar` must not reach a terminal as it is.
package func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
  if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
  if scalar.value < 0xA0 || scalar == "\u{200D}" { return false }
  switch scalar.properties.generalCategory {
  case .control, .format, .lineSeparator, .paragraphSeparator: return true
  default: return false
  }
}

private func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
  if needsEscape(scalar) {
    out += "\\u{\(String(scalar.value, radix: 16))}"
  } else {
    out.unicodeScalars.append(scalar)
  }
}

/// How many characters `text` takes once printed: the length of the form
/// ``printableLines(_:)`` and ``printable(_:limit:)`` give it, so a name
/// holding ESC counts the six characters of `\u{1b}`. Every text table pads
/// by this width (``padded(_:to:right:)``) and escapes afterwards, so a row
/// whose name holds an escaped character still lines up.
///
/// Width is counted in Characters (grapheme clusters), what Swift's
/// `count` gives: "é" is 1 whether it is one scalar or "e" plus a combining
/// accent, and so is "中". Terminals draw East Asian wide characters (CJK
/// ideographs, fullwidth forms, most emoji) two columns wide, so a table
/// with such names lines up in characters, as in a file or a browser, but
/// not on such a terminal's screen: the columns a character takes there
/// depend on the terminal and its font, which a report cannot know.
package func printedWidth(_ text: String) -> Int {
  guard text.unicodeScalars.contains(where: needsEscape) else { return text.count }
  var out = ""
  for scalar in text.unicodeScalars { appendEscaped(scalar, to: &out) }
  return out.count
}

/// `text` with spaces added to `width` printed characters
/// (``printedWidth(_:)``): after it when left-aligned, before it when
/// `right`. Longer text is left as it is.
package func padded(_ text: String, to width: Int, right: Bool = false) -> String {
  let fill = String(repeating: " ", count: max(0, width - printedWidth(text)))
  return right ? fill + text : text + fill
}

/// A report's text with every character ``needsEscape(_:)`` names escaped
/// except the line ends it is made of: what reaches standard output and
/// standard error, whatever names the report holds. Text that is all
/// printable ASCII (almost every report) is returned as it is.
package func printableLines(_ text: String) -> String {
  if text.utf8.allSatisfy({ $0 == 0x0A || (0x20..<0x7F).contains($0) }) { return text }
  var out = ""
  for scalar in text.unicodeScalars {
    if scalar == "\n" {
      out.unicodeScalars.append(scalar)
    } else {
      appendEscaped(scalar, to: &out)
    }
  }
  return out
}
