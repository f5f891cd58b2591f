/// Which byte separates fields: the user's choice, else tab for a `.tsv`
/// file, else `,` — unless the header has no `,` but has `;` or tabs, the
/// signs of a European-locale CSV or a TSV by another name; then that byte,
/// with a note saying so (pandas would read one column and fail later).
enum CSVDelimiter {
  /// The delimiter, and a note when it was detected rather than given.
  static func choose(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, given: UInt8?
  ) -> (delimiter: UInt8, note: String?) {
    if let given { return (given, nil) }
    let lower = file.lowercased()
    if lower.hasSuffix(".tsv") || lower.hasSuffix(".tsv.gz") { return (0x09, nil) }
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var quoted = false
    for b in bytes {
      if b == 0x22 { quoted.toggle() }
      if quoted { continue }
      if b == 0x0A { break }
      switch b {
      case 0x2C: commas += 1
      case 0x3B: semicolons += 1
      case 0x09: tabs += 1
      default: break
      }
    }
    guard commas == 0, semicolons + tabs > 0 else { return (0x2C, nil) }
    let (byte, name) = tabs >= semicolons ? (UInt8(0x09), "tabs") : (UInt8(0x3B), "';'")
    return (
      byte,
      "the header has no ',' but has \(name): reading the file as "
        + "\(byte == 0x09 ? "tab" : "';'")-separated (choose with --delimiter)"
    )
  }

  /// How a message shows the delimiter: `','`, `';'`, `tab`.
  static func name(_ b: UInt8) -> String {
    b == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(b)))'"
  }
}
