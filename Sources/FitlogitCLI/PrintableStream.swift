import FitlogitSystem

/// Standard output and standard error as the commands see them: every
/// string written passes through ``printableLines(_:)``, so a class,
/// feature, level or file name holding a terminal escape sequence (a CSV
/// header with ESC [ 2 J) is printed as `\u{1b}[2J` by every report and
/// message alike, not obeyed by the terminal. JSON reports pass unchanged:
/// the JSON writer has already escaped those characters as `\u001b`.
struct PrintableStream<Base: TextOutputStream>: TextOutputStream {
  var base: Base
  mutating func write(_ string: String) { base.write(printableLines(string)) }
}
